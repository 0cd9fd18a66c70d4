import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto';

const ALGORITHM = 'aes-256-gcm';
const FORMAT = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** The first byte of a sealed file (format 1), then 4 bytes of key id, the IV and the tag. */
const BYTES_FORMAT = Buffer.from([0x01]);
const BYTES_HEADER = 1 + 4 + IV_BYTES + TAG_BYTES;

/** Short, stable id of a key (not secret): the first 8 hex digits of its SHA-256. */
export function keyId(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 8);
}

/** The id of the key a sealed file (`PiiCipher.sealBytes`) was sealed with. */
export function keyIdOfBytes(sealed: Buffer): string {
  return sealed.subarray(1, 5).toString('hex');
}

export class PiiKeyError extends Error {
  override readonly name = 'PiiKeyError';
}

/**
 * Authenticated encryption of personal data (AES-256-GCM, a fresh 96-bit IV per value). A sealed value reads
 * `v1.<key id>.<iv>.<ciphertext>.<tag>` (base64url parts) and is bound to `context` (e.g. the row's id and
 * column) as additional data, so a value copied to another row or column fails to open.
 *
 * Keys rotate: the current key seals, every configured key opens (by key id), and `needsRotation` tells
 * which stored values the rotation command must re-seal.
 */
export class PiiCipher {
  private readonly keys = new Map<string, Buffer>();
  readonly currentKeyId: string;
  private readonly indexKey: Buffer;

  constructor(current: Buffer, previous: Buffer[] = []) {
    for (const key of [current, ...previous]) {
      if (key.length !== 32) throw new PiiKeyError('A personal-data key must be 32 bytes.');
      this.keys.set(keyId(key), key);
    }
    this.currentKeyId = keyId(current);
    // Blind indexes use their own key, derived from the current one (a rotation recomputes them).
    this.indexKey = Buffer.from(hkdfSync('sha256', current, Buffer.alloc(0), 'simpul blind index v1', 32));
  }

  seal(plaintext: string, context: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, this.keys.get(this.currentKeyId)!, iv);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [FORMAT, this.currentKeyId, iv, body, cipher.getAuthTag()]
      .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
      .join('.');
  }

  open(sealed: string, context: string): string {
    const [format, id, iv, body, tag] = sealed.split('.');
    if (format !== FORMAT || tag === undefined) throw new PiiKeyError('Not a sealed personal-data value.');
    const key = this.keys.get(id);
    if (!key) throw new PiiKeyError(`Personal data sealed with key ${id}, which is not configured.`);
    const decipher = createDecipheriv(ALGORITHM, key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    try {
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
    } catch {
      throw new PiiKeyError('Personal data failed its integrity check (wrong key, context or a modified value).');
    }
  }

  /**
   * Seals bytes (a file) the same way, in binary: `0x01`, the key id (4 bytes), the IV (12), the tag (16), then the
   * ciphertext. Bound to `context` like `seal`, so a file moved to another row fails to open.
   */
  sealBytes(plaintext: Buffer, context: string): Buffer {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, this.keys.get(this.currentKeyId)!, iv);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    return Buffer.concat([BYTES_FORMAT, Buffer.from(this.currentKeyId, 'hex'), iv, cipher.getAuthTag(), body]);
  }

  openBytes(sealed: Buffer, context: string): Buffer {
    if (sealed.length < BYTES_HEADER || !sealed.subarray(0, 1).equals(BYTES_FORMAT)) {
      throw new PiiKeyError('Not a sealed personal-data file.');
    }
    const id = keyIdOfBytes(sealed);
    const key = this.keys.get(id);
    if (!key) throw new PiiKeyError(`Personal data sealed with key ${id}, which is not configured.`);
    const decipher = createDecipheriv(ALGORITHM, key, sealed.subarray(5, 5 + IV_BYTES));
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(sealed.subarray(5 + IV_BYTES, BYTES_HEADER));
    try {
      return Buffer.concat([decipher.update(sealed.subarray(BYTES_HEADER)), decipher.final()]);
    } catch {
      throw new PiiKeyError('Personal data failed its integrity check (wrong key, context or a modified value).');
    }
  }

  /** True when the value was sealed with another key than the current one. */
  needsRotation(sealed: string): boolean {
    return sealed.split('.')[1] !== this.currentKeyId;
  }

  /**
   * A keyed hash of a normalised value, for equality lookups (same passport number?) without storing or
   * revealing the value. `kind` separates the index spaces (a passport number never matches a NIK).
   */
  blindIndex(kind: string, normalisedValue: string): string {
    return createHmac('sha256', this.indexKey).update(`${kind}\u0000${normalisedValue}`).digest('hex');
  }
}
