import { DataSource } from 'typeorm';

import { Role } from '@app/kernel/role.enum';
import { Factories, TEST_PASSWORD, unique } from '@libs/testing/factories';
import { GraphqlResponse, TestApp } from '@libs/testing/test-app';

/** A person as a group registration row (identity plus description). */
export interface PersonRow {
  identity: { fullName: string; dateOfBirth?: string; passportNumber?: string; nationalIdNumber?: string };
  sex: string;
  ageBand: string;
  originRegion?: string;
  rescuedOn?: string;
  rescuePlace?: string;
}

export interface VictimView {
  id: string;
  code: string;
  caseId: string | null;
  canSeeIdentity: boolean;
  identity: { fullName: string } | null;
  protectionStatus: string;
  rescuedOn: string | null;
}

const VICTIM_FIELDS = 'id code caseId canSeeIdentity identity { fullName } protectionStatus rescuedOn';

/**
 * Typed helpers for the shared-casework operations, each run as a named user: the tests build their data the way
 * users do, through the API.
 */
export class CaseworkApi {
  readonly token: Record<string, string> = {};
  readonly userId: Record<string, string> = {};
  private readonly agencies = new Map<string, string>();

  constructor(
    readonly api: TestApp,
    private readonly factories: Factories = new Factories(api),
  ) {}

  get db(): DataSource {
    return this.api.dataSource;
  }

  async agencyId(code: string): Promise<string> {
    if (!this.agencies.has(code)) {
      const [row] = await this.db.query('SELECT id FROM agency WHERE code = $1', [code]);
      if (!row) throw new Error(`no agency ${code}`);
      this.agencies.set(code, row.id);
    }
    return this.agencies.get(code) as string;
  }

  async unitId(code: string): Promise<string> {
    return (await this.db.query('SELECT id FROM task_force_unit WHERE code = $1', [code]))[0].id;
  }

  /** A user of a seeded agency, logged in under `name`. */
  async user(name: string, roles: Role[], agencyCode: string): Promise<void> {
    const created = await this.factories.user(roles, { agencyId: await this.agencyId(agencyCode) });
    this.userId[name] = created.id;
    this.token[name] = await this.api.login(created.email, TEST_PASSWORD);
  }

  run<T = Record<string, unknown>>(as: string, query: string, variables: Record<string, unknown> = {}) {
    return this.api.gql<T>(query, variables, this.token[as]);
  }

  /** Runs an operation that must succeed and returns its data. */
  async ok<T = Record<string, unknown>>(
    as: string,
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<T> {
    const result = await this.run<T>(as, query, variables);
    if (result.errors) throw new Error(`${as}: ${JSON.stringify(result.errors)}`);
    return result.data as T;
  }

  openCase(as: string, input: Record<string, unknown>) {
    return this.run<{ openCase: { id: string; reference: string; version: number } }>(
      as,
      'mutation ($input: OpenCaseInput!) { openCase(input: $input) { id reference version } }',
      { input },
    );
  }

  async addParticipant(as: string, caseId: string, agencyCode: string, role: string, since?: string) {
    return this.run<{ addCaseParticipant: { id: string; role: string; since: string; current: boolean } }>(
      as,
      'mutation ($input: AddCaseParticipantInput!) { addCaseParticipant(input: $input) { id role since current } }',
      { input: { caseId, agencyId: await this.agencyId(agencyCode), role, ...(since ? { since } : {}) } },
    );
  }

  async endParticipation(as: string, caseId: string, agencyCode: string, reason: string, endedOn?: string) {
    return this.run<{ endCaseParticipation: { endedOn: string; current: boolean } }>(
      as,
      'mutation ($input: EndCaseParticipationInput!) { endCaseParticipation(input: $input) { endedOn current } }',
      { input: { caseId, agencyId: await this.agencyId(agencyCode), reason, ...(endedOn ? { endedOn } : {}) } },
    );
  }

  async handOver(as: string, caseId: string, toCode: string, reason: string) {
    return this.run<{ handOverCaseLead: { leadAgency: { code: string } } }>(
      as,
      'mutation ($input: HandOverCaseLeadInput!) { handOverCaseLead(input: $input) { leadAgency { code } } }',
      { input: { caseId, toAgencyId: await this.agencyId(toCode), reason } },
    );
  }

  registerGroup(as: string, input: Record<string, unknown>) {
    return this.run<{ registerVictimGroup: { replayed: boolean; victims: VictimView[] } }>(
      as,
      `mutation ($input: RegisterVictimGroupInput!) { registerVictimGroup(input: $input) { replayed victims { ${VICTIM_FIELDS} } } }`,
      { input },
    );
  }

  async consentGroup(as: string, victimIds: string[], recipientCode: string, purpose: string, extra = {}) {
    return this.run<{ recordConsentForGroup: { replayed: boolean; consents: { id: string }[] } }>(
      as,
      'mutation ($input: RecordConsentForGroupInput!) { recordConsentForGroup(input: $input) { replayed consents { id } } }',
      {
        input: {
          operationKey: `consent-${unique()}-${unique()}`,
          victimIds,
          recipientAgencyId: await this.agencyId(recipientCode),
          purpose,
          method: 'WRITTEN_SIGNED',
          ...extra,
        },
      },
    );
  }

  async referGroup(as: string, victimIds: string[], recipientCode: string, service: string, extra = {}) {
    return this.run<{
      proposeReferralsForGroup: { replayed: boolean; referrals: { id: string; respondBy: string }[] };
    }>(
      as,
      'mutation ($input: ProposeReferralsForGroupInput!) { proposeReferralsForGroup(input: $input) { replayed referrals { id respondBy } } }',
      {
        input: {
          operationKey: `refer-${unique()}-${unique()}`,
          victimIds,
          recipientAgencyId: await this.agencyId(recipientCode),
          service,
          ...extra,
        },
      },
    );
  }

  victim(as: string, id: string) {
    return this.run<{ victim: VictimView }>(as, `query ($id: ID!) { victim(id: $id) { ${VICTIM_FIELDS} } }`, { id });
  }

  step(as: string, id: string, to: string, occurredOn?: string, reason?: string) {
    return this.run<{ changeProtectionStatus: { protectionStatus: string } }>(
      as,
      'mutation ($input: ChangeProtectionStatusInput!) { changeProtectionStatus(input: $input) { protectionStatus } }',
      { input: { id, to, ...(occurredOn ? { occurredOn } : {}), ...(reason ? { reason } : {}) } },
    );
  }

  async service(as: string, victimId: string, service: string, providerCode: string, deliveredOn: string, extra = {}) {
    return this.run<{ recordServiceDelivered: { id: string; recordedLate: boolean } }>(
      as,
      'mutation ($input: RecordServiceDeliveredInput!) { recordServiceDelivered(input: $input) { id recordedLate } }',
      { input: { victimId, service, providerAgencyId: await this.agencyId(providerCode), deliveredOn, ...extra } },
    );
  }

  caseView<T = Record<string, unknown>>(as: string, id: string, fields: string) {
    return this.run<{ case: T }>(as, `query ($id: ID!) { case(id: $id) { ${fields} } }`, { id });
  }
}

/** The first error's code, or OK. */
export function outcome(response: GraphqlResponse<unknown>): string {
  return response.errors?.[0]?.extensions?.code ?? 'OK';
}

/** `n` people with distinct identities (names, dates of birth, passports), mostly men as in the Poipet case. */
export function people(n: number, overrides: (index: number) => Partial<PersonRow> = () => ({})): PersonRow[] {
  // Eight random letters (hex digits spelt G…P): other suites' people in the same database, born on the same days,
  // must not read as close matches (names at least 0.8 alike) of these.
  const tag = unique().replace(/[0-9]/g, (digit) => String.fromCharCode(71 + Number(digit)));
  const given = ['Agus', 'Budi', 'Dedi', 'Eko', 'Fajar', 'Hendra', 'Irfan', 'Joko', 'Rizki', 'Wahyu'];
  const family = ['Saputra', 'Pratama', 'Hidayat', 'Nugroho', 'Setiawan', 'Wibowo', 'Kurniawan'];
  const batch = unique().slice(0, 6);
  return Array.from({ length: n }, (_, index) => {
    const year = 1995 + (index % 8);
    return {
      identity: {
        fullName: `${given[index % given.length]} ${family[index % family.length]} ${tag}${String.fromCharCode(65 + (index % 26))}`,
        dateOfBirth: `${year}-0${1 + (index % 9)}-1${index % 10}`,
        passportNumber: `P${batch}${String(index).padStart(2, '0')}`,
      },
      sex: index % 14 === 13 ? 'FEMALE' : 'MALE',
      // The band at registration (in 2026): those born after 2001 are still under 25.
      ageBand: year > 2001 ? 'ADULT_18_24' : 'ADULT_25_34',
      ...overrides(index),
    };
  });
}
