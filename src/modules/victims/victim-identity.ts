/**
 * A victim's identity: the personal data the register keeps encrypted (DOMAIN.md section 3). It never leaves
 * this module except through `Victim.identity` for agencies entitled to it, and never reaches logs, job
 * payloads, events or emails.
 */
export interface VictimIdentity {
  fullName: string;
  /** YYYY-MM-DD, when known. */
  dateOfBirth: string | null;
  passportNumber: string | null;
  /** NIK: the 16-digit Indonesian national identity number. */
  nationalIdNumber: string | null;
  /** Phone, address or a relative to reach the person through. */
  contact: string | null;
}

/** Blind index kinds (the spaces of the keyed hashes). */
export const INDEX_PASSPORT = 'passport';
export const INDEX_NATIONAL_ID = 'nik';
export const INDEX_BIRTH_ORIGIN = 'birth-origin';

/** Passport numbers compare without spaces, dashes or case. */
export function normalisePassport(value: string): string {
  return value.replace(/[\s-]/g, '').toUpperCase();
}

/** NIK compares on its digits. */
export function normaliseNationalId(value: string): string {
  return value.replace(/\D/g, '');
}

/**
 * A name for comparison: lower case, no diacritics or punctuation, no patronymic particles (bin, binti …),
 * tokens sorted so "Aminah Siti" matches "Siti Aminah".
 */
export function normaliseName(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9\s]/g, ' ')
    .split(/\s+/)
    .filter((token) => token.length > 0 && !['bin', 'binti', 'bt', 'b', 'al', 'van', 'de'].includes(token))
    .sort()
    .join(' ');
}

function bigrams(value: string): Map<string, number> {
  const grams = new Map<string, number>();
  const text = ` ${value} `;
  for (let i = 0; i < text.length - 1; i++) {
    const gram = text.slice(i, i + 2);
    grams.set(gram, (grams.get(gram) ?? 0) + 1);
  }
  return grams;
}

/** Dice coefficient of character bigrams of two normalised names: 1 for equal, 0 for nothing in common. */
export function nameSimilarity(a: string, b: string): number {
  const left = bigrams(normaliseName(a));
  const right = bigrams(normaliseName(b));
  let shared = 0;
  let total = 0;
  for (const [gram, count] of left) {
    shared += Math.min(count, right.get(gram) ?? 0);
    total += count;
  }
  for (const count of right.values()) total += count;
  return total === 0 ? 0 : (2 * shared) / total;
}

/** Names at least this similar, with the same date of birth and origin, are a close match to confirm. */
export const CLOSE_MATCH_THRESHOLD = 0.8;

/** Why an identity cannot be stored, by input field; empty when it can. */
export function identityProblems(identity: VictimIdentity, today: string): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  if (normaliseName(identity.fullName).length === 0) {
    problems.push({ field: 'identity.fullName', message: 'The full name must contain letters.' });
  }
  if (identity.dateOfBirth !== null) {
    const valid =
      /^\d{4}-\d{2}-\d{2}$/.test(identity.dateOfBirth) &&
      !Number.isNaN(Date.parse(`${identity.dateOfBirth}T00:00:00Z`)) &&
      new Date(`${identity.dateOfBirth}T00:00:00Z`).toISOString().startsWith(identity.dateOfBirth);
    if (!valid) {
      problems.push({ field: 'identity.dateOfBirth', message: 'The date of birth must be a date (YYYY-MM-DD).' });
    } else if (identity.dateOfBirth > today) {
      problems.push({ field: 'identity.dateOfBirth', message: 'The date of birth cannot be in the future.' });
    } else if (identity.dateOfBirth < '1900-01-01') {
      problems.push({ field: 'identity.dateOfBirth', message: 'The date of birth is before 1900.' });
    }
  }
  if (identity.passportNumber !== null && !/^[A-Z0-9]{5,12}$/.test(normalisePassport(identity.passportNumber))) {
    problems.push({ field: 'identity.passportNumber', message: 'A passport number has 5 to 12 letters and digits.' });
  }
  if (identity.nationalIdNumber !== null && !/^\d{16}$/.test(normaliseNationalId(identity.nationalIdNumber))) {
    problems.push({ field: 'identity.nationalIdNumber', message: 'A NIK has 16 digits.' });
  }
  return problems;
}

/**
 * Whether `text` names the person: every part of the full name (particles such as bin/binti aside, parts of three
 * letters or more), or the passport or NIK number. For free text that must refer to people by code only.
 */
export function mentionsIdentity(identity: VictimIdentity, text: string): boolean {
  const words = new Set(normaliseName(text).split(' '));
  const parts = normaliseName(identity.fullName)
    .split(' ')
    .filter((part) => part.length >= 3);
  if (parts.length > 0 && parts.every((part) => words.has(part))) return true;
  const compact = normalisePassport(text);
  if (identity.passportNumber && compact.includes(normalisePassport(identity.passportNumber))) return true;
  const digits = normaliseNationalId(text);
  return identity.nationalIdNumber !== null && digits.includes(normaliseNationalId(identity.nationalIdNumber));
}
