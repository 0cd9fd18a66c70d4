import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';

import { DigestContent, isEmptyDigest } from '@app/modules/digests/digest-content';
import { DigestContentService } from '@app/modules/digests/digest-content.service';
import { Locale, Role } from '@app/modules/users/role.enum';
import { Factories, TEST_PASSWORD } from '@libs/testing/factories';
import { isolatedEnvironment, IsolatedEnvironment } from '@libs/testing/isolated-environment';
import { TestApp } from '@libs/testing/test-app';

const WEEK = '2026-W49';
/** Thursday 3 December 2026, 10:00 in Jakarta and Phnom Penh. */
const NOW = new Date('2026-12-03T03:00:00Z');
/** Monday 00:00 WIB of 2026-W49 and of the week before; the next Monday. */
const WEEK_START = '2026-11-29T17:00:00.000Z';
const WEEK_END = '2026-12-06T17:00:00.000Z';
const OLD = '2026-10-01T02:00:00Z';
/** Free text users type: none of it may reach a digest. */
const SECRET = 'SECRET-TEXT';
const VICTIM_NAME = 'Siti Rahmawati Contoh';

const at = (iso: string) => new Date(iso);
const days = (n: number) => new Date(NOW.getTime() + n * 86_400_000);

interface TaskSpec {
  from: string;
  to: string;
  assignee?: string;
  status: string;
  due: Date;
  created: string;
  /** Lifecycle steps after creation: [action, to status, instant]; the task's updated_at is the last one. */
  steps?: [string, string, string][];
}

/**
 * The content of one weekly digest, computed by DigestContentService on a dataset of its own (an isolated copy of
 * the seeded database, so every count is exact), inserted straight into the tables with the real constraints.
 * The digest is for 2026-W49 in Jakarta time, at Thursday 3 December 10:00. Kemlu is the busy agency (a plain
 * liaison and a supervisor read it); Polri's secretariat of the national unit (GTPP-NAS) ranks the member agencies;
 * the immigration attaché in Phnom Penh files cross-border requests for Ditjen Imigrasi and for Kemlu.
 */
describe('weekly digest content', () => {
  let env: IsolatedEnvironment;
  let api: TestApp;
  let sut: DigestContentService;
  const agency: Record<string, { id: string; acronym: string }> = {};
  const user: Record<string, string> = {};
  const item: Record<string, { id: string; number: number }> = {};
  let victim: { id: string; code: string };

  const q = (sql: string, params: unknown[] = []) => api.dataSource.query(sql, params);

  const task = async (name: string, spec: TaskSpec) => {
    const steps = spec.steps ?? [];
    const updated = steps.length > 0 ? steps[steps.length - 1][2] : spec.created;
    const completed = steps.filter(([, to]) => to === 'DONE').at(-1)?.[2] ?? null;
    const [row] = await q(
      `INSERT INTO task (assigning_agency_id, assignee_agency_id, assignee_user_id, created_by_user_id, title,
         description, pillar, duty, status, due_at, escalation_policy, blocked_reason, completed_at, created_at,
         updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, 'PROTECTION', 'VICTIM_MONITORING', $7, $8, '{"name": "task-default-2026"}',
         $9, $10, $11, $12)
       RETURNING id, number`,
      [
        agency[spec.from].id,
        agency[spec.to].id,
        spec.assignee ? user[spec.assignee] : null,
        user[`creator:${spec.from}`],
        `${SECRET} title of ${name}`,
        `${SECRET} description of ${name}, about ${VICTIM_NAME}`,
        spec.status,
        spec.due,
        spec.status === 'BLOCKED' ? `${SECRET} blocked reason` : null,
        completed,
        spec.created,
        updated,
      ],
    );
    item[name] = row;
    let status = 'OPEN';
    const history: [string, string | null, string, string | null, string][] = [
      ['CREATED', null, 'OPEN', null, spec.created],
    ];
    for (const [action, to, instant] of steps) {
      history.push(['TRANSITION', action, to, status, instant]);
      status = to;
    }
    for (const [kind, action, to, from, instant] of history) {
      await q(
        `INSERT INTO task_event (task_id, occurred_at, kind, action, from_status, to_status, reason)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [row.id, instant, kind, action, from, to, action ? `${SECRET} reason` : null],
      );
    }
  };

  const referral = async (
    name: string,
    to: string,
    spec: { status: string; urgency: string; service: string; respondBy: Date },
  ) => {
    const [row] = await q(
      `INSERT INTO referral (victim_id, from_agency_id, recipient_agency_id, proposed_by_user_id, service, urgency,
         status, respond_by, escalation_policy, consent_id, capacity_gap_reason, status_reason, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, '{"name": "referral-default-2026"}',
         (SELECT id FROM consent WHERE victim_id = $1 AND recipient_agency_id = $3 AND revoked_at IS NULL),
         $9, $9, $10, $10)
       RETURNING id, number`,
      [
        victim.id,
        agency.POLRI.id,
        agency[to].id,
        user.polriOfficer,
        spec.service,
        spec.urgency,
        spec.status,
        spec.respondBy,
        `${SECRET} reason`,
        OLD,
      ],
    );
    item[name] = row;
  };

  const request = async (
    name: string,
    spec: {
      counterpart: string;
      status: string;
      filedBy?: string;
      onBehalfOf?: string;
      submitted?: string;
      acknowledgeBy?: string;
      decideBy?: string;
      executeBy?: string;
      overdue?: string[];
    },
  ) => {
    const [row] = await q(
      `INSERT INTO cross_border_request (direction, counterpart_country, counterpart_agency_id, channel, category,
         urgency, confidentiality, subject, body, filed_by_user_id, filing_agency_id, on_behalf_of_agency_id, status,
         acknowledge_by, decide_by, execute_by, overdue_stages, submitted_at, status_reason, escalation_policy,
         created_at, updated_at)
       VALUES ('OUTGOING', $1, $2, 'IMMIGRATION_ATTACHE', 'TRAVEL_DOCUMENT_VERIFICATION', 'NORMAL', 'STANDARD', $3, $4,
         $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, '{"name": "cross-border-default-2026"}', $15, $15)
       RETURNING id, number`,
      [
        spec.counterpart.slice(0, 2),
        agency[spec.counterpart].id,
        `${SECRET} subject of ${name}`,
        `${SECRET} body of ${name}: ${victim.code}`,
        user[spec.filedBy ?? 'attache'],
        agency['ATASE-IMIGRASI-PNH'].id,
        agency[spec.onBehalfOf ?? 'DITJEN-IMIGRASI'].id,
        spec.status,
        spec.acknowledgeBy ?? null,
        spec.decideBy ?? null,
        spec.executeBy ?? null,
        spec.overdue ?? [],
        spec.submitted ?? null,
        spec.status === 'ANSWERED' ? `${SECRET} answer` : null,
        spec.submitted ?? OLD,
      ],
    );
    item[name] = row;
  };

  const rung = async (
    itemName: string,
    itemType: string,
    spec: {
      kind: string;
      version?: number;
      deadline: string;
      key: string;
      fireAt?: string;
      status: string;
      settled: string;
    },
  ) => {
    await q(
      `INSERT INTO escalation_rung (item_type, item_id, deadline_kind, deadline_version, deadline_at, policy_name,
         rung_key, rung_index, fire_at, targets, status, settled_at)
       VALUES ($1, $2, $3, $4, $5, 'default-2026', $6, 0, $7, '{ASSIGNEE}', $8, $9)`,
      [
        itemType,
        item[itemName].id,
        spec.kind,
        spec.version ?? 1,
        spec.deadline,
        spec.key,
        spec.fireAt ?? spec.deadline,
        spec.status,
        spec.settled,
      ],
    );
  };

  beforeAll(async () => {
    env = await isolatedEnvironment();
    api = await TestApp.start(env.env);
    sut = api.app.get(DigestContentService);
    const factories = new Factories(api);
    const codes = [
      'POLRI',
      'KEMLU',
      'KEMENSOS',
      'BP2MI',
      'DITJEN-IMIGRASI',
      'ATASE-IMIGRASI-PNH',
      'KH-GDI',
      'KH-AHTJP',
      'KH-MOSVY',
      'MY-PDRM',
      'MY-JIM',
    ];
    for (const code of codes) {
      [agency[code]] = await q('SELECT id, acronym FROM agency WHERE code = $1', [code]);
    }
    // Outside the national unit (X), a former member (Y), and an agency with nothing going on (Z).
    for (const name of ['X', 'Y', 'Z']) agency[name] = await factories.agency({ acronym: `Agency ${name}` });
    const unit = (await q(`SELECT id FROM task_force_unit WHERE code = 'GTPP-NAS'`))[0].id;
    await q(
      `INSERT INTO membership (unit_id, agency_id, role, valid_from, valid_to) VALUES ($1, $2, 'MEMBER', '2023-06-05', '2025-01-01')`,
      [unit, agency.Y.id],
    );

    const person = async (name: string, roles: Role[], code: string, extra: Record<string, unknown> = {}) => {
      user[name] = (await factories.user(roles, { agencyId: agency[code].id, ...extra })).id;
    };
    await person('liaison', [Role.LIAISON], 'KEMLU', { displayName: 'Rina Kemlu', locale: Locale.EN });
    await person('liaison2', [Role.LIAISON], 'KEMLU');
    await person('supervisor', [Role.SUPERVISOR], 'KEMLU', { displayName: 'Bambang Kemlu' });
    await person('auditor', [Role.AUDITOR], 'KEMLU');
    await person('secretariat', [Role.SECRETARIAT], 'POLRI', { displayName: 'Sekretariat GTPP' });
    await person('polriOfficer', [Role.CASE_OFFICER], 'POLRI');
    await person('polriLiaison', [Role.LIAISON], 'POLRI');
    await person('attache', [Role.ATTACHE], 'ATASE-IMIGRASI-PNH', { timeZone: 'Asia/Phnom_Penh' });
    await person('attache2', [Role.ATTACHE], 'ATASE-IMIGRASI-PNH');
    await person('nobody', [Role.LIAISON], 'Z');
    for (const code of ['POLRI', 'KEMLU', 'KEMENSOS', 'BP2MI', 'DITJEN-IMIGRASI']) {
      await person(`creator:${code}`, [Role.LIAISON], code);
    }

    // A person Polri registered and who consented to Kemlu and BP2MI receiving them (through the API).
    const officer = await q('SELECT email FROM app_user WHERE id = $1', [user.polriOfficer]);
    const token = await api.login(officer[0].email, TEST_PASSWORD);
    const registered = await api.gql<{ registerVictim: { id: string; code: string } }>(
      'mutation ($input: RegisterVictimInput!) { registerVictim(input: $input) { id code } }',
      {
        input: {
          identity: { fullName: VICTIM_NAME, dateOfBirth: '1994-05-17', passportNumber: `C${Date.now()}`.slice(0, 9) },
          sex: 'FEMALE',
          ageBand: 'ADULT_25_34',
          nationality: 'ID',
        },
      },
      token,
    );
    expect(registered.errors).toBeUndefined();
    victim = registered.data!.registerVictim;
    for (const code of ['KEMLU', 'BP2MI']) {
      const consent = await api.gql(
        'mutation ($input: RecordConsentInput!) { recordConsent(input: $input) { id } }',
        {
          input: {
            victimId: victim.id,
            recipientAgencyId: agency[code].id,
            purpose: 'SERVICE_REFERRAL',
            method: 'WRITTEN_SIGNED',
          },
        },
        token,
      );
      expect(consent.errors).toBeUndefined();
    }

    // Tasks. Kemlu's: T1–T8, T12–T14 (T12 is Kemlu's own); Kemlu asked BP2MI (T9–T11) and Polri (T15).
    await task('T1', { from: 'POLRI', to: 'KEMLU', status: 'OPEN', due: days(2), created: '2026-11-30T02:00:00Z' });
    await task('T2', {
      from: 'POLRI',
      to: 'KEMLU',
      assignee: 'liaison',
      status: 'ACKNOWLEDGED',
      due: days(6),
      created: '2026-12-01T02:00:00Z',
      steps: [['ACKNOWLEDGE', 'ACKNOWLEDGED', '2026-12-01T05:00:00Z']],
    });
    await task('T3', {
      from: 'BP2MI',
      to: 'KEMLU',
      assignee: 'liaison2',
      status: 'IN_PROGRESS',
      due: days(3),
      created: '2026-11-24T02:00:00Z',
      steps: [
        ['ACKNOWLEDGE', 'ACKNOWLEDGED', '2026-11-24T05:00:00Z'],
        ['START', 'IN_PROGRESS', '2026-11-25T02:00:00Z'],
      ],
    });
    await task('T4', { from: 'POLRI', to: 'KEMLU', status: 'OPEN', due: days(8), created: OLD });
    // Completed twice this week (reopened in between): one completion in the counts.
    await task('T5', {
      from: 'POLRI',
      to: 'KEMLU',
      status: 'DONE',
      due: days(1),
      created: OLD,
      steps: [
        ['ACKNOWLEDGE', 'ACKNOWLEDGED', '2026-10-02T02:00:00Z'],
        ['START', 'IN_PROGRESS', '2026-10-03T02:00:00Z'],
        ['COMPLETE', 'DONE', '2026-12-01T05:00:00Z'],
        ['REOPEN', 'REOPENED', '2026-12-01T06:00:00Z'],
        ['ACKNOWLEDGE', 'ACKNOWLEDGED', '2026-12-01T07:00:00Z'],
        ['START', 'IN_PROGRESS', '2026-12-01T08:00:00Z'],
        ['COMPLETE', 'DONE', '2026-12-02T05:00:00Z'],
      ],
    });
    await task('T6', {
      from: 'POLRI',
      to: 'KEMLU',
      status: 'BLOCKED',
      due: at('2026-11-30T01:00:00Z'),
      created: OLD,
      steps: [
        ['ACKNOWLEDGE', 'ACKNOWLEDGED', '2026-10-02T02:00:00Z'],
        ['START', 'IN_PROGRESS', '2026-10-03T02:00:00Z'],
        ['BLOCK', 'BLOCKED', '2026-11-20T02:00:00Z'],
      ],
    });
    // Done before last week began, reopened this week: not overdue at the end of last week, overdue now.
    await task('T7', {
      from: 'KEMENSOS',
      to: 'KEMLU',
      assignee: 'liaison2',
      status: 'REOPENED',
      due: days(-10),
      created: OLD,
      steps: [
        ['ACKNOWLEDGE', 'ACKNOWLEDGED', '2026-10-02T02:00:00Z'],
        ['START', 'IN_PROGRESS', '2026-10-03T02:00:00Z'],
        ['COMPLETE', 'DONE', '2026-11-20T03:00:00Z'],
        ['REOPEN', 'REOPENED', '2026-12-01T02:00:00Z'],
      ],
    });
    // Open and overdue at the end of last week, cancelled since.
    await task('T8', {
      from: 'POLRI',
      to: 'KEMLU',
      status: 'CANCELLED',
      due: days(-5),
      created: OLD,
      steps: [['CANCEL', 'CANCELLED', '2026-12-02T03:00:00Z']],
    });
    await task('T9', { from: 'KEMLU', to: 'BP2MI', status: 'OPEN', due: days(-4), created: '2026-11-23T02:00:00Z' });
    await task('T10', {
      from: 'KEMLU',
      to: 'BP2MI',
      status: 'DONE',
      due: days(-4),
      created: OLD,
      steps: [
        ['ACKNOWLEDGE', 'ACKNOWLEDGED', '2026-10-02T02:00:00Z'],
        ['START', 'IN_PROGRESS', '2026-10-03T02:00:00Z'],
        ['COMPLETE', 'DONE', '2026-12-01T03:00:00Z'],
      ],
    });
    await task('T11', { from: 'KEMLU', to: 'BP2MI', status: 'OPEN', due: days(1), created: '2026-12-02T02:00:00Z' });
    // Created one second before this week began (Monday 00:00 WIB): last week's.
    await task('T12', {
      from: 'KEMLU',
      to: 'KEMLU',
      status: 'OPEN',
      due: at('2026-12-02T02:00:00Z'),
      created: '2026-11-29T16:59:59Z',
    });
    await task('T13', {
      from: 'POLRI',
      to: 'KEMLU',
      status: 'DONE',
      due: at('2026-11-26T03:00:00Z'),
      created: OLD,
      steps: [
        ['ACKNOWLEDGE', 'ACKNOWLEDGED', '2026-10-02T02:00:00Z'],
        ['START', 'IN_PROGRESS', '2026-10-03T02:00:00Z'],
        ['COMPLETE', 'DONE', '2026-11-25T03:00:00Z'],
      ],
    });
    await task('T14', { from: 'POLRI', to: 'KEMLU', status: 'OPEN', due: days(-6), created: OLD });
    await task('T15', { from: 'KEMLU', to: 'POLRI', status: 'OPEN', due: days(-2), created: OLD });
    await task('T16', {
      from: 'KEMENSOS',
      to: 'POLRI',
      assignee: 'polriLiaison',
      status: 'IN_PROGRESS',
      due: days(-1),
      created: OLD,
      steps: [
        ['ACKNOWLEDGE', 'ACKNOWLEDGED', '2026-10-02T02:00:00Z'],
        ['START', 'IN_PROGRESS', '2026-10-03T02:00:00Z'],
      ],
    });
    await task('T17', {
      from: 'KEMENSOS',
      to: 'BP2MI',
      status: 'ACKNOWLEDGED',
      due: days(-7),
      created: OLD,
      steps: [['ACKNOWLEDGE', 'ACKNOWLEDGED', '2026-10-02T02:00:00Z']],
    });
    await task('T18', { from: 'POLRI', to: 'X', status: 'OPEN', due: days(-2), created: OLD });
    await task('T19', { from: 'POLRI', to: 'Y', status: 'OPEN', due: days(-2), created: OLD });
    await task('TA1', {
      from: 'DITJEN-IMIGRASI',
      to: 'ATASE-IMIGRASI-PNH',
      assignee: 'attache',
      status: 'OPEN',
      due: days(1),
      created: '2026-12-01T02:00:00Z',
    });

    // Referrals of the registered person. F6 before F1: same respond-by, lower urgency, lower number.
    await referral('F6', 'KEMLU', {
      status: 'PROPOSED',
      urgency: 'NORMAL',
      service: 'TRAVEL_DOCUMENTS',
      respondBy: days(1),
    });
    await referral('F1', 'KEMLU', {
      status: 'PROPOSED',
      urgency: 'HIGH',
      service: 'TRAVEL_DOCUMENTS',
      respondBy: days(1),
    });
    await referral('F2', 'KEMLU', {
      status: 'PROPOSED',
      urgency: 'EMERGENCY',
      service: 'REPATRIATION',
      respondBy: at('2026-12-03T01:00:00Z'),
    });
    await referral('F3', 'KEMLU', {
      status: 'ACCEPTED',
      urgency: 'HIGH',
      service: 'REPATRIATION',
      respondBy: days(-3),
    });
    await referral('F4', 'BP2MI', {
      status: 'PROPOSED',
      urgency: 'NORMAL',
      service: 'LIVELIHOOD',
      respondBy: days(-3),
    });
    await referral('F5', 'KEMLU', {
      status: 'EXPIRED',
      urgency: 'HIGH',
      service: 'TRAVEL_DOCUMENTS',
      respondBy: at('2026-12-01T00:00:00Z'),
    });

    // Cross-border requests the attaché filed, for Ditjen Imigrasi unless said otherwise.
    await request('C1', {
      counterpart: 'KH-GDI',
      status: 'SUBMITTED',
      submitted: '2026-11-30T02:00:00Z',
      acknowledgeBy: '2026-12-05T03:00:00Z',
      decideBy: '2026-12-29T02:00:00Z',
      executeBy: '2027-02-27T02:00:00Z',
    });
    await request('C2', {
      counterpart: 'KH-AHTJP',
      status: 'SUBMITTED',
      submitted: '2026-11-23T03:00:00Z',
      acknowledgeBy: '2026-11-30T03:00:00Z',
      decideBy: '2026-12-23T03:00:00Z',
      executeBy: '2027-02-21T03:00:00Z',
      overdue: ['ACKNOWLEDGE'],
    });
    // Acknowledged late, then accepted: its overdue acknowledgement is history, not a late request.
    await request('C3', {
      counterpart: 'MY-PDRM',
      status: 'ACCEPTED',
      submitted: '2026-10-24T03:00:00Z',
      acknowledgeBy: '2026-10-31T03:00:00Z',
      decideBy: '2026-11-23T03:00:00Z',
      executeBy: '2027-01-22T03:00:00Z',
      overdue: ['ACKNOWLEDGE'],
    });
    await request('C4', {
      counterpart: 'KH-MOSVY',
      status: 'ANSWERED',
      submitted: '2026-09-01T03:00:00Z',
      executeBy: '2026-11-30T03:00:00Z',
      overdue: ['EXECUTE'],
    });
    await request('C5', {
      counterpart: 'MY-JIM',
      status: 'ACKNOWLEDGED',
      onBehalfOf: 'KEMLU',
      submitted: '2026-11-28T03:00:00Z',
      acknowledgeBy: '2026-12-01T03:00:00Z',
      decideBy: '2026-12-02T03:00:00Z',
      executeBy: '2027-02-26T03:00:00Z',
      overdue: ['DECIDE'],
    });
    await request('C6', { counterpart: 'KH-GDI', status: 'DRAFT' });
    await request('C7', {
      counterpart: 'KH-GDI',
      status: 'SUBMITTED',
      filedBy: 'attache2',
      submitted: '2026-12-01T03:00:00Z',
      acknowledgeBy: '2026-12-08T03:00:00Z',
    });

    // Escalation rungs. Kemlu's this week: T14 supervisor (at the very start of the week), T6 due, F5 respond-by,
    // T7 supervisor (due long ago, fired late on reopening), C5 decide; last week: T14 due, T13 due.
    await rung('T14', 'TASK', {
      kind: 'DUE',
      deadline: '2026-11-27T03:00:00Z',
      key: 'due',
      status: 'FIRED',
      settled: '2026-11-27T03:00:30Z',
    });
    await rung('T14', 'TASK', {
      kind: 'DUE',
      deadline: '2026-11-27T03:00:00Z',
      key: 'supervisor',
      fireAt: WEEK_START,
      status: 'FIRED',
      settled: WEEK_START,
    });
    // T13 escalated last week on its first deadline, was re-dated and completed since.
    await rung('T13', 'TASK', {
      kind: 'DUE',
      deadline: '2026-11-20T03:00:00Z',
      key: 'due',
      status: 'FIRED',
      settled: '2026-11-23T03:00:00Z',
    });
    // T6's first deadline fired a second before last week began; its re-dated one fired this week.
    await rung('T6', 'TASK', {
      kind: 'DUE',
      deadline: '2026-11-22T16:59:59Z',
      key: 'due',
      status: 'FIRED',
      settled: '2026-11-22T16:59:59Z',
    });
    await rung('T6', 'TASK', {
      kind: 'DUE',
      version: 2,
      deadline: '2026-11-30T01:00:00Z',
      key: 'due',
      status: 'FIRED',
      settled: '2026-11-30T01:01:00Z',
    });
    await rung('T7', 'TASK', {
      kind: 'DUE',
      version: 2,
      deadline: '2026-11-23T03:00:00Z',
      key: 'supervisor',
      fireAt: '2026-11-25T03:00:00Z',
      status: 'FIRED',
      settled: '2026-12-01T02:00:05Z',
    });
    // A reminder is not an escalation; a cancelled rung did not fire; T9 is BP2MI's.
    await rung('T12', 'TASK', {
      kind: 'DUE',
      deadline: '2026-12-02T02:00:00Z',
      key: 'reminder-24h',
      fireAt: '2026-12-01T02:00:00Z',
      status: 'FIRED',
      settled: '2026-12-01T02:00:04Z',
    });
    await rung('T4', 'TASK', {
      kind: 'DUE',
      deadline: days(8).toISOString(),
      key: 'due',
      status: 'CANCELLED',
      settled: '2026-12-01T00:00:00Z',
    });
    await rung('T9', 'TASK', {
      kind: 'DUE',
      deadline: days(-4).toISOString(),
      key: 'supervisor',
      fireAt: '2026-12-01T03:00:00Z',
      status: 'FIRED',
      settled: '2026-12-01T03:00:10Z',
    });
    await rung('F5', 'REFERRAL', {
      kind: 'RESPOND',
      deadline: '2026-12-01T00:00:00Z',
      key: 'respond-by',
      status: 'FIRED',
      settled: '2026-12-01T00:00:30Z',
    });
    await rung('C2', 'CROSS_BORDER_REQUEST', {
      kind: 'ACKNOWLEDGE',
      deadline: '2026-11-30T03:00:00Z',
      key: 'due',
      status: 'FIRED',
      settled: '2026-11-30T03:00:20Z',
    });
    await rung('C5', 'CROSS_BORDER_REQUEST', {
      kind: 'DECIDE',
      deadline: '2026-12-02T03:00:00Z',
      key: 'due',
      status: 'FIRED',
      settled: '2026-12-02T03:00:20Z',
    });
    await rung('C3', 'CROSS_BORDER_REQUEST', {
      kind: 'ACKNOWLEDGE',
      deadline: '2026-10-31T03:00:00Z',
      key: 'secretariat',
      fireAt: '2026-11-07T03:00:00Z',
      status: 'FIRED',
      settled: '2026-11-24T03:00:20Z',
    });

    // Stalled commitments: three seeded ones, and one of Kemlu's own agreement that never moved.
    for (const [code, last] of [
      ['MOU-POLRI-KH-MOHA-2022-01', '2026-03-01T00:00:00Z'],
      ['KH-ID-IMM-2024-02', '2026-04-01T00:00:00Z'],
      ['KH-ID-IMM-2024-01', '2026-05-01T00:00:00Z'],
    ]) {
      await q(`UPDATE agreement_commitment SET status = 'STALLED', last_activity_at = $2 WHERE code = $1`, [
        code,
        last,
      ]);
    }
    const [instrument] = await q(
      `INSERT INTO legal_instrument (code, kind, title_id, title_en) VALUES ('TEST-MOU-KEMLU', 'MOU', $1, $1) RETURNING id`,
      [`${SECRET} instrument`],
    );
    await q(
      `INSERT INTO agreement_commitment (instrument_id, sequence, code, title_id, title_en, owner_agency_id, status)
       VALUES ($1, 1, 'TEST-MOU-KEMLU-01', $2, $2, $3, 'STALLED')`,
      [instrument.id, `${SECRET} commitment`, agency.KEMLU.id],
    );
  });

  afterAll(async () => {
    await api?.stop();
    await env?.drop();
  });

  const digest = (name: string) => sut.compute(user[name], WEEK, NOW);
  const link = (path: string, name: string) => `${api.config.publicUrl}/${path}/${item[name].id}`;
  const pad = (n: number) => String(n).padStart(6, '0');
  const tsk = (name: string) => ({ reference: `TSK-${pad(item[name].number)}`, link: link('tasks', name) });
  const ref = (name: string) => ({ reference: `REF-${pad(item[name].number)}`, link: link('referrals', name) });
  const cbr = (name: string) => ({
    reference: `CBR-${pad(item[name].number)}`,
    link: link('cross-border-requests', name),
  });
  const acronym = (code: string) => agency[code].acronym;

  describe('a plain liaison (Kemlu)', () => {
    let content: DigestContent;
    beforeAll(async () => {
      content = await digest('liaison');
    });

    it('names the recipient, the week in their time zone and the settings link', () => {
      expect(content.recipient).toEqual({
        userId: user.liaison,
        displayName: 'Rina Kemlu',
        locale: 'en',
        timeZone: 'Asia/Jakarta',
        agencyId: agency.KEMLU.id,
        agencyAcronym: 'Kemlu',
        audiences: ['LIAISON'],
      });
      expect(content.week).toEqual({ isoWeek: WEEK, start: WEEK_START, end: WEEK_END });
      expect(content.preferencesLink).toBe(`${api.config.publicUrl}/settings/notifications`);
    });

    it('lists open tasks due in the next 7 days that are theirs or nobody’s in particular', () => {
      expect(content.sections.dueSoon).toEqual([
        { kind: 'TASK', ...tsk('T1'), counterpartAgency: 'Polri', dueAt: days(2).toISOString(), status: 'OPEN' },
        {
          kind: 'TASK',
          ...tsk('T2'),
          counterpartAgency: 'Polri',
          dueAt: days(6).toISOString(),
          status: 'ACKNOWLEDGED',
        },
      ]);
    });

    it('lists overdue tasks, referrals and requests of the agency, longest overdue first, in whole days', () => {
      expect(content.sections.overdue).toEqual([
        { kind: 'TASK', ...tsk('T14'), counterpartAgency: 'Polri', dueAt: days(-6).toISOString(), daysOverdue: 6 },
        { kind: 'TASK', ...tsk('T6'), counterpartAgency: 'Polri', dueAt: '2026-11-30T01:00:00.000Z', daysOverdue: 3 },
        { kind: 'TASK', ...tsk('T12'), counterpartAgency: 'Kemlu', dueAt: '2026-12-02T02:00:00.000Z', daysOverdue: 1 },
        {
          kind: 'CROSS_BORDER_REQUEST',
          ...cbr('C5'),
          counterpartAgency: acronym('MY-JIM'),
          dueAt: '2026-12-02T03:00:00.000Z',
          daysOverdue: 1,
        },
        {
          kind: 'REFERRAL',
          ...ref('F2'),
          counterpartAgency: 'Polri',
          dueAt: '2026-12-03T01:00:00.000Z',
          daysOverdue: 0,
        },
      ]);
    });

    it('lists what the agency asked of others that is overdue there', () => {
      expect(content.sections.overdueByOthers).toEqual([
        { kind: 'TASK', ...tsk('T9'), counterpartAgency: 'BP2MI', dueAt: days(-4).toISOString(), daysOverdue: 4 },
        { kind: 'TASK', ...tsk('T15'), counterpartAgency: 'Polri', dueAt: days(-2).toISOString(), daysOverdue: 2 },
      ]);
    });

    it('lists referrals awaiting the agency’s answer, most pressing first', () => {
      expect(content.sections.referralsAwaiting).toEqual([
        {
          ...ref('F2'),
          fromAgency: 'Polri',
          service: 'REPATRIATION',
          urgency: 'EMERGENCY',
          respondBy: '2026-12-03T01:00:00.000Z',
        },
        {
          ...ref('F1'),
          fromAgency: 'Polri',
          service: 'TRAVEL_DOCUMENTS',
          urgency: 'HIGH',
          respondBy: days(1).toISOString(),
        },
        {
          ...ref('F6'),
          fromAgency: 'Polri',
          service: 'TRAVEL_DOCUMENTS',
          urgency: 'NORMAL',
          respondBy: days(1).toISOString(),
        },
      ]);
    });

    it('lists the open requests filed for the agency, per country', () => {
      expect(content.sections.crossBorder).toEqual([
        {
          country: 'MY',
          requests: [
            {
              ...cbr('C5'),
              counterpartAgency: acronym('MY-JIM'),
              status: 'ACKNOWLEDGED',
              openStage: 'DECIDE',
              daysOutstanding: 5,
              overdue: true,
            },
          ],
        },
      ]);
    });

    it('lists the escalations that fired this week on the agency’s items, reminders left out', () => {
      expect(content.sections.escalations).toEqual([
        { kind: 'TASK', ...tsk('T14'), rungKey: 'supervisor', firedAt: WEEK_START },
        { kind: 'TASK', ...tsk('T6'), rungKey: 'due', firedAt: '2026-11-30T01:01:00.000Z' },
        { kind: 'REFERRAL', ...ref('F5'), rungKey: 'respond-by', firedAt: '2026-12-01T00:00:30.000Z' },
        { kind: 'TASK', ...tsk('T7'), rungKey: 'supervisor', firedAt: '2026-12-01T02:00:05.000Z' },
        { kind: 'CROSS_BORDER_REQUEST', ...cbr('C5'), rungKey: 'due', firedAt: '2026-12-02T03:00:20.000Z' },
      ]);
    });

    it('lists the agency’s own stalled commitments and no ranking', () => {
      expect(content.sections.stalledCommitments).toEqual([
        { code: 'TEST-MOU-KEMLU-01', instrumentCode: 'TEST-MOU-KEMLU', ownerAgency: 'Kemlu', lastActivityAt: null },
      ]);
      expect(content.sections.agencyRanking).toEqual([]);
    });

    it('counts the agency’s week against last week', () => {
      expect(content.counts).toEqual({
        // Opened T1, T2, T11; completed T5 (twice, counted once); overdue T6, T7, T12, T14; five escalations.
        thisWeek: { tasksOpened: 3, tasksCompleted: 1, overdueNow: 4, escalationsFired: 5 },
        // Opened T3, T9, T12; completed T13; overdue at its end T8 (cancelled since) and T14 (T7 was done then);
        // escalated T14 and T13 (completed since).
        lastWeek: { tasksOpened: 3, tasksCompleted: 1, overdueNow: 2, escalationsFired: 2 },
      });
    });
  });

  describe('a supervisor (Kemlu)', () => {
    let content: DigestContent;
    beforeAll(async () => {
      content = await digest('supervisor');
    });

    it('sees every task of the agency, named for a colleague or not', () => {
      expect(content.recipient.audiences).toEqual(['SUPERVISOR']);
      expect(content.sections.dueSoon.map((entry) => entry.reference)).toEqual(
        ['T1', 'T3', 'T2'].map((name) => tsk(name).reference),
      );
      expect(content.sections.dueSoon[1]).toEqual({
        kind: 'TASK',
        ...tsk('T3'),
        counterpartAgency: 'BP2MI',
        dueAt: days(3).toISOString(),
        status: 'IN_PROGRESS',
      });
      expect(content.sections.overdue[0]).toEqual({
        kind: 'TASK',
        ...tsk('T7'),
        counterpartAgency: 'Kemensos',
        dueAt: days(-10).toISOString(),
        daysOverdue: 10,
      });
      expect(content.sections.overdue.map((entry) => entry.reference)).toEqual([
        tsk('T7').reference,
        tsk('T14').reference,
        tsk('T6').reference,
        tsk('T12').reference,
        cbr('C5').reference,
        ref('F2').reference,
      ]);
    });

    it('shares the agency-wide sections and counts with the liaison', async () => {
      const liaison = await digest('liaison');
      for (const section of [
        'overdueByOthers',
        'referralsAwaiting',
        'crossBorder',
        'escalations',
        'stalledCommitments',
        'agencyRanking',
      ] as const) {
        expect(content.sections[section]).toEqual(liaison.sections[section]);
      }
      expect(content.counts).toEqual(liaison.counts);
    });
  });

  describe('the secretariat of the national unit (Polri)', () => {
    let content: DigestContent;
    beforeAll(async () => {
      content = await digest('secretariat');
    });

    it('ranks the unit’s current member agencies by overdue work, leaving out those with none', () => {
      // Agency X is in no unit, Y left the national unit in 2025, the attaché post is not a member.
      expect(content.sections.agencyRanking).toEqual([
        { agency: 'Kemlu', overdueTasks: 4, overdueReferrals: 1, overdueRequests: 1, total: 6 },
        { agency: 'BP2MI', overdueTasks: 2, overdueReferrals: 1, overdueRequests: 0, total: 3 },
        { agency: 'Polri', overdueTasks: 2, overdueReferrals: 0, overdueRequests: 0, total: 2 },
        { agency: 'Ditjen Imigrasi', overdueTasks: 0, overdueReferrals: 0, overdueRequests: 1, total: 1 },
      ]);
    });

    it('lists every stalled commitment, the longest idle first', () => {
      expect(content.sections.stalledCommitments).toEqual([
        { code: 'TEST-MOU-KEMLU-01', instrumentCode: 'TEST-MOU-KEMLU', ownerAgency: 'Kemlu', lastActivityAt: null },
        {
          code: 'MOU-POLRI-KH-MOHA-2022-01',
          instrumentCode: 'MOU-POLRI-KH-MOHA-2022',
          ownerAgency: 'Polri',
          lastActivityAt: '2026-03-01T00:00:00.000Z',
        },
        {
          code: 'KH-ID-IMM-2024-02',
          instrumentCode: 'KH-ID-IMM-2024',
          ownerAgency: 'Ditjen Imigrasi',
          lastActivityAt: '2026-04-01T00:00:00.000Z',
        },
        {
          code: 'KH-ID-IMM-2024-01',
          instrumentCode: 'KH-ID-IMM-2024',
          ownerAgency: acronym('ATASE-IMIGRASI-PNH'),
          lastActivityAt: '2026-05-01T00:00:00.000Z',
        },
      ]);
    });

    it('gets its own agency’s work like a liaison, and what Polri asked of others', () => {
      expect(content.recipient.audiences).toEqual(['SECRETARIAT']);
      expect(content.sections.dueSoon).toEqual([]);
      // T16 is named for a Polri colleague.
      expect(content.sections.overdue).toEqual([
        { kind: 'TASK', ...tsk('T15'), counterpartAgency: 'Kemlu', dueAt: days(-2).toISOString(), daysOverdue: 2 },
      ]);
      expect(content.sections.overdueByOthers).toEqual([
        { kind: 'TASK', ...tsk('T14'), counterpartAgency: 'Kemlu', dueAt: days(-6).toISOString(), daysOverdue: 6 },
        { kind: 'TASK', ...tsk('T6'), counterpartAgency: 'Kemlu', dueAt: '2026-11-30T01:00:00.000Z', daysOverdue: 3 },
        { kind: 'TASK', ...tsk('T18'), counterpartAgency: 'Agency X', dueAt: days(-2).toISOString(), daysOverdue: 2 },
        { kind: 'TASK', ...tsk('T19'), counterpartAgency: 'Agency Y', dueAt: days(-2).toISOString(), daysOverdue: 2 },
      ]);
      expect(content.sections.referralsAwaiting).toEqual([]);
      expect(content.sections.crossBorder).toEqual([]);
      expect(content.sections.escalations).toEqual([]);
      expect(content.counts).toEqual({
        thisWeek: { tasksOpened: 2, tasksCompleted: 0, overdueNow: 2, escalationsFired: 0 },
        lastWeek: { tasksOpened: 0, tasksCompleted: 0, overdueNow: 0, escalationsFired: 0 },
      });
    });
  });

  describe('the immigration attaché in Phnom Penh', () => {
    let content: DigestContent;
    beforeAll(async () => {
      content = await digest('attache');
    });

    it('groups the open requests they filed by country and counterpart, with the stage owed', () => {
      expect(content.recipient).toMatchObject({
        audiences: ['ATTACHE'],
        timeZone: 'Asia/Phnom_Penh',
        agencyAcronym: acronym('ATASE-IMIGRASI-PNH'),
      });
      expect(content.week).toEqual({ isoWeek: WEEK, start: WEEK_START, end: WEEK_END });
      // C4 is answered, C6 a draft, C7 another attaché's; C3's late acknowledgement is history.
      expect(content.sections.crossBorder).toEqual([
        {
          country: 'KH',
          requests: [
            {
              ...cbr('C2'),
              counterpartAgency: 'AHTJP Police',
              status: 'SUBMITTED',
              openStage: 'ACKNOWLEDGE',
              daysOutstanding: 10,
              overdue: true,
            },
            {
              ...cbr('C1'),
              counterpartAgency: 'GDI Cambodia',
              status: 'SUBMITTED',
              openStage: 'ACKNOWLEDGE',
              daysOutstanding: 3,
              overdue: false,
            },
          ],
        },
        {
          country: 'MY',
          requests: [
            {
              ...cbr('C5'),
              counterpartAgency: 'JIM',
              status: 'ACKNOWLEDGED',
              openStage: 'DECIDE',
              daysOutstanding: 5,
              overdue: true,
            },
            {
              ...cbr('C3'),
              counterpartAgency: 'PDRM',
              status: 'ACCEPTED',
              openStage: 'EXECUTE',
              daysOutstanding: 40,
              overdue: false,
            },
          ],
        },
      ]);
    });

    it('lists the post’s overdue requests and tasks, and the escalations on its requests', () => {
      expect(content.sections.dueSoon).toEqual([
        {
          kind: 'TASK',
          ...tsk('TA1'),
          counterpartAgency: 'Ditjen Imigrasi',
          dueAt: days(1).toISOString(),
          status: 'OPEN',
        },
      ]);
      expect(content.sections.overdue).toEqual([
        {
          kind: 'CROSS_BORDER_REQUEST',
          ...cbr('C2'),
          counterpartAgency: 'AHTJP Police',
          dueAt: '2026-11-30T03:00:00.000Z',
          daysOverdue: 3,
        },
        {
          kind: 'CROSS_BORDER_REQUEST',
          ...cbr('C5'),
          counterpartAgency: 'JIM',
          dueAt: '2026-12-02T03:00:00.000Z',
          daysOverdue: 1,
        },
      ]);
      expect(content.sections.overdueByOthers).toEqual([]);
      expect(content.sections.referralsAwaiting).toEqual([]);
      expect(content.sections.escalations).toEqual([
        { kind: 'CROSS_BORDER_REQUEST', ...cbr('C2'), rungKey: 'due', firedAt: '2026-11-30T03:00:20.000Z' },
        { kind: 'CROSS_BORDER_REQUEST', ...cbr('C5'), rungKey: 'due', firedAt: '2026-12-02T03:00:20.000Z' },
      ]);
      expect(content.sections.stalledCommitments).toEqual([
        {
          code: 'KH-ID-IMM-2024-01',
          instrumentCode: 'KH-ID-IMM-2024',
          ownerAgency: acronym('ATASE-IMIGRASI-PNH'),
          lastActivityAt: '2026-05-01T00:00:00.000Z',
        },
      ]);
      expect(content.sections.agencyRanking).toEqual([]);
      expect(content.counts).toEqual({
        thisWeek: { tasksOpened: 1, tasksCompleted: 0, overdueNow: 0, escalationsFired: 2 },
        lastWeek: { tasksOpened: 0, tasksCompleted: 0, overdueNow: 0, escalationsFired: 1 },
      });
    });
  });

  describe('people with nothing to hear about', () => {
    it('gives a liaison of a quiet agency an empty digest', async () => {
      const content = await digest('nobody');
      expect(isEmptyDigest(content)).toBe(true);
      expect(content.recipient.audiences).toEqual(['LIAISON']);
      expect(content.counts).toEqual({
        thisWeek: { tasksOpened: 0, tasksCompleted: 0, overdueNow: 0, escalationsFired: 0 },
        lastWeek: { tasksOpened: 0, tasksCompleted: 0, overdueNow: 0, escalationsFired: 0 },
      });
    });

    it('tells someone without a digest role (an auditor of a busy agency) nothing', async () => {
      const content = await digest('auditor');
      expect(content.recipient.audiences).toEqual([]);
      expect(isEmptyDigest(content)).toBe(true);
      expect(content.counts.thisWeek).toEqual({
        tasksOpened: 0,
        tasksCompleted: 0,
        overdueNow: 0,
        escalationsFired: 0,
      });
    });

    it('treats a case officer as a liaison', async () => {
      const content = await digest('polriOfficer');
      expect(content.recipient.audiences).toEqual(['LIAISON']);
      expect(content.sections.overdue.map((entry) => entry.reference)).toEqual([tsk('T15').reference]);
    });
  });

  it('carries reference codes only: no titles, descriptions, subjects, bodies, reasons, nor the person', async () => {
    const all = await Promise.all(
      ['liaison', 'supervisor', 'secretariat', 'attache', 'nobody', 'polriOfficer'].map(digest),
    );
    const json = JSON.stringify(all);
    expect(json).toContain(tsk('T1').reference);
    expect(json).not.toContain(SECRET);
    expect(json).not.toContain(VICTIM_NAME);
    expect(json).not.toContain(victim.code);
    expect(json).not.toContain(victim.id);
  });

  it('runs a fixed number of queries, however much work the agency has', async () => {
    const spy = jest.spyOn(PostgresQueryRunner.prototype, 'query');
    try {
      const queriesFor = async (name: string) => {
        spy.mockClear();
        await digest(name);
        return spy.mock.calls.length;
      };
      const busy = await queriesFor('supervisor');
      expect(await queriesFor('nobody')).toBe(busy);
      expect(await queriesFor('attache')).toBe(busy);
      // The ranking is one query more.
      expect(await queriesFor('secretariat')).toBe(busy + 1);
      expect(busy).toBeLessThanOrEqual(12);
    } finally {
      spy.mockRestore();
    }
  });

  it('refuses a week that does not exist and a person who does not', async () => {
    await expect(sut.compute(user.liaison, '2026-W54', NOW)).rejects.toThrow(
      'Invalid ISO week "2026-W54": 2026 has weeks 01 to 53.',
    );
    await expect(sut.compute(user.liaison, '2026-48', NOW)).rejects.toThrow('Invalid ISO week "2026-48"');
    await expect(sut.compute('00000000-0000-4000-8000-000000000000', WEEK, NOW)).rejects.toMatchObject({
      reason: 'NOT_FOUND',
    });
  });
});
