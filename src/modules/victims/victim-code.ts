import { randomBytes } from 'node:crypto';

/** Crockford base32 without I, L, O, U: codes read aloud over a phone line without confusion. */
const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A fresh pseudonymous code, e.g. VCT-7K3QX9MB (a unique index catches the rare collision). */
export function newVictimCode(): string {
  const bytes = randomBytes(8);
  return `VCT-${[...bytes].map((byte) => CODE_ALPHABET[byte % 32]).join('')}`;
}
