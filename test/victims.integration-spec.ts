import { randomBytes } from 'node:crypto';

import { loadConfig } from '@app/config/load-config';
import { rotateIdentityKeys } from '@app/modules/victims/rotate-identity-keys';
import { Role } from '@app/kernel/role.enum';
import { Factories, TEST_PASSWORD } from '@libs/testing/factories';
import { isolatedEnvironment, IsolatedEnvironment } from '@libs/testing/isolated-environment';
import { firstErrorCode, GraphqlResponse, TestApp } from '@libs/testing/test-app';
import { TEST_PII_KEY, TEST_TOKEN_SECRET } from '@libs/testing/test-environment';

const VICTIM_FIELDS = `id code sex ageBand nationality originRegion protectionStatus identificationStatus
  canSeeIdentity identity { fullName dateOfBirth passportNumber nationalIdNumber contact }
  owningAgency { code } consents { id purpose revokedAt recipientAgency { code } } history { kind details }`;
const REGISTER = `mutation ($input: RegisterVictimInput!) { registerVictim(input: $input) { ${VICTIM_FIELDS} } }`;
const VICTIM = `query ($id: ID!) { victim(id: $id) { ${VICTIM_FIELDS} } }`;
const VICTIMS = `{ victims(first: 100) { totalCount edges { node { id code canSeeIdentity identity { fullName } } } } }`;

interface VictimView {
  id: string;
  code: string;
  canSeeIdentity: boolean;
  identity: { fullName: string; dateOfBirth: string | null; passportNumber: string | null } | null;
  consents: { id: string; purpose: string; revokedAt: string | null; recipientAgency: { code: string } }[];
  history: { kind: string; details: Record<string, unknown> }[];
}

let sequence = 0;
/** A person with unique documents, so tests never collide on duplicates by accident. */
function person(overrides: Record<string, unknown> = {}) {
  sequence += 1;
  const digits = `${Date.now()}${sequence}`.slice(-8);
  return {
    identity: {
      fullName: `Siti Aminah ${['Lestari', 'Rahayu', 'Wulandari', 'Handayani', 'Kusuma'][sequence % 5]} ${digits}`,
      // A different birthday for each person: only the close-match test makes two alike on purpose.
      dateOfBirth: new Date(Date.UTC(1975, 0, 1) + sequence * 37 * 86_400_000).toISOString().slice(0, 10),
      passportNumber: `C${digits}`,
      nationalIdNumber: `32120145${digits}`,
      contact: '+62 812 0000 0000',
    },
    sex: 'FEMALE',
    ageBand: 'ADULT_25_34',
    nationality: 'ID',
    originRegion: '32.12',
    languageNeeds: ['id', 'su'],
    ...overrides,
  };
}

describe('victim register: identity, consent and duplicates', () => {
  let env: IsolatedEnvironment;
  let api: TestApp;
  const token: Record<string, string> = {};
  const agencyId: Record<string, string> = {};

  beforeAll(async () => {
    env = await isolatedEnvironment();
    api = await TestApp.start(env.env);
    const factories = new Factories(api);
    for (const code of ['POLRI', 'KEMENSOS', 'KEMLU']) {
      agencyId[code] = (await api.dataSource.query('SELECT id FROM agency WHERE code = $1', [code]))[0].id;
    }
    const user = async (name: string, roles: Role[], code: string) => {
      const created = await factories.user(roles, { agencyId: agencyId[code] });
      token[name] = await api.login(created.email, TEST_PASSWORD);
    };
    await user('polri', [Role.CASE_OFFICER], 'POLRI');
    await user('polri2', [Role.CASE_OFFICER], 'POLRI');
    await user('polriSupervisor', [Role.SUPERVISOR], 'POLRI');
    await user('kemensos', [Role.CASE_OFFICER], 'KEMENSOS');
    await user('kemlu', [Role.LIAISON], 'KEMLU');
    // The national unit's secretariat sits with Polri: it sees the caseload, never identities.
    await user('secretariat', [Role.SECRETARIAT], 'POLRI');
    await user('admin', [Role.ADMINISTRATOR], 'POLRI');
  });
  afterAll(async () => {
    await api?.stop();
    await env?.drop();
  });

  const register = (as: string, input: Record<string, unknown>) =>
    api.gql<{ registerVictim: VictimView }>(REGISTER, { input }, token[as]);
  const read = (as: string, id: string) => api.gql<{ victim: VictimView }>(VICTIM, { id }, token[as]);
  const kinds = async (as: string, id: string) =>
    (
      await api.gql<{ victim: { history: { kind: string }[] } }>(
        'query ($id: ID!) { victim(id: $id) { history { kind } } }',
        { id },
        token[as],
      )
    ).data!.victim.history.map((entry) => entry.kind);
  const victimCount = async () => (await api.dataSource.query(`SELECT count(*)::int AS n FROM victim`))[0].n as number;
  const audits = async (operation: string, targetId: string) =>
    (
      await api.dataSource.query(`SELECT count(*)::int AS n FROM audit_entry WHERE operation = $1 AND target_id = $2`, [
        operation,
        targetId,
      ])
    )[0].n as number;

  it('registers a person under a pseudonymous code, identity sealed at rest, shown to the owner and audited', async () => {
    const input = person();
    const created = await register('polri', input);
    expect(created.errors).toBeUndefined();
    const victim = created.data!.registerVictim;
    expect(victim.code).toMatch(/^VCT-[0-9A-HJKMNP-TV-Z]{8}$/);
    expect(victim.canSeeIdentity).toBe(true);
    expect(victim.identity).toEqual(input.identity);
    expect(victim.history.map((entry) => entry.kind)).toEqual(['REGISTERED']);

    // At rest: sealed, nothing readable, not in the history, the audit trail or the outbox.
    const [row] = await api.dataSource.query(`SELECT identity_sealed, passport_index FROM victim WHERE id = $1`, [
      victim.id,
    ]);
    expect(row.identity_sealed).toMatch(/^v1\.[0-9a-f]{8}\./);
    const secrets = [input.identity.fullName, input.identity.passportNumber, input.identity.nationalIdNumber];
    const stored = JSON.stringify(
      await api.dataSource.query(
        `SELECT (SELECT json_agg(v) FROM victim v) AS victims, (SELECT json_agg(e) FROM victim_event e) AS events,
                (SELECT json_agg(a) FROM audit_entry a) AS audit, (SELECT json_agg(o) FROM outbox_event o) AS outbox`,
      ),
    );
    for (const secret of secrets) expect(stored).not.toContain(secret);

    // Every read of the identity is audited; a read without it is not.
    const before = await audits('readVictimIdentity', victim.id);
    expect(before).toBe(1);
    expect((await read('polriSupervisor', victim.id)).data!.victim.identity!.fullName).toBe(input.identity.fullName);
    expect(await audits('readVictimIdentity', victim.id)).toBe(2);
    await api.gql(`query ($id: ID!) { victim(id: $id) { code sex } }`, { id: victim.id }, token.polri);
    expect(await audits('readVictimIdentity', victim.id)).toBe(2);
  });

  it('shows nothing to agencies without ownership or consent, and the code only to the secretariat', async () => {
    const victim = (await register('polri', person())).data!.registerVictim;
    for (const outsider of ['kemensos', 'kemlu', 'admin']) {
      expect(firstErrorCode(await read(outsider, victim.id))).toMatch(/NOT_FOUND|FORBIDDEN/);
      const list = await api.gql<{ victims: { edges: { node: { id: string } }[] } }>(VICTIMS, {}, token[outsider]);
      expect(JSON.stringify(list)).not.toContain(victim.id);
    }
    const seen = await read('secretariat', victim.id);
    expect(seen.errors).toBeUndefined();
    expect(seen.data!.victim.code).toBe(victim.code);
    expect(seen.data!.victim.canSeeIdentity).toBe(false);
    expect(seen.data!.victim.identity).toBeNull();
    const listed = await api.gql<{ victims: { edges: { node: { identity: unknown } }[] } }>(
      VICTIMS,
      {},
      token.secretariat,
    );
    expect(listed.data!.victims.edges.length).toBeGreaterThan(0);
    expect(listed.data!.victims.edges.every((edge) => edge.node.identity === null)).toBe(true);
  });

  it('records consent by the owner only, and revoking it removes the recipient’s access on the next request', async () => {
    const victim = (await register('polri', person())).data!.registerVictim;
    const record = (as: string, input: Record<string, unknown>) =>
      api.gql<{ recordConsent: { id: string } }>(
        'mutation ($input: RecordConsentInput!) { recordConsent(input: $input) { id purpose method } }',
        { input },
        token[as],
      );
    const consentInput = {
      victimId: victim.id,
      recipientAgencyId: agencyId.KEMENSOS,
      purpose: 'SERVICE_REFERRAL',
      method: 'WRITTEN_SIGNED',
    };
    // Not the owner: the record is not even visible to Kemensos yet.
    expect(firstErrorCode(await record('kemensos', consentInput))).toBe('NOT_FOUND');
    const consent = await record('polri', consentInput);
    expect(consent.errors).toBeUndefined();
    expect(firstErrorCode(await record('polri', consentInput))).toBe('CONFLICT');
    expect(firstErrorCode(await record('polri', { ...consentInput, recipientAgencyId: agencyId.POLRI }))).toBe(
      'BAD_USER_INPUT',
    );
    expect(firstErrorCode(await record('polri', { ...consentInput, purpose: 'GOSSIP' }))).toBe('BAD_USER_INPUT');

    // The recipient now sees the record (to receive a referral), still without the identity.
    const recipientView = await read('kemensos', victim.id);
    expect(recipientView.errors).toBeUndefined();
    expect(recipientView.data!.victim.identity).toBeNull();
    expect(recipientView.data!.victim.consents.map((c) => c.recipientAgency.code)).toEqual(['KEMENSOS']);

    const revoke = (as: string) =>
      api.gql<{ revokeConsent: { revokedAt: string } }>(
        'mutation ($input: RevokeConsentInput!) { revokeConsent(input: $input) { revokedAt } }',
        { input: { id: consent.data!.recordConsent.id, reason: 'The person withdrew consent by phone' } },
        token[as],
      );
    expect(firstErrorCode(await revoke('kemensos'))).toBe('NOT_FOUND');
    const revoked = await revoke('polri');
    expect(revoked.errors).toBeUndefined();
    expect(firstErrorCode(await revoke('polri'))).toBe('CONFLICT');
    expect(firstErrorCode(await read('kemensos', victim.id))).toBe('NOT_FOUND');

    const history = (await read('polri', victim.id)).data!.victim.history;
    expect(history.map((entry) => entry.kind)).toEqual(['REGISTERED', 'CONSENT_RECORDED', 'CONSENT_REVOKED']);
    expect(history[2].details).toMatchObject({ reason: 'The person withdrew consent by phone' });
  });

  it('refuses a second record for the same passport or NIK when the caller can see the first, pointing to it', async () => {
    const input = person();
    const first = (await register('polri', input)).data!.registerVictim;
    const count = await victimCount();

    const again = await register(
      'polri',
      person({ identity: { ...person().identity, passportNumber: input.identity.passportNumber.toLowerCase() } }),
    );
    expect(firstErrorCode(again)).toBe('CONFLICT');
    expect(again.errors![0].extensions?.reason).toBe('DUPLICATE_VICTIM');
    expect(again.errors![0].message).toContain(first.code);
    expect(again.errors![0].extensions?.field).toBe('identity.passportNumber');
    expect(await victimCount()).toBe(count);
  });

  it('answers a match with a record the caller cannot see exactly like a fresh registration, and tells only the secretariat', async () => {
    const input = person();
    const hidden = (await register('polri', input)).data!.registerVictim;
    const outboxOf = async (id: string) =>
      (await api.dataSource.query(`SELECT count(*)::int AS n FROM outbox_event WHERE aggregate_id = $1`, [id]))[0]
        .n as number;
    const writesOnHidden = async () => ({
      // Read without the identity, whose every reading is audited on the record.
      history: await kinds('polri', hidden.id),
      audit: (
        await api.dataSource.query(`SELECT operation FROM audit_entry WHERE target_id = $1 ORDER BY occurred_at`, [
          hidden.id,
        ])
      ).map((row: { operation: string }) => row.operation),
      outbox: await outboxOf(hidden.id),
      version: (await api.dataSource.query(`SELECT version FROM victim WHERE id = $1`, [hidden.id]))[0].version,
    });
    const before = await writesOnHidden();
    const count = await victimCount();

    // Kemensos registers the same NIK (another name and passport), and separately someone nobody has registered.
    const sameNik = person({ identity: { ...person().identity, nationalIdNumber: input.identity.nationalIdNumber } });
    const matched = await register('kemensos', sameNik);
    const fresh = await register('kemensos', person());
    // The same answer: success, a record of its own with the identity it sent, no hint in the history or consents.
    expect(matched.errors).toBeUndefined();
    const shape = (view: VictimView) => ({
      keys: Object.keys(view).sort(),
      canSeeIdentity: view.canSeeIdentity,
      history: view.history.map((entry) => entry.kind),
      consents: view.consents,
    });
    expect(shape(matched.data!.registerVictim)).toEqual(shape(fresh.data!.registerVictim));
    const mine = matched.data!.registerVictim;
    expect(mine.id).not.toBe(hidden.id);
    expect(mine.identity).toEqual(sameNik.identity);
    expect(JSON.stringify(matched)).not.toContain(hidden.code);
    expect(await victimCount()).toBe(count + 2);
    expect(await outboxOf(mine.id)).toBe(await outboxOf(fresh.data!.registerVictim.id));

    // Nothing was written on the hidden record: its owner did nothing.
    expect(await writesOnHidden()).toEqual(before);

    // The secretariat sees the two records linked; the registering agency cannot ask.
    const flags = await api.gql<{
      possibleDuplicates: {
        id: string;
        matchedOn: string;
        reportingAgencyId: string;
        existingVictimId: string;
        newVictimId: string;
      }[];
    }>('{ possibleDuplicates { id matchedOn reportingAgencyId existingVictimId newVictimId } }', {}, token.secretariat);
    const flag = flags.data!.possibleDuplicates.find((entry) => entry.existingVictimId === hidden.id)!;
    expect(flag).toEqual({
      id: expect.any(String),
      matchedOn: 'NATIONAL_ID',
      reportingAgencyId: agencyId.KEMENSOS,
      existingVictimId: hidden.id,
      newVictimId: mine.id,
    });
    expect(firstErrorCode(await api.gql('{ possibleDuplicates { id } }', {}, token.kemensos))).toBe('FORBIDDEN');

    // Kemensos registering the person again is refused, pointing to its own record only.
    const third = await register('kemensos', sameNik);
    expect(third.errors![0].extensions?.reason).toBe('DUPLICATE_VICTIM');
    expect(third.errors![0].message).toContain(mine.code);
    expect(third.errors![0].message).not.toContain(hidden.code);

    // The secretariat reconciles and closes the flag; the note stays on the flag, neither record's history changes.
    const resolve = (as: string) =>
      api.gql<{ resolvePossibleDuplicate: { status: string; resolutionNote: string; resolvedAt: string } }>(
        'mutation ($input: ResolvePossibleDuplicateInput!) { resolvePossibleDuplicate(input: $input) { status resolutionNote resolvedAt } }',
        { input: { id: flag.id, note: 'Polri recorded consent for Kemensos' } },
        token[as],
      );
    expect(firstErrorCode(await resolve('kemensos'))).toBe('FORBIDDEN');
    const resolved = await resolve('secretariat');
    expect(resolved.data!.resolvePossibleDuplicate).toMatchObject({
      status: 'RESOLVED',
      resolutionNote: 'Polri recorded consent for Kemensos',
    });
    expect(firstErrorCode(await resolve('secretariat'))).toBe('CONFLICT');
    expect((await writesOnHidden()).history).toEqual(['REGISTERED']);
    expect((await read('kemensos', mine.id)).data!.victim.history.map((entry) => entry.kind)).toEqual(['REGISTERED']);
  });

  it('two agencies registering the same person at the same moment: two records, and the secretariat sees them linked', async () => {
    const input = person();
    const count = await victimCount();
    const results = await Promise.all([register('polri', input), register('kemensos', input)]);
    expect(results.map((result) => result.errors)).toEqual([undefined, undefined]);
    expect(await victimCount()).toBe(count + 2);
    const ids = results.map((result) => result.data!.registerVictim.id);
    const flags = await api.dataSource.query(
      `SELECT existing_victim_id, new_victim_id FROM victim_duplicate_flag WHERE existing_victim_id = ANY($1) OR new_victim_id = ANY($1)`,
      [ids],
    );
    expect(flags).toHaveLength(1);
    expect([flags[0].existing_victim_id, flags[0].new_victim_id].sort()).toEqual([...ids].sort());
  });

  it('two officers of one agency registering the same person at the same moment end with one record', async () => {
    const input = person();
    const count = await victimCount();
    const results = await Promise.all([register('polri', input), register('polri2', input)]);
    expect(results.filter((result) => !result.errors)).toHaveLength(1);
    const refused = results.find((result) => result.errors)!;
    expect(refused.errors![0].extensions?.reason).toBe('DUPLICATE_VICTIM');
    expect(await victimCount()).toBe(count + 1);
  });

  it('warns about a close match on name, date of birth and origin until the officer confirms', async () => {
    const base = person();
    expect((await register('polri', base)).errors).toBeUndefined();
    const similar = person({
      identity: {
        ...person().identity,
        fullName: base.identity.fullName.replace('Aminah', 'Aminnah'),
        dateOfBirth: base.identity.dateOfBirth,
      },
      originRegion: '32.12',
    });
    const warned = await register('polri', similar);
    expect(warned.errors![0].extensions?.reason).toBe('CLOSE_MATCH');
    expect(warned.errors![0].extensions?.field).toBe('confirmedDistinct');
    const confirmed = await register('polri', { ...similar, confirmedDistinct: true });
    expect(confirmed.errors).toBeUndefined();
    // Another region: not a close match.
    const elsewhere = await register(
      'polri',
      person({ identity: { ...similar.identity, passportNumber: null, nationalIdNumber: null }, originRegion: '53' }),
    );
    expect(elsewhere.errors).toBeUndefined();
  });

  it('registers without a warning when the close match is in a record the caller cannot see, and flags it for the secretariat', async () => {
    const base = person();
    const hidden = (await register('polri', base)).data!.registerVictim;
    const similar = person({
      identity: {
        ...person().identity,
        fullName: base.identity.fullName.replace('Aminah', 'Aminnah'),
        dateOfBirth: base.identity.dateOfBirth,
      },
      originRegion: base.originRegion,
    });
    // Polri sees its own record: warned. Kemensos does not: registered, as anyone new would be.
    expect((await register('polri', similar)).errors![0].message).toContain(hidden.code);
    const registered = await register('kemensos', similar);
    expect(registered.errors).toBeUndefined();
    expect(registered.data!.registerVictim.history.map((entry) => entry.kind)).toEqual(['REGISTERED']);
    const flags = await api.dataSource.query(
      `SELECT matched_on, new_victim_id, reporting_agency_id FROM victim_duplicate_flag WHERE existing_victim_id = $1`,
      [hidden.id],
    );
    expect(flags).toEqual([
      {
        matched_on: 'CLOSE_MATCH',
        new_victim_id: registered.data!.registerVictim.id,
        reporting_agency_id: agencyId.KEMENSOS,
      },
    ]);
    expect((await read('polri', hidden.id)).data!.victim.history.map((entry) => entry.kind)).toEqual(['REGISTERED']);
  });

  it('refuses bad input with a clear error naming the field, writing nothing', async () => {
    const count = await victimCount();
    const cases: [Record<string, unknown>, string][] = [
      [person({ identity: { ...person().identity, dateOfBirth: '2031-01-01' } }), 'identity.dateOfBirth'],
      [person({ identity: { ...person().identity, nationalIdNumber: '12345' } }), 'identity.nationalIdNumber'],
      [person({ languageNeeds: ['bahasa jawa'] }), 'languageNeeds'],
      [person({ nationality: 'Indonesia' }), 'nationality'],
      [person({ originRegion: 'Jawa Barat' }), 'originRegion'],
      [person({ caseId: '00000000-0000-4000-8000-000000000000' }), 'caseId'],
    ];
    for (const [input, field] of cases) {
      const result = await register('polri', input);
      expect({ field, code: firstErrorCode(result) }).toEqual({ field, code: 'BAD_USER_INPUT' });
      expect(String(result.errors![0].extensions?.field ?? result.errors![0].message)).toContain(field.split('.')[0]);
    }
    const badEnum = await register('polri', person({ sex: 'WOMAN' }));
    expect(badEnum.errors![0].message).toMatch(/WOMAN/);
    // Administrators manage the system; they do not register people.
    expect(firstErrorCode(await register('admin', person()))).toBe('FORBIDDEN');
    expect(await victimCount()).toBe(count);
  });

  it('moves a person along the protection track and records identification decisions, owner only', async () => {
    const victim = (await register('polri', person())).data!.registerVictim;
    const step = (as: string, input: Record<string, unknown>) =>
      api.gql<{ changeProtectionStatus: { protectionStatus: string; version: number } }>(
        'mutation ($input: ChangeProtectionStatusInput!) { changeProtectionStatus(input: $input) { protectionStatus version } }',
        { input: { id: victim.id, ...input } },
        token[as],
      );
    expect((await step('polri', { to: 'IN_SHELTER_ABROAD' })).data!.changeProtectionStatus).toEqual({
      protectionStatus: 'IN_SHELTER_ABROAD',
      version: 2,
    });
    expect(firstErrorCode(await step('polri', { to: 'REINTEGRATED' }))).toBe('CONFLICT');
    const noReason = await step('polri', { to: 'LOST_TO_FOLLOW_UP' });
    expect(noReason.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    expect(firstErrorCode(await step('polri', { to: 'AWAITING_REPATRIATION', expectedVersion: 1 }))).toBe('CONFLICT');
    expect(firstErrorCode(await step('secretariat', { to: 'AWAITING_REPATRIATION' }))).toBe('FORBIDDEN');
    expect(firstErrorCode(await step('kemensos', { to: 'AWAITING_REPATRIATION' }))).toBe('NOT_FOUND');
    expect((await step('polri', { to: 'AWAITING_REPATRIATION', expectedVersion: 2 })).errors).toBeUndefined();

    const decided = await api.gql<{ recordIdentificationDecision: { identificationStatus: string } }>(
      'mutation ($input: RecordIdentificationDecisionInput!) { recordIdentificationDecision(input: $input) { identificationStatus } }',
      { input: { id: victim.id, status: 'IDENTIFIED' } },
      token.polriSupervisor,
    );
    expect(decided.data!.recordIdentificationDecision.identificationStatus).toBe('IDENTIFIED');
    const history = (await read('polri', victim.id)).data!.victim.history.map((entry) => entry.kind);
    expect(history).toEqual([
      'REGISTERED',
      'PROTECTION_STATUS_CHANGED',
      'PROTECTION_STATUS_CHANGED',
      'IDENTIFICATION_DECIDED',
    ]);
  });

  it('rotates the identity key: every record re-sealed, still readable and still matched for duplicates', async () => {
    const input = person();
    const victim = (await register('polri', input)).data!.registerVictim;
    const newKey = randomBytes(32).toString('base64');
    const settings = { ...env.env, NODE_ENV: 'test', AUTH_TOKEN_SECRET: TEST_TOKEN_SECRET };
    const rotating = loadConfig({ ...settings, PII_ENCRYPTION_KEY: newKey, PII_PREVIOUS_KEYS: TEST_PII_KEY });
    const result = await rotateIdentityKeys(api.dataSource, rotating, { batchSize: 2 });
    expect(result.rotated).toBe(await victimCount());
    expect((await rotateIdentityKeys(api.dataSource, rotating)).rotated).toBe(0);

    const rotated = await TestApp.start({ ...env.env, PII_ENCRYPTION_KEY: newKey });
    try {
      const seen: GraphqlResponse<{ victim: VictimView }> = await rotated.gql(VICTIM, { id: victim.id }, token.polri);
      expect(seen.data!.victim.identity!.fullName).toBe(input.identity.fullName);
      const again = await rotated.gql(
        REGISTER,
        { input: person({ identity: { ...person().identity, passportNumber: input.identity.passportNumber } }) },
        token.polri,
      );
      expect(again.errors![0].extensions?.reason).toBe('DUPLICATE_VICTIM');
    } finally {
      await rotated.stop();
    }
    // The old key alone no longer opens anything: an operator error, reported without the value.
    const stale = await read('polri', victim.id);
    expect(firstErrorCode(stale)).toBe('INTERNAL_SERVER_ERROR');
    expect(JSON.stringify(stale)).not.toContain(input.identity.fullName);
  });
});
