import { IdentityVault } from '@app/modules/victims/identity-vault';
import { VictimEventKind } from '@app/modules/victims/victim-event.entity';
import { VictimIdentity } from '@app/modules/victims/victim-identity';
import {
  AgeBand,
  IdentificationStatus,
  ProtectionStatus,
  SelfIdentification,
  Sex,
} from '@app/modules/victims/victim.enums';

import { array, bool, CopyBatch, instant, json, text } from './copy';
import { Directory, Office } from './directory';
import { personName, villageName } from './names';
import { SeededRandom, WeightedPicker } from './random';
import { Regency } from './regions';

const DAY_MS = 86_400_000;
const YEAR_MS = 365.25 * DAY_MS;

export const VICTIM_COLUMNS = [
  'id',
  'created_at',
  'updated_at',
  'code',
  'owning_agency_id',
  'registered_by_user_id',
  'identification_status',
  'identified_by_agency_id',
  'identified_at',
  'self_identification',
  'protection_status',
  'sex',
  'age_band',
  'nationality',
  'origin_region',
  'language_needs',
  'interpreter_needed',
  'identity_sealed',
  'passport_index',
  'national_id_index',
  'birth_origin_index',
];
export const VICTIM_EVENT_COLUMNS = [
  'id',
  'victim_id',
  'occurred_at',
  'actor_user_id',
  'acting_agency_id',
  'kind',
  'details',
];

/** A person in the register, as the referral and cross-border generators need them. */
export interface VictimRecord {
  id: string;
  code: string;
  owner: Office;
  /** The owning agency's officers who act for the person (VICTIM_OFFICERS: case officers, liaisons). */
  officers: string[];
  registeredAt: number;
  child: boolean;
  originRegion: string | null;
  /** Not ruled out as a victim: referrals are for these. */
  supported: boolean;
}

/** Who registers victims, by kind of office: police and the protection services at home, embassies abroad. */
const OWNER_WEIGHTS: Record<string, number> = {
  POLRES: 3,
  POLDA: 2,
  'UPTD-PPA': 2.5,
  DP3A: 1,
  DINSOS: 1.5,
  BP3MI: 2,
  'UPT-BP2MI': 1.5,
  RPTC: 1,
  BARESKRIM: 40,
  'KBRI-KUL': 150,
  'KBRI-PNH': 120,
};

/** Crockford base32 without I, L, O, U, as victims.service.ts writes victim codes. */
const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Regions most trafficked people come from (DOMAIN.md, seed brief): NTT, NTB, Java, West Kalimantan, North Sumatra. */
const SENDING_PROVINCES = new Set(['12', '18', '32', '33', '35', '52', '53', '61']);

const AGE_BANDS: [AgeBand, number, [number, number]][] = [
  [AgeBand.CHILD_0_11, 2, [6, 11]],
  [AgeBand.CHILD_12_17, 15, [12, 17]],
  [AgeBand.ADULT_18_24, 30, [18, 24]],
  [AgeBand.ADULT_25_34, 30, [25, 34]],
  [AgeBand.ADULT_35_49, 18, [35, 49]],
  [AgeBand.ADULT_50_PLUS, 4, [50, 62]],
  [AgeBand.UNKNOWN, 1, [18, 40]],
];
const HOME_PROTECTION: [ProtectionStatus, number][] = [
  [ProtectionStatus.IDENTIFIED, 10],
  [ProtectionStatus.REPATRIATED, 20],
  [ProtectionStatus.IN_REHABILITATION, 18],
  [ProtectionStatus.REINTEGRATED, 32],
  [ProtectionStatus.LOST_TO_FOLLOW_UP, 12],
  [ProtectionStatus.RE_MIGRATED, 4],
  [ProtectionStatus.DECLINED_ASSISTANCE, 4],
];
const ABROAD_PROTECTION: [ProtectionStatus, number][] = [
  [ProtectionStatus.IDENTIFIED, 15],
  [ProtectionStatus.IN_SHELTER_ABROAD, 30],
  [ProtectionStatus.AWAITING_REPATRIATION, 25],
  [ProtectionStatus.REPATRIATED, 30],
];
const LOCAL_LANGUAGES: Record<string, string> = {
  '32': 'su',
  '33': 'jv',
  '35': 'jv',
  '52': 'sas',
  '53': 'tet',
  '12': 'bbc',
};

/**
 * The victim register: people registered by police, protection services and embassies over two and a half years,
 * mostly from the sending regions, each identity sealed by the app's own IdentityVault (AES-256-GCM bound to the
 * record, blind indexes for the duplicate rules) under the bench's PII key.
 */
export class VictimGenerator {
  readonly victims: VictimRecord[] = [];
  private readonly owners: WeightedPicker<Office>;
  private readonly origins: WeightedPicker<Regency>;
  private readonly originsByProvince = new Map<string, Regency[]>();
  private readonly codes = new Set<string>();
  private readonly passports = new Set<string>();
  private readonly nationalIds = new Set<string>();

  constructor(
    directory: Directory,
    private readonly vault: IdentityVault,
    private readonly random: SeededRandom,
    private readonly now: Date,
  ) {
    const owners = directory.offices.filter(
      (office) => office.country === 'ID' && OWNER_WEIGHTS[office.kind] !== undefined && officersOf(office).length > 0,
    );
    if (owners.length === 0) throw new Error('No office to register victims');
    this.owners = new WeightedPicker(
      owners,
      owners.map((office) => OWNER_WEIGHTS[office.kind] * Math.sqrt(office.weight)),
    );
    this.origins = new WeightedPicker(
      directory.regencies,
      directory.regencies.map((regency) => (SENDING_PROVINCES.has(regency.province.code) ? 4 : 1)),
    );
    for (const regency of directory.regencies) {
      const code = regency.province.code;
      this.originsByProvince.set(code, [...(this.originsByProvince.get(code) ?? []), regency]);
    }
  }

  /** Adds one person to the register, with the REGISTERED line of their history. */
  add(victims: CopyBatch, events: CopyBatch): void {
    const random = this.random;
    const owner = this.owners.pick(random);
    const officers = officersOf(owner);
    const registrar = random.pick(owner.staff.caseOfficers.length > 0 ? owner.staff.caseOfficers : officers);
    const abroad = owner.level === 'ABROAD';
    const age = random.chance(0.06) ? random.between(0.2, 30) : random.between(30, 900);
    const registeredAt = this.now.getTime() - age * DAY_MS;
    const sex = random.weighted<Sex>([
      [Sex.FEMALE, 62],
      [Sex.MALE, 37],
      [Sex.UNKNOWN, 1],
    ]);
    const [ageBand, , years] = random.weighted(AGE_BANDS.map((band) => [band, band[1]] as const));
    const identification = random.weighted<IdentificationStatus>([
      [IdentificationStatus.IDENTIFIED, 68],
      [IdentificationStatus.PRESUMED, 27],
      [IdentificationStatus.NOT_A_VICTIM, 5],
    ]);
    const homeRegencies = owner.province ? this.originsByProvince.get(owner.province.code) : undefined;
    const origin = random.chance(0.05)
      ? null
      : homeRegencies && random.chance(0.6)
        ? random.pick(homeRegencies)
        : this.origins.pick(random);
    const originRegion = origin?.regionCode ?? null;
    const id = random.uuid();
    const identity = this.identity(sex, years, registeredAt, originRegion, abroad);
    const sealed = this.vault.seal(id, identity, originRegion);
    const code = this.code();
    const languages = [
      'id',
      ...(origin && LOCAL_LANGUAGES[origin.province.code] && random.chance(0.3)
        ? [LOCAL_LANGUAGES[origin.province.code]]
        : []),
    ];
    const protection = random.weighted(abroad ? ABROAD_PROTECTION : HOME_PROTECTION);
    const at = instant(new Date(registeredAt));

    victims.add([
      id,
      at,
      at,
      code,
      owner.id,
      registrar,
      identification,
      owner.id,
      at,
      random.weighted<SelfIdentification>([
        [SelfIdentification.SELF_IDENTIFIES, 50],
        [SelfIdentification.DOES_NOT_SELF_IDENTIFY, 15],
        [SelfIdentification.NOT_ASKED, 35],
      ]),
      protection,
      sex,
      ageBand,
      'ID',
      text(originRegion),
      array(languages),
      bool(abroad ? random.chance(0.15) : random.chance(0.02)),
      text(sealed.identitySealed),
      text(sealed.passportIndex),
      text(sealed.nationalIdIndex),
      text(sealed.birthOriginIndex),
    ]);
    const details = { code, caseId: null, identificationStatus: identification, protectionStatus: protection };
    events.add([random.uuid(), id, at, registrar, owner.id, VictimEventKind.REGISTERED, json(details)]);
    this.victims.push({
      id,
      code,
      owner,
      officers,
      registeredAt,
      child: ageBand === AgeBand.CHILD_0_11 || ageBand === AgeBand.CHILD_12_17,
      originRegion,
      supported: identification !== IdentificationStatus.NOT_A_VICTIM,
    });
  }

  /** A person's identity: name, date of birth within their age band, passport (most left as migrants), NIK. */
  private identity(
    sex: Sex,
    years: [number, number],
    registeredAt: number,
    originRegion: string | null,
    abroad: boolean,
  ): VictimIdentity {
    const random = this.random;
    const female = sex === Sex.FEMALE || (sex !== Sex.MALE && random.chance(0.5));
    const born = new Date(registeredAt - random.between(years[0], years[1] + 1) * YEAR_MS);
    const dateOfBirth = sex === Sex.UNKNOWN || random.chance(0.08) ? null : born.toISOString().slice(0, 10);
    const passportNumber = random.chance(abroad ? 0.8 : 0.5)
      ? this.unique(this.passports, () => `${random.pick(['B', 'C', 'E', 'X'])}${random.int(1_000_000, 9_999_999)}`)
      : null;
    const nationalIdNumber = random.chance(0.8)
      ? this.unique(this.nationalIds, () => nik(random, originRegion, born, female))
      : null;
    const phone = () => `08${random.int(11, 59)}-${random.int(1000, 9999)}-${random.int(1000, 9999)}`;
    const relative = () =>
      `${random.pick(['Ibu', 'Bapak', 'Kakak'])} ${personName(random, random.chance(0.5) ? 'FEMALE' : 'MALE')}, ${villageName(random)}`;
    const contact = random.chance(0.7) ? (random.chance(0.6) ? phone() : relative()) : null;
    return {
      fullName: personName(random, female ? 'FEMALE' : 'MALE'),
      dateOfBirth,
      passportNumber,
      nationalIdNumber,
      contact,
    };
  }

  private code(): string {
    return this.unique(this.codes, () => {
      let code = 'VCT-';
      for (let i = 0; i < 8; i++) code += CODE_ALPHABET[Math.floor(this.random.next() * 32)];
      return code;
    });
  }

  /** Document numbers and codes are unique in the register (unique indexes): draw again on a collision. */
  private unique(taken: Set<string>, draw: () => string): string {
    for (;;) {
      const value = draw();
      if (!taken.has(value)) {
        taken.add(value);
        return value;
      }
    }
  }
}

/** Who acts for an owning agency on a victim's record (case officers and liaisons). */
export function officersOf(office: Office): string[] {
  return [...office.staff.caseOfficers, ...office.staff.liaisons];
}

/** A NIK: region (province, regency, district), birth date (day + 40 for women), serial. */
function nik(random: SeededRandom, originRegion: string | null, born: Date, female: boolean): string {
  const region = (originRegion ?? `${random.int(11, 94)}.${String(random.int(1, 20)).padStart(2, '0')}`).replace(
    '.',
    '',
  );
  const day = born.getUTCDate() + (female ? 40 : 0);
  const date = `${String(day).padStart(2, '0')}${String(born.getUTCMonth() + 1).padStart(2, '0')}${String(born.getUTCFullYear() % 100).padStart(2, '0')}`;
  return `${region}${String(random.int(1, 30)).padStart(2, '0')}${date}${String(random.int(1, 9999)).padStart(4, '0')}`;
}
