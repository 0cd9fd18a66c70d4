import { randomUUID } from 'node:crypto';

import { Locale, Role } from '@app/kernel/role.enum';
import { Factories, TEST_PASSWORD } from '@libs/testing/factories';
import { isolatedEnvironment, IsolatedEnvironment } from '@libs/testing/isolated-environment';
import { ReceivedMail, SmtpSink } from '@libs/testing/smtp-sink';
import { TestApp } from '@libs/testing/test-app';
import { TestWorker } from '@libs/testing/test-worker';
import { eventually } from '@libs/testing/eventually';

/** Words that must never leave Simpul: they sit in payload fields no template may use. */
const NAME = 'Siti binti Ahmad';
const PLACE = 'Sihanoukville';

/**
 * Referral events as the referrals module writes them (an outbox row in the change's transaction), inserted here
 * directly, through the real relay, worker, inbox and SMTP. Kemensos refers to IOM; each test uses references
 * of its own, so their emails never mix.
 */
describe('referral notifications', () => {
  let env: IsolatedEnvironment;
  let sink: SmtpSink;
  let api: TestApp;
  let worker: TestWorker;
  let sequence = 100;
  const agencyId: Record<string, string> = {};
  const userId: Record<string, string> = {};
  const email: Record<string, string> = {};
  const token: Record<string, string> = {};

  beforeAll(async () => {
    env = await isolatedEnvironment();
    sink = await SmtpSink.start();
    const settings = { ...env.env, SMTP_URL: sink.url, JOB_BACKOFF_MS: '100' };
    api = await TestApp.start(settings);
    worker = await TestWorker.start(settings);
    const factories = new Factories(api);
    for (const code of ['KEMENSOS', 'IOM', 'KEMENKES']) {
      agencyId[code] = (await api.dataSource.query('SELECT id FROM agency WHERE code = $1', [code]))[0].id;
    }
    const user = async (
      name: string,
      roles: Role[],
      code: string,
      options: { locale?: Locale; timeZone?: string; active?: boolean } = {},
    ) => {
      const created = await factories.user(roles, {
        agencyId: agencyId[code],
        locale: options.locale ?? Locale.ID,
        timeZone: options.timeZone ?? 'Asia/Jakarta',
        active: options.active ?? true,
        displayName: `Officer ${name}`,
      });
      userId[name] = created.id;
      email[name] = created.email;
      if (created.active) token[name] = await api.login(created.email, TEST_PASSWORD);
    };
    // The referring side.
    await user('proposer', [Role.CASE_OFFICER], 'KEMENSOS');
    await user('kemensosLiaison', [Role.LIAISON], 'KEMENSOS', { locale: Locale.EN });
    await user('kemensosOfficer', [Role.CASE_OFFICER], 'KEMENSOS', { timeZone: 'Asia/Makassar' });
    await user('kemensosSupervisor', [Role.SUPERVISOR], 'KEMENSOS');
    await user('kemensosFormer', [Role.CASE_OFFICER, Role.LIAISON], 'KEMENSOS', { active: false });
    // The provider.
    await user('iomPartner', [Role.PARTNER], 'IOM', { locale: Locale.EN, timeZone: 'Asia/Makassar' });
    await user('iomPartnerId', [Role.PARTNER], 'IOM');
    await user('iomLiaison', [Role.LIAISON], 'IOM');
    await user('iomOfficer', [Role.CASE_OFFICER], 'IOM');
    await user('iomAuditor', [Role.AUDITOR], 'IOM');
    await user('iomFormer', [Role.PARTNER], 'IOM', { active: false });
    // Nobody's business.
    await user('kemenkes', [Role.LIAISON, Role.CASE_OFFICER], 'KEMENKES');
  });

  afterAll(async () => {
    await worker?.stop();
    await api?.stop();
    await sink?.stop();
    await env?.drop();
  });

  /** Writes one referral event the way the referrals module does; extra fields carry what must not go out. */
  const emit = async (
    topic: string,
    overrides: Record<string, string | null> = {},
  ): Promise<{ referralId: string; reference: string }> => {
    const referralId = overrides.referralId ?? randomUUID();
    const reference = overrides.reference ?? `REF-${String((sequence += 1)).padStart(6, '0')}`;
    const payload = {
      referralId,
      reference,
      victimCode: 'VCT-7K3QX9MB',
      fromAgencyId: agencyId.KEMENSOS,
      recipientAgencyId: agencyId.IOM,
      proposedByUserId: userId.proposer,
      service: 'MEDICAL',
      urgency: 'EMERGENCY',
      status: 'PROPOSED',
      respondBy: '2026-11-30T00:53:00.000Z',
      actorUserId: userId.proposer,
      actingAgencyId: agencyId.KEMENSOS,
      // Never shown: a name, a place, a reason typed by a user.
      victimName: NAME,
      reason: `${NAME} from ${PLACE} does not want to go`,
      outcome: `${NAME} was treated`,
      ...overrides,
    };
    await api.dataSource.query(
      `INSERT INTO outbox_event (topic, aggregate_type, aggregate_id, payload) VALUES ($1, 'Referral', $2, $3)`,
      [topic, referralId, JSON.stringify(payload)],
    );
    return { referralId, reference };
  };

  /** Who got a notification about the reference (by test name), and the emails, once all have gone out. */
  const delivered = async (reference: string, expected: number) => {
    await worker.drain();
    await eventually(() => {
      expect(sink.received.filter((mail) => mail.subject.includes(reference))).toHaveLength(expected);
    });
    const rows: { recipient_user_id: string; kind: string; email_status: string; subject_type: string }[] =
      await api.dataSource.query(
        `SELECT recipient_user_id, kind, email_status, subject_type FROM notification WHERE reference = $1`,
        [reference],
      );
    const nameOf = (id: string) => Object.keys(userId).find((name) => userId[name] === id) ?? id;
    return {
      recipients: rows.map((row) => nameOf(row.recipient_user_id)).sort(),
      rows,
      mails: sink.received.filter((mail) => mail.subject.includes(reference)),
      mailTo: (name: string): ReceivedMail => {
        const found = sink.to(email[name]).find((mail) => mail.subject.includes(reference));
        if (!found) throw new Error(`no mail about ${reference} to ${name}`);
        return found;
      },
    };
  };

  const expectOnlyCodes = (mails: ReceivedMail[]) => {
    for (const mail of mails) {
      expect(mail.raw).not.toContain('Siti');
      expect(mail.raw).not.toContain(PLACE);
      expect(mail.raw).not.toContain('Officer ');
      expect(mail.body).not.toContain('does not want');
    }
  };

  it('asks the provider’s liaisons, case officers and partner staff to answer, each in their language', async () => {
    const { referralId, reference } = await emit('referral.proposed');
    const sut = await delivered(reference, 4);

    expect(sut.recipients).toEqual(['iomLiaison', 'iomOfficer', 'iomPartner', 'iomPartnerId']);
    expect(sut.rows.every((row) => row.kind === 'REFERRAL_PROPOSED' && row.subject_type === 'Referral')).toBe(true);
    const english = sut.mailTo('iomPartner');
    expect(english.subject).toBe(`[Simpul] New referral for your agency: ${reference} (emergency urgency)`);
    // The respond-by instant in the reader's own time zone (Makassar, UTC+8).
    expect(english.body).toContain(
      `Kemensos refers VCT-7K3QX9MB to IOM for medical care (referral ${reference}); please accept or decline by Mon 30 Nov 2026 08:53 (Asia/Makassar).`,
    );
    expect(english.body).toContain(`/referrals/${referralId}`);
    const indonesian = sut.mailTo('iomPartnerId');
    expect(indonesian.subject).toBe(`[Simpul] Rujukan baru untuk instansi Anda: ${reference} (urgensi darurat)`);
    expect(indonesian.body).toContain('untuk layanan kesehatan');
    expect(indonesian.body).toContain('Sen 30 Nov 2026 07:53 (Asia/Jakarta)');
    expectOnlyCodes(sut.mails);

    const inbox = await api.gql<{
      myNotifications: {
        edges: { node: { kind: string; reference: string; subjectType: string; link: string; message: string } }[];
      };
    }>(
      '{ myNotifications(first: 20) { edges { node { kind reference subjectType link message } } } }',
      {},
      token.iomPartner,
    );
    expect(inbox.errors).toBeUndefined();
    const mine = inbox.data!.myNotifications.edges.map((edge) => edge.node).filter((n) => n.reference === reference);
    expect(mine).toEqual([
      expect.objectContaining({
        kind: 'REFERRAL_PROPOSED',
        subjectType: 'Referral',
        link: `${api.config.publicUrl}/referrals/${referralId}`,
        message: expect.stringContaining('VCT-7K3QX9MB'),
      }),
    ]);
    expect(mine[0].message).not.toContain('Siti');
  });

  it('tells the referring side an answer: the proposer and the agency’s liaisons and case officers', async () => {
    const iomActs = { actorUserId: userId.iomPartner, actingAgencyId: agencyId.IOM };
    const accepted = await emit('referral.accepted', { ...iomActs, status: 'ACCEPTED' });
    const declined = await emit('referral.declined', { ...iomActs, status: 'DECLINED', service: 'SHELTER' });
    const completed = await emit('referral.completed', { ...iomActs, status: 'COMPLETED' });
    const discontinued = await emit('referral.discontinued', { ...iomActs, status: 'DISCONTINUED' });
    const referringSide = ['kemensosLiaison', 'kemensosOfficer', 'proposer'];

    const acceptedMails = await delivered(accepted.reference, 3);
    expect(acceptedMails.recipients).toEqual(referringSide);
    expect(acceptedMails.mailTo('kemensosLiaison').subject).toBe(
      `[Simpul] Referral ${accepted.reference} was accepted`,
    );
    expect(acceptedMails.mailTo('proposer').subject).toBe(`[Simpul] Rujukan ${accepted.reference} diterima`);

    const declinedMails = await delivered(declined.reference, 3);
    expect(declinedMails.recipients).toEqual(referringSide);
    const declinedMail = declinedMails.mailTo('proposer');
    expect(declinedMail.subject).toBe(`[Simpul] Rujukan ${declined.reference} ditolak`);
    // The reason stays in Simpul: the email points there.
    expect(declinedMail.body).toContain('IOM menolak rujukan');
    expect(declinedMail.body).toContain('rumah aman untuk VCT-7K3QX9MB');
    expect(declinedMail.body).toContain('Buka rujukan untuk melihat alasannya');

    const completedMails = await delivered(completed.reference, 3);
    expect(completedMails.recipients).toEqual(referringSide);
    expect(completedMails.mailTo('kemensosLiaison').body).toContain(
      `IOM completed medical care for VCT-7K3QX9MB (referral ${completed.reference}). Open it to see the outcome.`,
    );

    const discontinuedMails = await delivered(discontinued.reference, 3);
    expect(discontinuedMails.recipients).toEqual(referringSide);
    expect(discontinuedMails.rows.every((row) => row.kind === 'REFERRAL_DISCONTINUED')).toBe(true);
    expect(discontinuedMails.mailTo('kemensosOfficer').subject).toBe(
      `[Simpul] Layanan rujukan ${discontinued.reference} dihentikan`,
    );

    for (const sut of [acceptedMails, declinedMails, completedMails, discontinuedMails]) expectOnlyCodes(sut.mails);
  });

  it('tells both sides that a referral expired unanswered, and the provider that it was withdrawn', async () => {
    const expired = await emit('referral.expired', { actorUserId: null, actingAgencyId: null, status: 'EXPIRED' });
    const expiredMails = await delivered(expired.reference, 7);
    expect(expiredMails.recipients).toEqual([
      'iomLiaison',
      'iomOfficer',
      'iomPartner',
      'iomPartnerId',
      'kemensosLiaison',
      'kemensosOfficer',
      'proposer',
    ]);
    const english = expiredMails.mailTo('kemensosLiaison');
    expect(english.subject).toBe(`[Simpul] Referral ${expired.reference} expired without an answer`);
    expect(english.body).toContain('by Mon 30 Nov 2026 07:53 (Asia/Jakarta)');
    expect(expiredMails.mailTo('kemensosOfficer').body).toContain('sebelum Sen 30 Nov 2026 08:53 (Asia/Makassar)');

    const withdrawn = await emit('referral.withdrawn', { status: 'WITHDRAWN' });
    const withdrawnMails = await delivered(withdrawn.reference, 4);
    expect(withdrawnMails.recipients).toEqual(['iomLiaison', 'iomOfficer', 'iomPartner', 'iomPartnerId']);
    expect(withdrawnMails.mailTo('iomPartnerId').subject).toBe(
      `[Simpul] Rujukan ${withdrawn.reference} ditarik kembali`,
    );
    expect(withdrawnMails.mailTo('iomPartner').body).toContain(
      `Kemensos withdrew referral ${withdrawn.reference} (medical care for VCT-7K3QX9MB); no answer is needed any more.`,
    );
    for (const sut of [expiredMails, withdrawnMails]) expectOnlyCodes(sut.mails);
  });

  it('never tells people about what they did themselves', async () => {
    // Kemensos refers to its own shelter: the proposing officer is on the recipient side and is left out.
    const own = await emit('referral.proposed', { recipientAgencyId: agencyId.KEMENSOS, service: 'SHELTER' });
    expect((await delivered(own.reference, 2)).recipients).toEqual(['kemensosLiaison', 'kemensosOfficer']);

    // The proposer's colleague accepts on the provider's behalf (same agency): the proposer hears, the actor not.
    const accepted = await emit('referral.accepted', {
      recipientAgencyId: agencyId.KEMENSOS,
      actorUserId: userId.kemensosOfficer,
      status: 'ACCEPTED',
    });
    expect((await delivered(accepted.reference, 2)).recipients).toEqual(['kemensosLiaison', 'proposer']);
  });

  it('leaves out whatever is not a code, and honours muted kinds', async () => {
    const muted = await api.gql(
      `mutation ($input: UpdateNotificationPreferencesInput!) {
         updateNotificationPreferences(input: $input) { kind email } }`,
      { input: { changes: [{ kind: 'REFERRAL_ACCEPTED', channel: 'EMAIL', enabled: false }] } },
      token.kemensosLiaison,
    );
    expect(muted.errors).toBeUndefined();

    // A payload carrying a name where a code belongs (a bug elsewhere) still sends no name.
    const { reference } = await emit('referral.accepted', {
      victimCode: NAME,
      service: `${PLACE} clinic`,
      actorUserId: userId.iomLiaison,
      actingAgencyId: agencyId.IOM,
      status: 'ACCEPTED',
    });
    const sut = await delivered(reference, 2);
    expect(sut.recipients).toEqual(['kemensosLiaison', 'kemensosOfficer', 'proposer']);
    expect(sut.rows.find((row) => row.recipient_user_id === userId.kemensosLiaison)!.email_status).toBe(
      'NOT_REQUESTED',
    );
    expect(sut.mailTo('proposer').body).toContain(`IOM menerima rujukan ${reference}: - untuk -.`);
    expectOnlyCodes(sut.mails);
    const [stored] = await api.dataSource.query(`SELECT params FROM notification WHERE reference = $1 LIMIT 1`, [
      reference,
    ]);
    expect(JSON.stringify(stored.params)).not.toContain('Siti');
  });
});
