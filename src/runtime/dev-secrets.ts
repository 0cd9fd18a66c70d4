import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, linkSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface DevSecrets {
  tokenSecret: string;
  piiEncryptionKey: string;
}

function isDevSecrets(value: unknown): value is DevSecrets {
  const secrets = value as Partial<DevSecrets> | null;
  return (
    typeof secrets?.tokenSecret === 'string' &&
    secrets.tokenSecret.length >= 32 &&
    typeof secrets.piiEncryptionKey === 'string' &&
    /^[A-Za-z0-9+/]{43}=$/.test(secrets.piiEncryptionKey)
  );
}

/**
 * Development only: secrets generated on the first start and kept in `<dataDir>/dev-secrets.json` (mode 0600),
 * so tokens and encrypted data survive restarts without anyone configuring anything. A damaged file is an error,
 * never silently replaced: new keys would make the personal data encrypted so far unreadable.
 */
export function loadOrCreateDevSecrets(dataDir: string): DevSecrets {
  const file = join(dataDir, 'dev-secrets.json');
  if (existsSync(file)) {
    let secrets: unknown;
    try {
      secrets = JSON.parse(readFileSync(file, 'utf8'));
    } catch {
      secrets = undefined;
    }
    if (!isDevSecrets(secrets)) {
      throw new Error(
        `${file} is damaged. Restore it, or delete it together with the development database (data encrypted ` +
          'with the old key cannot be read), or set AUTH_TOKEN_SECRET and PII_ENCRYPTION_KEY.',
      );
    }
    if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
    return { tokenSecret: secrets.tokenSecret, piiEncryptionKey: secrets.piiEncryptionKey };
  }
  mkdirSync(dataDir, { recursive: true });
  const secrets: DevSecrets = {
    tokenSecret: randomBytes(48).toString('base64url'),
    piiEncryptionKey: randomBytes(32).toString('base64'),
  };
  // Written aside, then linked into place: two processes starting at once never see a half-written file, and
  // never each keep (and use) different keys.
  const draft = `${file}.${process.pid}.tmp`;
  writeFileSync(draft, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
  chmodSync(draft, 0o600); // the mode above is subject to the umask
  try {
    linkSync(draft, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return loadOrCreateDevSecrets(dataDir);
    throw error;
  } finally {
    rmSync(draft, { force: true });
  }
  return secrets;
}
