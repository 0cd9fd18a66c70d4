import { Redis } from 'ioredis';

import { AgencyCapability, AgencyType } from '@app/modules/agencies/agency.enums';
import { Role } from '@app/kernel/role.enum';
import { eventually } from '@libs/testing/eventually';
import { Factories, TEST_PASSWORD } from '@libs/testing/factories';
import { isolatedEnvironment, IsolatedEnvironment } from '@libs/testing/isolated-environment';
import { SmtpSink } from '@libs/testing/smtp-sink';
import { TestApp } from '@libs/testing/test-app';
import { TestWorker } from '@libs/testing/test-worker';

/** Distinctive identity values: if any of them shows up outside the sealed column, this test finds it. */
const IDENTITIES = [
  {
    fullName: 'Wulan Sekarwangi Purbasari',
    dateOfBirth: '1987-06-15',
    passportNumber: 'B7319046',
    nationalIdNumber: '3273015506870004',
    contact: 'Jl. Kenanga Sembilan No. 17, Cimahi',
  },
  {
    fullName: 'Rangga Adiwinata Suryaputra',
    dateOfBirth: '1992-11-30',
    passportNumber: 'C8846210',
    nationalIdNumber: '3212013011920007',
    contact: '+62 857 2291 4470',
  },
];
const SECRETS = IDENTITIES.flatMap((identity) => Object.values(identity));

/** Every value stored under a Redis key prefix (job payloads, results, events), as text. */
async function redisDump(url: string, prefix: string): Promise<string> {
  const redis = new Redis(url);
  const parts: string[] = [];
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
    cursor = next;
    for (const key of keys) {
      const type = await redis.type(key);
      if (type === 'string') parts.push(String(await redis.get(key)));
      else if (type === 'hash') parts.push(JSON.stringify(await redis.hgetall(key)));
      else if (type === 'list') parts.push(JSON.stringify(await redis.lrange(key, 0, -1)));
      else if (type === 'set') parts.push(JSON.stringify(await redis.smembers(key)));
      else if (type === 'zset') parts.push(JSON.stringify(await redis.zrange(key, 0, -1)));
      else if (type === 'stream') parts.push(JSON.stringify(await redis.xrange(key, '-', '+')));
    }
  } while (cursor !== '0');
  await redis.quit();
  return parts.join('\n');
}

/**
 * Identity values never leave the sealed column: not into logs (at debug level, API and worker), job
 * payloads or anything else in Redis, events, history, the audit trail, notifications or emails; and they
 * reach only the owning agency and the provider holding a consent-backed referral.
 */
describe('privacy: where identity values go', () => {
  let env: IsolatedEnvironment;
  let sink: SmtpSink;
  let api: TestApp;
  let worker: TestWorker;
  const logs: string[] = [];
  const token: Record<string, string> = {};
  const agencyId: Record<string, string> = {};

  beforeAll(async () => {
    env = await isolatedEnvironment();
    sink = await SmtpSink.start();
    const settings = { ...env.env, SMTP_URL: sink.url, LOG_LEVEL: 'debug', JOB_BACKOFF_MS: '200' };
    const capture = (line: string) => void logs.push(line);
    api = await TestApp.start(settings, { logs: capture });
    worker = await TestWorker.start(settings, { logs: capture });
    const factories = new Factories(api);
    for (const code of ['POLRI', 'KEMENSOS']) {
      agencyId[code] = (await api.dataSource.query('SELECT id FROM agency WHERE code = $1', [code]))[0].id;
    }
    agencyId.HOSPITAL = (
      await factories.agency({ type: AgencyType.SERVICE_PROVIDER, capabilities: [AgencyCapability.MEDICAL] })
    ).id;
    const user = async (name: string, roles: Role[], agency: string) => {
      const created = await factories.user(roles, { agencyId: agencyId[agency] });
      token[name] = await api.login(created.email, TEST_PASSWORD);
    };
    await user('polri', [Role.CASE_OFFICER], 'POLRI');
    await user('polriLiaison', [Role.LIAISON], 'POLRI');
    await user('kemensos', [Role.CASE_OFFICER], 'KEMENSOS');
    await user('hospital', [Role.CASE_OFFICER], 'HOSPITAL');
    await user('hospitalLiaison', [Role.LIAISON], 'HOSPITAL');
  });

  afterAll(async () => {
    await worker?.stop();
    await api?.stop();
    await sink?.stop();
    await env?.drop();
  });

  it('keeps identity values out of logs, queues, events, history, audit, notifications and emails', async () => {
    const gql = (query: string, input: unknown, as: string) => api.gql(query, { input }, token[as]);
    const REGISTER = 'mutation ($input: RegisterVictimInput!) { registerVictim(input: $input) { id code } }';
    const base = { sex: 'FEMALE', ageBand: 'ADULT_35_49', nationality: 'ID', originRegion: '32.73' };
    const victims: { id: string; code: string }[] = [];
    for (const identity of IDENTITIES) {
      const result = await gql(REGISTER, { ...base, identity }, 'polri');
      expect(result.errors).toBeUndefined();
      victims.push((result.data as { registerVictim: { id: string; code: string } }).registerVictim);
    }
    // The same person registered by another agency (answered as a fresh registration, flagged for the secretariat),
    // then failures that carry identity in their input: a close match, bad fields.
    expect((await gql(REGISTER, { ...base, identity: IDENTITIES[0] }, 'kemensos')).errors).toBeUndefined();
    expect(
      (
        await gql(
          REGISTER,
          { ...base, identity: { ...IDENTITIES[1], passportNumber: null, nationalIdNumber: null } },
          'polri',
        )
      ).errors,
    ).toBeDefined();
    expect(
      (await gql(REGISTER, { ...base, identity: { ...IDENTITIES[0], dateOfBirth: '2999-01-01' } }, 'polri')).errors,
    ).toBeDefined();
    expect((await gql(REGISTER, { ...base, sex: 'F', identity: IDENTITIES[0] }, 'polri')).errors).toBeDefined();

    // Consent, a referral (events, notifications and emails to the hospital), reads by the owner and provider.
    const consent = await gql(
      'mutation ($input: RecordConsentInput!) { recordConsent(input: $input) { id } }',
      {
        victimId: victims[0].id,
        recipientAgencyId: agencyId.HOSPITAL,
        purpose: 'SERVICE_REFERRAL',
        method: 'THUMBPRINT',
      },
      'polri',
    );
    expect(consent.errors).toBeUndefined();
    const referral = await gql(
      'mutation ($input: ProposeReferralInput!) { proposeReferral(input: $input) { id } }',
      { victimId: victims[0].id, recipientAgencyId: agencyId.HOSPITAL, service: 'MEDICAL', urgency: 'EMERGENCY' },
      'polri',
    );
    expect(referral.errors).toBeUndefined();
    const read = await api.gql<{ victim: { identity: { fullName: string } | null } }>(
      'query ($id: ID!) { victim(id: $id) { identity { fullName passportNumber } } }',
      { id: victims[0].id },
      token.hospital,
    );
    expect(read.data!.victim.identity!.fullName).toBe(IDENTITIES[0].fullName);
    const accepted = await gql(
      'mutation ($input: ReferralActionInput!) { acceptReferral(input: $input) { status } }',
      { id: (referral.data as { proposeReferral: { id: string } }).proposeReferral.id },
      'hospital',
    );
    expect(accepted.errors).toBeUndefined();
    await worker.drain();
    // The hospital's staff were told, by email, about the proposal and its acceptance went back to Polri: every
    // notification's email has gone out (one whose first try failed goes out when its retry comes due).
    await eventually(async () => {
      const [emails] = await api.dataSource.query(
        `SELECT count(*)::int AS total, count(*) FILTER (WHERE email_status = 'PENDING')::int AS pending FROM notification`,
      );
      expect(emails.total).toBeGreaterThan(0);
      expect(emails.pending).toBe(0);
    });
    expect(sink.received.length).toBeGreaterThan(0);

    // Everything outside the sealed column, as text.
    const stored = JSON.stringify(
      await api.dataSource.query(
        `SELECT (SELECT json_agg(json_build_object('code', v.code, 'case', v.case_id, 'region', v.origin_region)) FROM victim v) AS victims,
                (SELECT json_agg(e) FROM victim_event e) AS victim_events,
                (SELECT json_agg(r) FROM referral r) AS referrals,
                (SELECT json_agg(e) FROM work_item_event e) AS work_item_events,
                (SELECT json_agg(c) FROM consent c) AS consents,
                (SELECT json_agg(a) FROM audit_entry a) AS audit,
                (SELECT json_agg(o) FROM outbox_event o) AS outbox,
                (SELECT json_agg(n) FROM notification n) AS notifications,
                (SELECT json_agg(f) FROM victim_duplicate_flag f) AS flags`,
      ),
    );
    const queues = await redisDump(env.redisUrl, env.redisPrefix);
    const emails = sink.received.map((mail) => mail.raw).join('\n');
    const logText = logs.join('\n');

    // The captures are real: they hold the work just done (codes, requests, jobs).
    expect(logText).toContain('request completed');
    expect(queues).toContain('notification.email');
    expect(stored).toContain(victims[0].code);
    expect(stored).toContain('"matched_on":"PASSPORT"');
    for (const secret of SECRETS) {
      expect({ secret, where: 'logs', found: logText.includes(secret) }).toEqual({
        secret,
        where: 'logs',
        found: false,
      });
      expect({ secret, where: 'redis', found: queues.includes(secret) }).toEqual({
        secret,
        where: 'redis',
        found: false,
      });
      expect({ secret, where: 'database', found: stored.includes(secret) }).toEqual({
        secret,
        where: 'database',
        found: false,
      });
      expect({ secret, where: 'emails', found: emails.includes(secret) }).toEqual({
        secret,
        where: 'emails',
        found: false,
      });
    }
  });
});
