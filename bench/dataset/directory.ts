import { Client } from 'pg';

import { AgencyCapability, AgencyType } from '@app/modules/agencies/agency.enums';
import { MembershipRole, TaskForceLevel } from '@app/modules/task-forces/task-force.enums';
import { Locale, Role } from '@app/kernel/role.enum';

import { ScaleSizes } from '../support/scale';
import { array, bool, CopyBatch, instant, NULL, text } from './copy';
import { mailboxOf, personName, policeRank } from './names';
import { OfficeTemplate, Place, PROVINCE_OFFICES, REGENCY_OFFICES } from './offices';
import { SeededRandom, WeightedPicker } from './random';
import { allRegencies, Province, PROVINCES, Regency } from './regions';

const DAY_MS = 86_400_000;

/** Memberships added to the seeded units start with the 2023 reorganisation, as the seeded ones do. */
const REORGANISED = '2023-06-05';

/** Offices whose clocks run on Indonesian time; any other zone is a post abroad. */
const INDONESIAN_ZONES = new Set(['Asia/Jakarta', 'Asia/Pontianak', 'Asia/Makassar', 'Asia/Jayapura']);

/** Posts whose immigration attachés and embassy officers file cross-border requests. */
const ATTACHE_POSTS = ['ATASE-IMIGRASI-PNH', 'KBRI-PNH', 'KBRI-KUL'];

/** Shares of the headquarters' part of the work, by kind of agency. */
const NATIONAL_WEIGHT: Partial<Record<AgencyType, number>> = {
  [AgencyType.POLICE]: 3,
  [AgencyType.OVERSEAS_MISSION]: 2,
  [AgencyType.IMMIGRATION]: 2,
  [AgencyType.MINISTRY]: 1.2,
  [AgencyType.COORDINATING_MINISTRY]: 0.5,
  [AgencyType.INDEPENDENT_COMMISSION]: 0.3,
  [AgencyType.INTERNATIONAL_ORGANISATION]: 0.5,
  [AgencyType.NGO]: 0.3,
};

export type OfficeLevel = 'NATIONAL' | 'PROVINCE' | 'REGENCY_CITY' | 'ABROAD';

/** The people of an office by what they do (each generated user holds one role). */
export interface Staff {
  liaisons: string[];
  supervisors: string[];
  caseOfficers: string[];
  secretariat: string[];
  attaches: string[];
}

/** An agency office the generated work can involve (foreign counterparts and inactive agencies are not). */
export interface Office {
  id: string;
  code: string;
  acronym: string;
  /** The template key (POLRES, DP3A …) of regional offices; the agency code of headquarters and posts abroad. */
  kind: string;
  type: AgencyType;
  country: string;
  timeZone: string;
  capabilities: readonly AgencyCapability[];
  level: OfficeLevel;
  province: Province | null;
  /** The place the office serves (Kabupaten Bogor, Provinsi Jawa Barat); null for headquarters and posts abroad. */
  placeName: string | null;
  /** Its relative share of the tasks that go to offices of its level. */
  weight: number;
  staff: Staff;
  /** Secretariat users of the units it is a member of: whom a UNIT_SECRETARIAT rung reaches. */
  secretariatReach: string[];
  /** When a generated office was entered (with its unit); null for the seeded agencies. */
  createdAt: number | null;
}

/** A Cambodian or Malaysian agency that cross-border requests are addressed to. */
export interface Counterpart {
  id: string;
  code: string;
  acronym: string;
  country: string;
  timeZone: string;
}

export interface Directory {
  offices: Office[];
  byCode: Map<string, Office>;
  counterparts: Counterpart[];
  /** The regencies and cities of the dataset: where victims come from. */
  regencies: Regency[];
  /** A user's supervisor (ATTACHE_SUPERVISOR rungs reach the filing attaché's). */
  supervisorOf: Map<string, string>;
  liaison: { userId: string; email: string; agencyId: string };
}

interface AgencyRow {
  id: string;
  code: string;
  acronym: string;
  type: AgencyType;
  country: string;
  capabilities: AgencyCapability[];
  time_zone: string;
  active: boolean;
}

interface UnitRow {
  id: string;
  level: TaskForceLevel;
  region_code: string | null;
}

interface Unit {
  id: string;
  /** The day its (generated) memberships start; its offices were entered that day. */
  foundedOn: string;
  secretariatAgencies: string[];
}

export const UNIT_COLUMNS = [
  'id',
  'created_at',
  'updated_at',
  'code',
  'name_id',
  'name_en',
  'level',
  'region_code',
  'parent_unit_id',
  'time_zone',
];
export const AGENCY_COLUMNS = [
  'id',
  'created_at',
  'updated_at',
  'code',
  'name_id',
  'name_en',
  'acronym',
  'type',
  'country',
  'capabilities',
  'time_zone',
  'parent_agency_id',
];
export const MEMBERSHIP_COLUMNS = [
  'id',
  'created_at',
  'updated_at',
  'unit_id',
  'agency_id',
  'role',
  'valid_from',
  'basis',
];
export const USER_COLUMNS = [
  'id',
  'created_at',
  'updated_at',
  'email',
  'display_name',
  'agency_id',
  'roles',
  'locale',
  'time_zone',
  'supervisor_user_id',
  'password_hash',
  'credentials_changed_at',
  'active',
  'last_login_at',
];

/**
 * The national directory around the seeded reference data: the 38 provinces and the scale's regencies and
 * cities with their task-force units, the regional offices of the member agencies (named after their place, each
 * a member of its unit, every unit with a secretariat), and the staff of every office.
 */
export class DirectoryBuilder {
  readonly units = new CopyBatch('task_force_unit', UNIT_COLUMNS);
  readonly agencies = new CopyBatch('agency', AGENCY_COLUMNS);
  readonly memberships = new CopyBatch('membership', MEMBERSHIP_COLUMNS);
  readonly users = new CopyBatch('app_user', USER_COLUMNS);

  private readonly unitsById = new Map<string, Unit>();
  private readonly unitByRegion = new Map<string, Unit>();
  /** Current memberships, seeded and generated: agency id to unit ids. */
  private readonly agencyUnits = new Map<string, Set<string>>();
  private readonly offices: Office[] = [];
  /** Seeded agencies that are a template's office in a province (Polda NTT, Dinsos Kalbar …). */
  private readonly seededTemplates = new Map<string, { template: OfficeTemplate; province: Province }>();
  private readonly emails = new Map<string, string>();

  constructor(
    private readonly sizes: ScaleSizes,
    private readonly random: SeededRandom,
    private readonly now: Date,
    private readonly passwordHash: string,
  ) {
    for (const template of PROVINCE_OFFICES) {
      for (const [provinceCode, agencyCode] of Object.entries(template.seeded ?? {})) {
        this.seededTemplates.set(agencyCode, {
          template,
          province: PROVINCES.find((p) => p.code === provinceCode) as Province,
        });
      }
    }
  }

  async build(client: Client): Promise<Directory> {
    const agencies: AgencyRow[] = (
      await client.query(
        `SELECT id, code, acronym, type::text AS type, country, capabilities::text[] AS capabilities, time_zone, active FROM agency`,
      )
    ).rows;
    const units: UnitRow[] = (await client.query(`SELECT id, level::text AS level, region_code FROM task_force_unit`))
      .rows;
    const memberships: { unit_id: string; agency_id: string; role: MembershipRole }[] = (
      await client.query(
        `SELECT unit_id, agency_id, role::text AS role FROM membership WHERE valid_from <= CURRENT_DATE AND valid_to IS NULL`,
      )
    ).rows;

    const national = units.find((unit) => unit.level === TaskForceLevel.NATIONAL);
    if (!national) throw new Error('The national task-force unit is missing: load the reference data first');
    this.addUnit(national.id, null, REORGANISED);
    const seededRegions = new Map(
      units.flatMap((unit) => (unit.region_code ? [[unit.region_code, unit.id] as const] : [])),
    );
    const regencies = allRegencies(this.random, new Set(seededRegions.keys())).slice(0, this.sizes.regencies);
    const places = this.createUnits(national.id, seededRegions, regencies);
    for (const membership of memberships) {
      this.memberOf(membership.agency_id).add(membership.unit_id);
      if (membership.role === MembershipRole.SECRETARIAT) {
        this.unitsById.get(membership.unit_id)?.secretariatAgencies.push(membership.agency_id);
      }
    }

    const byCode = new Map(agencies.map((row) => [row.code, row]));
    this.placeOffices(places, byCode, agencies.length);
    this.addSeededOffices(agencies, units, regencies);
    const supervisorOf = this.createStaff();
    const officeById = new Map(this.offices.map((office) => [office.id, office]));
    const secretariatUsers = (unitId: string) =>
      (this.unitsById.get(unitId)?.secretariatAgencies ?? []).flatMap(
        (id) => officeById.get(id)?.staff.secretariat ?? [],
      );
    for (const office of this.offices) {
      const reach = [...(this.agencyUnits.get(office.id) ?? [])].flatMap(secretariatUsers);
      office.secretariatReach = [...new Set(reach)];
    }
    const counterparts = agencies
      .filter((row) => row.type === AgencyType.FOREIGN_COUNTERPART && row.country !== 'ID' && row.active)
      .map((row) => ({
        id: row.id,
        code: row.code,
        acronym: row.acronym,
        country: row.country,
        timeZone: row.time_zone,
      }));
    return {
      offices: this.offices,
      byCode: new Map(this.offices.map((office) => [office.code, office])),
      counterparts,
      regencies,
      supervisorOf,
      liaison: this.chooseLiaison(),
    };
  }

  private addUnit(id: string, regionCode: string | null, foundedOn: string): Unit {
    const unit = { id, foundedOn, secretariatAgencies: [] };
    this.unitsById.set(id, unit);
    if (regionCode) this.unitByRegion.set(regionCode, unit);
    return unit;
  }

  private memberOf(agencyId: string): Set<string> {
    let units = this.agencyUnits.get(agencyId);
    if (!units) this.agencyUnits.set(agencyId, (units = new Set()));
    return units;
  }

  /** Province and regency units (the seeded ones reused), and the places offices are seated in. */
  private createUnits(nationalId: string, seededRegions: Map<string, string>, regencies: Regency[]): Place[] {
    const unit = (
      regionCode: string,
      parentId: string,
      level: TaskForceLevel,
      timeZone: string,
      nameId: string,
      nameEn: string,
    ) => {
      const seededId = seededRegions.get(regionCode);
      if (seededId) return this.addUnit(seededId, regionCode, REORGANISED);
      const founded = new Date(this.now.getTime() - this.random.between(700, 1200) * DAY_MS);
      const created = this.addUnit(this.random.uuid(), regionCode, founded.toISOString().slice(0, 10));
      const code = `GTPP-${regionCode.replace('.', '')}`;
      this.units.add([
        created.id,
        instant(founded),
        instant(founded),
        code,
        text(nameId),
        text(nameEn),
        level,
        regionCode,
        parentId,
        timeZone,
      ]);
      return created;
    };
    const places: Place[] = [];
    for (const province of PROVINCES) {
      const name = `Gugus Tugas PP-TPPO Provinsi ${province.nameId}`;
      unit(
        province.code,
        nationalId,
        TaskForceLevel.PROVINCE,
        province.timeZone,
        name,
        `${province.nameEn} Provincial Task Force`,
      );
    }
    for (const regency of regencies) {
      const parent = this.unitByRegion.get(regency.province.code) as Unit;
      const { regionCode, province } = regency;
      unit(
        regionCode,
        parent.id,
        TaskForceLevel.REGENCY_CITY,
        province.timeZone,
        `Gugus Tugas PP-TPPO ${regency.nameId}`,
        `${regency.nameEn} Task Force`,
      );
      places.push({
        level: 'REGENCY_CITY',
        province,
        regionCode,
        nameId: regency.nameId,
        nameEn: regency.nameEn,
        short: regency.kind === 'Kota' ? regency.nameId : `Kab. ${regency.name}`,
        town: regency.name,
        urban: regency.kind === 'Kota',
        gateway: regency.gateway,
      });
    }
    for (const province of PROVINCES) {
      places.push({
        level: 'PROVINCE',
        province,
        regionCode: province.code,
        nameId: province.nameId,
        nameEn: province.nameEn,
        short: province.short,
        town: province.capital,
        urban: true,
        gateway: false,
      });
    }
    return places;
  }

  /**
   * Regional offices, one kind at a time in every place (regencies first, then provinces) in the templates'
   * order of importance, until the scale's number of agencies is reached.
   */
  private placeOffices(places: Place[], agencies: Map<string, AgencyRow>, seededCount: number): void {
    let budget = this.sizes.agencies - seededCount;
    const rounds = Math.max(REGENCY_OFFICES.length, PROVINCE_OFFICES.length);
    for (let round = 0; round < rounds && budget > 0; round++) {
      for (const place of places) {
        const template = (place.level === 'PROVINCE' ? PROVINCE_OFFICES : REGENCY_OFFICES)[round];
        if (!template || budget <= 0) continue;
        const unit = this.unitByRegion.get(place.regionCode) as Unit;
        const seeded = agencies.get(template.seeded?.[place.province.code] ?? '');
        if (seeded) {
          if (!this.memberOf(seeded.id).has(unit.id)) this.join(unit, seeded.id, template.role);
        } else if (!template.present || template.present(place, this.random)) {
          this.createOffice(template, place, unit, agencies);
          budget -= 1;
        }
      }
    }
  }

  private createOffice(template: OfficeTemplate, place: Place, unit: Unit, agencies: Map<string, AgencyRow>): void {
    const parent = agencies.get(template.parentCode);
    if (!parent) throw new Error(`Office template ${template.key} names an unknown agency ${template.parentCode}`);
    const [nameId, nameEn, acronym] = template.names(place);
    const office: Office = {
      id: this.random.uuid(),
      code: `${template.key}-${place.regionCode.replace('.', '')}`,
      acronym: acronym.slice(0, 60),
      kind: template.key,
      type: template.type,
      country: 'ID',
      timeZone: place.province.timeZone,
      capabilities: template.capabilities,
      level: place.level,
      province: place.province,
      placeName: place.level === 'PROVINCE' ? `Provinsi ${place.nameId}` : place.nameId,
      weight: template.weight * (place.level === 'PROVINCE' ? 1.5 : 1) * this.spread(),
      staff: emptyStaff(),
      secretariatReach: [],
      createdAt: Date.parse(`${unit.foundedOn}T02:00:00Z`),
    };
    this.offices.push(office);
    const created = instant(new Date(office.createdAt as number));
    const capabilities = array(office.capabilities);
    this.agencies.add([
      office.id,
      created,
      created,
      office.code,
      text(nameId),
      text(nameEn),
      text(office.acronym),
      office.type,
      'ID',
      capabilities,
      office.timeZone,
      parent.id,
    ]);
    this.join(unit, office.id, template.role);
  }

  /** Headquarters, posts abroad, partners, and the seeded regional bodies (placed by template or membership). */
  private addSeededOffices(agencies: AgencyRow[], units: UnitRow[], regencies: Regency[]): void {
    const regionOf = new Map(units.map((unit) => [unit.id, unit.region_code]));
    for (const row of agencies) {
      if (!row.active || row.type === AgencyType.FOREIGN_COUNTERPART) continue;
      const seat = this.seededTemplates.get(row.code);
      const region = [...this.memberOf(row.id)].map((unitId) => regionOf.get(unitId)).find((code) => code) ?? null;
      const province = seat?.province ?? PROVINCES.find((candidate) => candidate.code === region?.slice(0, 2)) ?? null;
      const regency = regencies.find((candidate) => candidate.regionCode === region);
      const abroad = row.country !== 'ID' || !INDONESIAN_ZONES.has(row.time_zone);
      this.offices.push({
        id: row.id,
        code: row.code,
        acronym: row.acronym,
        kind: seat?.template.key ?? row.code,
        type: row.type,
        country: row.country,
        timeZone: row.time_zone,
        capabilities: row.capabilities,
        level: regency ? 'REGENCY_CITY' : province ? 'PROVINCE' : abroad ? 'ABROAD' : 'NATIONAL',
        province,
        placeName: regency?.nameId ?? (province ? `Provinsi ${province.nameId}` : null),
        weight: seat
          ? seat.template.weight * 1.5 * this.spread()
          : (NATIONAL_WEIGHT[row.type] ?? 1) * (province ? 1.5 : 1),
        staff: emptyStaff(),
        secretariatReach: [],
        createdAt: null,
      });
    }
  }

  /** How much busier or quieter one office is than others of its kind (log-normal). */
  private spread(): number {
    return Math.exp(0.45 * this.random.normal());
  }

  private join(unit: Unit, agencyId: string, role: MembershipRole): void {
    // One secretariat per unit: where the seed already placed it (Sambas), the office is an ordinary member.
    const held =
      role === MembershipRole.SECRETARIAT && unit.secretariatAgencies.length > 0 ? MembershipRole.MEMBER : role;
    if (held === MembershipRole.SECRETARIAT) unit.secretariatAgencies.push(agencyId);
    this.memberOf(agencyId).add(unit.id);
    const created = instant(new Date(`${unit.foundedOn}T02:00:00Z`));
    const basis = text('Keputusan kepala daerah tentang Gugus Tugas PP-TPPO (data benchmark)');
    this.memberships.add([this.random.uuid(), created, created, unit.id, agencyId, held, unit.foundedOn, basis]);
  }

  /**
   * Every office gets a supervisor and a liaison; secretariat agencies their secretariat officers; the attaché
   * posts their attachés; the rest of the scale's users go to offices in proportion to their share of the work.
   * Returns who supervises whom.
   */
  private createStaff(): Map<string, string> {
    const secretariatUnits = new Map<string, number>();
    for (const unit of this.unitsById.values()) {
      for (const agencyId of unit.secretariatAgencies)
        secretariatUnits.set(agencyId, (secretariatUnits.get(agencyId) ?? 0) + 1);
    }
    const attachesPerPost = Math.max(1, Math.round(this.sizes.users / 8_000));
    const plan = new Map<Office, Role[]>();
    for (const office of this.offices) {
      const roles = [Role.SUPERVISOR, Role.LIAISON];
      const units = secretariatUnits.get(office.id) ?? 0;
      if (units > 0) roles.push(...Array<Role>(office.level === 'NATIONAL' ? 4 : 2).fill(Role.SECRETARIAT));
      if (ATTACHE_POSTS.includes(office.code)) roles.push(...Array<Role>(attachesPerPost).fill(Role.ATTACHE));
      plan.set(office, roles);
    }
    const planned = [...plan.values()].reduce((sum, roles) => sum + roles.length, 0);
    const picker = new WeightedPicker(
      this.offices,
      this.offices.map((office) => office.weight),
    );
    for (let extra = this.sizes.users - planned; extra > 0; extra--) {
      plan.get(picker.pick(this.random))?.push(this.random.chance(0.35) ? Role.LIAISON : Role.CASE_OFFICER);
    }

    // Heads first, so that attachés abroad can name theirs at the Directorate General at home.
    const heads = new Map(this.offices.map((office) => [office, this.random.uuid()]));
    const directorate = this.offices.find((office) => office.code === 'DITJEN-IMIGRASI');
    const supervisorOf = new Map<string, string>();
    let sequence = 0;
    for (const office of this.offices) {
      const head = heads.get(office) as string;
      for (const [index, role] of (plan.get(office) ?? []).entries()) {
        const id = index === 0 ? head : this.random.uuid();
        let supervisor: string | null = null;
        if (role === Role.LIAISON) supervisor = head;
        if (role === Role.ATTACHE)
          supervisor = office.code === 'ATASE-IMIGRASI-PNH' && directorate ? (heads.get(directorate) as string) : head;
        if (supervisor) supervisorOf.set(id, supervisor);
        this.addUser(office, id, role, supervisor, (sequence += 1));
      }
    }
    return supervisorOf;
  }

  private addUser(office: Office, id: string, role: Role, supervisorId: string | null, sequence: number): void {
    const name = personName(this.random, this.random.chance(0.5) ? 'FEMALE' : 'MALE');
    const displayName = office.type === AgencyType.POLICE ? `${policeRank(this.random)} ${name}` : name;
    const email = `${mailboxOf(name)}.${sequence}@${office.code.toLowerCase()}.simpul.test`;
    const locale = this.random.chance(office.level === 'ABROAD' ? 0.4 : 0.08) ? Locale.EN : Locale.ID;
    // At least a month ago (digests go to people who were there when the week began), after the office existed.
    const oldest = Math.max(
      30,
      Math.min(900, office.createdAt ? (this.now.getTime() - office.createdAt) / DAY_MS : 900),
    );
    const created = instant(new Date(this.now.getTime() - this.random.between(30, oldest) * DAY_MS));
    const lastLogin = this.random.chance(0.8)
      ? instant(new Date(this.now.getTime() - this.random.between(0.1, 20) * DAY_MS))
      : NULL;
    const values = [id, created, created, email, text(displayName), office.id, array([role]), locale, office.timeZone];
    this.users.add([...values, supervisorId ?? NULL, text(this.passwordHash), created, bool(true), lastLogin]);
    this.emails.set(id, email);
    const staff = office.staff;
    const list: Partial<Record<Role, string[]>> = {
      [Role.LIAISON]: staff.liaisons,
      [Role.SUPERVISOR]: staff.supervisors,
      [Role.CASE_OFFICER]: staff.caseOfficers,
      [Role.SECRETARIAT]: staff.secretariat,
      [Role.ATTACHE]: staff.attaches,
    };
    list[role]?.push(id);
  }

  /**
   * The liaison whose work queue benchmarks A and D read: of a regency police office with the median share of
   * the work (the task generator gives offices work in proportion to these weights), so neither the busiest
   * office nor an empty one.
   */
  private chooseLiaison(): Directory['liaison'] {
    const police = this.offices.filter((office) => office.kind === 'POLRES').sort((a, b) => a.weight - b.weight);
    const office = police[Math.floor(police.length / 2)];
    const userId = office?.staff.liaisons[0];
    if (!userId) throw new Error('No regency police office to take the benchmark liaison from');
    return { userId, email: this.emails.get(userId) as string, agencyId: office.id };
  }
}

function emptyStaff(): Staff {
  return { liaisons: [], supervisors: [], caseOfficers: [], secretariat: [], attaches: [] };
}
