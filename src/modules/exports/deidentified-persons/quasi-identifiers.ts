/**
 * The quasi-identifiers of the de-identified person export and how each is generalised, level by level. Level 0 is
 * the value as the register holds it (a person's age band, a province, one destination country …); each level above
 * says less; the top level of each is '*' (nothing). Generalisation is global recoding: one level per quasi-identifier
 * for the whole file, so a column means the same thing on every row.
 *
 * Destination countries and exploitation types are lists on the case. A person's raw value is the sorted list joined
 * with ','; a list of two or more is MULTIPLE at level 0, and at level 1 the one group they share, else MULTIPLE.
 */
export const QUASI_IDENTIFIERS = [
  'ageBand',
  'sex',
  'nationality',
  'originProvince',
  'destinationCountry',
  'exploitationType',
  'year',
] as const;

export type QuasiIdentifier = (typeof QUASI_IDENTIFIERS)[number];

/** One person's quasi-identifiers as the register holds them (raw, before any generalisation). */
export type QuasiRecord = Record<QuasiIdentifier, string>;

/** The level each quasi-identifier is generalised to. */
export type GeneralisationLevels = Record<QuasiIdentifier, number>;

export const SUPPRESSED = '*';
export const UNKNOWN = 'UNKNOWN';
export const MULTIPLE = 'MULTIPLE';

const CHILD_BANDS = new Set(['CHILD_0_11', 'CHILD_12_17']);

/** Province codes (Kemendagri, first two digits) by island group. */
const ISLAND_GROUP_BY_PREFIX: readonly [string, string][] = [
  ['1', 'SUMATERA'],
  ['3', 'JAWA'],
  ['5', 'BALI_NUSA_TENGGARA'],
  ['6', 'KALIMANTAN'],
  ['7', 'SULAWESI'],
  ['8', 'MALUKU'],
  ['9', 'PAPUA'],
];

const ASEAN = new Set(['BN', 'KH', 'LA', 'MM', 'MY', 'PH', 'SG', 'TH', 'VN', 'TL']);
const EAST_ASIA = new Set(['CN', 'HK', 'MO', 'TW', 'JP', 'KR', 'KP', 'MN']);
const MIDDLE_EAST = new Set(['AE', 'SA', 'QA', 'KW', 'OM', 'BH', 'JO', 'LB', 'SY', 'IQ', 'IR', 'YE', 'IL', 'PS', 'TR']);

const EXPLOITATION_GROUP: Record<string, string> = {
  SEXUAL_EXPLOITATION: 'SEXUAL',
  FORCED_MARRIAGE: 'SEXUAL',
  FORCED_LABOUR: 'LABOUR',
  DOMESTIC_SERVITUDE: 'LABOUR',
  SLAVERY_OR_SIMILAR_PRACTICES: 'LABOUR',
  FORCED_BEGGING: 'LABOUR',
  FORCED_CRIMINALITY: 'CRIMINALITY',
  ORGAN_REMOVAL: 'OTHER',
  CHILD_SOLDIERING: 'OTHER',
  OTHER: 'OTHER',
};

const countryRegion = (country: string): string => {
  if (country === 'ID') return 'DOMESTIC';
  if (ASEAN.has(country)) return 'ASEAN';
  if (EAST_ASIA.has(country)) return 'EAST_ASIA';
  if (MIDDLE_EAST.has(country)) return 'MIDDLE_EAST';
  return 'OTHER_REGION';
};

/** A list value: one member as itself, several as the single group they share (or MULTIPLE). */
function listValue(raw: string, group: ((member: string) => string) | null): string {
  if (raw === '' || raw === UNKNOWN) return UNKNOWN;
  const members = raw.split(',');
  if (!group) return members.length === 1 ? members[0] : MULTIPLE;
  const groups = new Set(members.map(group));
  return groups.size === 1 ? [...groups][0] : MULTIPLE;
}

type Ladder = readonly ((raw: string) => string)[];

/** Each quasi-identifier's levels, from 0 (as held) to the last ('*'). */
export const HIERARCHIES: Readonly<Record<QuasiIdentifier, Ladder>> = {
  ageBand: [
    (raw) => raw || UNKNOWN,
    (raw) => (!raw || raw === UNKNOWN ? UNKNOWN : CHILD_BANDS.has(raw) ? 'CHILD_0_17' : 'ADULT_18_PLUS'),
    () => SUPPRESSED,
  ],
  sex: [(raw) => raw || UNKNOWN, () => SUPPRESSED],
  nationality: [
    (raw) => raw || UNKNOWN,
    (raw) => (!raw || raw === UNKNOWN ? UNKNOWN : raw === 'ID' ? 'ID' : 'FOREIGN'),
    () => SUPPRESSED,
  ],
  originProvince: [
    (raw) => raw || UNKNOWN,
    (raw) => ISLAND_GROUP_BY_PREFIX.find(([prefix]) => raw.startsWith(prefix))?.[1] ?? UNKNOWN,
    () => SUPPRESSED,
  ],
  destinationCountry: [(raw) => listValue(raw, null), (raw) => listValue(raw, countryRegion), () => SUPPRESSED],
  exploitationType: [
    (raw) => listValue(raw, null),
    (raw) => listValue(raw, (type) => EXPLOITATION_GROUP[type] ?? 'OTHER'),
    () => SUPPRESSED,
  ],
  year: [
    (raw) => raw || UNKNOWN,
    (raw) => {
      const year = Number(raw);
      if (!Number.isInteger(year)) return UNKNOWN;
      const from = year - (year % 5);
      return `${from}-${from + 4}`;
    },
    () => SUPPRESSED,
  ],
};

export const TOP_LEVEL: Readonly<GeneralisationLevels> = Object.fromEntries(
  QUASI_IDENTIFIERS.map((qi) => [qi, HIERARCHIES[qi].length - 1]),
) as GeneralisationLevels;

export const NO_GENERALISATION: Readonly<GeneralisationLevels> = Object.fromEntries(
  QUASI_IDENTIFIERS.map((qi) => [qi, 0]),
) as GeneralisationLevels;

/** One record's quasi-identifiers at the given levels. */
export function generalise(record: QuasiRecord, levels: GeneralisationLevels): QuasiRecord {
  const out = {} as QuasiRecord;
  for (const qi of QUASI_IDENTIFIERS) out[qi] = HIERARCHIES[qi][levels[qi]](record[qi]);
  return out;
}

/** The key of a record's equivalence class (its quasi-identifiers, in order). */
export function classKey(record: QuasiRecord): string {
  return QUASI_IDENTIFIERS.map((qi) => record[qi]).join('\u001f');
}
