import { randomBytes } from 'node:crypto';

import { keyId, keyIdOfBytes, PiiCipher, PiiKeyError } from './pii-cipher';

describe('PiiCipher', () => {
  const oldKey = randomBytes(32);
  const newKey = randomBytes(32);

  it('seals and opens, with a fresh IV each time and nothing of the plaintext visible', () => {
    const cipher = new PiiCipher(oldKey);
    const a = cipher.seal('Siti Aminah binti Ahmad', 'victim:1:identity');
    const b = cipher.seal('Siti Aminah binti Ahmad', 'victim:1:identity');
    expect(a).not.toBe(b);
    expect(a).not.toContain('Siti');
    expect(a.split('.')[1]).toBe(keyId(oldKey));
    expect(cipher.open(a, 'victim:1:identity')).toBe('Siti Aminah binti Ahmad');
  });

  it('refuses a value moved to another row, a modified value and an unknown key', () => {
    const cipher = new PiiCipher(oldKey);
    const sealed = cipher.seal('A1234567', 'victim:1:identity');
    expect(() => cipher.open(sealed, 'victim:2:identity')).toThrow(PiiKeyError);
    const parts = sealed.split('.');
    parts[3] = Buffer.from('tampered').toString('base64url');
    expect(() => cipher.open(parts.join('.'), 'victim:1:identity')).toThrow(/integrity/);
    expect(() => new PiiCipher(newKey).open(sealed, 'victim:1:identity')).toThrow(/not configured/);
  });

  it('rotates: the new key seals, the previous key still opens old values until they are re-sealed', () => {
    const before = new PiiCipher(oldKey).seal('B7654321', 'ctx');
    const rotating = new PiiCipher(newKey, [oldKey]);
    expect(rotating.needsRotation(before)).toBe(true);
    const after = rotating.seal(rotating.open(before, 'ctx'), 'ctx');
    expect(rotating.needsRotation(after)).toBe(false);
    expect(new PiiCipher(newKey).open(after, 'ctx')).toBe('B7654321');
  });

  it('blind indexes match equal values per kind and reveal nothing', () => {
    const cipher = new PiiCipher(oldKey);
    const passport = cipher.blindIndex('passport', 'C1234567');
    expect(cipher.blindIndex('passport', 'C1234567')).toBe(passport);
    expect(cipher.blindIndex('nik', 'C1234567')).not.toBe(passport);
    expect(new PiiCipher(newKey).blindIndex('passport', 'C1234567')).not.toBe(passport);
    expect(passport).toMatch(/^[0-9a-f]{64}$/);
  });

  it('seals files: nothing of the bytes visible, bound to their row, opened by the key named in them', () => {
    const file = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(4096), Buffer.from('Siti Aminah')]);
    const sealed = new PiiCipher(oldKey).sealBytes(file, 'document:1:content');
    expect(sealed.includes(Buffer.from('%PDF'))).toBe(false);
    expect(sealed.includes(Buffer.from('Siti Aminah'))).toBe(false);
    expect(keyIdOfBytes(sealed)).toBe(keyId(oldKey));
    const rotating = new PiiCipher(newKey, [oldKey]);
    expect(rotating.openBytes(sealed, 'document:1:content').equals(file)).toBe(true);
    expect(() => rotating.openBytes(sealed, 'document:2:content')).toThrow(/integrity/);
    const tampered = Buffer.from(sealed);
    tampered[tampered.length - 1] ^= 1;
    expect(() => rotating.openBytes(tampered, 'document:1:content')).toThrow(/integrity/);
    expect(() => new PiiCipher(newKey).openBytes(sealed, 'document:1:content')).toThrow(/not configured/);
    expect(keyIdOfBytes(rotating.sealBytes(file, 'ctx'))).toBe(keyId(newKey));
  });

  it('rejects keys of the wrong size', () => {
    expect(() => new PiiCipher(randomBytes(16))).toThrow(/32 bytes/);
  });
});
