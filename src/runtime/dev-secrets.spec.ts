import { mkdtempSync, rmSync, statSync } from 'node:fs';
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

  it('returns the same secrets on the next start, so sessions survive a restart', () => {
    expect(loadOrCreateDevSecrets(dir)).toEqual(loadOrCreateDevSecrets(dir));
  });
});
