import { chmodSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { loadConfig } from '@app/config/load-config';

import { loadOrCreateDevSecrets } from './dev-secrets';

describe(loadOrCreateDevSecrets.name, () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'simpul-secrets-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('creates secrets the config accepts, readable only by the owner', () => {
    const sut = loadOrCreateDevSecrets(join(dir, 'data'));
    expect(() => loadConfig({}, sut)).not.toThrow();
    expect(statSync(join(dir, 'data', 'dev-secrets.json')).mode & 0o777).toBe(0o600);
  });

  it('generates a 48-byte token secret and a 32-byte key in standard base64', () => {
    const sut = loadOrCreateDevSecrets(dir);
    expect(Buffer.from(sut.tokenSecret, 'base64url')).toHaveLength(48);
    expect(sut.piiEncryptionKey).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(sut.piiEncryptionKey, 'base64')).toHaveLength(32);
    expect(readdirSync(dir)).toEqual(['dev-secrets.json']);
  });

  it('returns the same secrets on the next start, so sessions survive a restart', () => {
    expect(loadOrCreateDevSecrets(dir)).toEqual(loadOrCreateDevSecrets(dir));
  });

  it('tightens a file made readable by others back to 0600', () => {
    loadOrCreateDevSecrets(dir);
    chmodSync(join(dir, 'dev-secrets.json'), 0o644);
    loadOrCreateDevSecrets(dir);
    expect(statSync(join(dir, 'dev-secrets.json')).mode & 0o777).toBe(0o600);
  });

  it('refuses a damaged file instead of replacing the key that encrypted the data', () => {
    writeFileSync(join(dir, 'dev-secrets.json'), '{"tokenSecret": "short"}');
    expect(() => loadOrCreateDevSecrets(dir)).toThrow(/dev-secrets\.json is damaged/);
  });
});
