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
 * Cross-border events as the cross-border module writes them (an outbox row in the change's transaction),
 * inserted here directly with a made-up request id, through the real relay, worker, inbox and SMTP. The attaché
 * in Phnom Penh files for Ditjen Imigrasi to the General Department of Immigration of Cambodia (which has
 * counterpart accounts) or to MoSVY (which has none). Each test uses references of its own.
 */
describe('cross-border notifications', () => {
  let env: IsolatedEnvironment;
  let sink: SmtpSink;
  let api: TestApp;
  let worker: TestWorker;
  let sequence = 200;
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
    for (const code of ['DITJEN-IMIGRASI', 'ATASE-IMIGRASI-PNH', 'KH-GDI', 'KH-MOSVY', 'KEMENKES']) {
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
    // The filing post: the attaché who files, a colleague, and a liaison (not an attaché) of the post.
    await user('filer', [Role.ATTACHE], 'ATASE-IMIGRASI-PNH', { locale: Locale.EN, timeZone: 'Asia/Phnom_Penh' });
    await user('ataseColleague', [Role.ATTACHE], 'ATASE-IMIGRASI-PNH');
    await user('ataseLiaison', [Role.LIAISON], 'ATASE-IMIGRASI-PNH');
    await user('ataseFormer', [Role.ATTACHE], 'ATASE-IMIGRASI-PNH', { active: false });
    // The home agency the request is filed for.
    await user('homeLiaison', [Role.LIAISON], 'DITJEN-IMIGRASI', { locale: Locale.EN, timeZone: 'Asia/Makassar' });
    await user('homeSupervisor', [Role.SUPERVISOR], 'DITJEN-IMIGRASI');
    await user('homeAttache', [Role.ATTACHE], 'DITJEN-IMIGRASI');
    await user('homeOfficer', [Role.CASE_OFFICER], 'DITJEN-IMIGRASI');
    await user('homeFormer', [Role.LIAISON, Role.SUPERVISOR], 'DITJEN-IMIGRASI', { active: false });
    // The counterpart's accounts.
    await user('gdi', [Role.COUNTERPART], 'KH-GDI', { locale: Locale.EN, timeZone: 'Asia/Phnom_Penh' });
    await user('gdiId', [Role.COUNTERPART], 'KH-GDI');
    await user('gdiFormer', [Role.COUNTERPART], 'KH-GDI', { active: false });
    // Nobody's business.
    await user('kemenkes', [Role.LIAISON, Role.SUPERVISOR, Role.ATTACHE], 'KEMENKES');
  });

  afterAll(async () => {
    await worker?.stop();
    await api?.stop();
    await sink?.stop();
    await env?.drop();
  });

  /** Writes one cross-border event the way the cross-border module does; extra fields carry what must not go out. */
  const emit = async (
    topic: string,
    overrides: Record<string, string | null> = {},
  ): Promise<{ requestId: string; reference: string; eventId: string }> => {
    const requestId = overrides.requestId ?? randomUUID();
    const reference = overrides.reference ?? `CBR-${String((sequence += 1)).padStart(6, '0')}`;
    const payload = {
      requestId,
      reference,
      direction: 'OUTGOING',
      counterpartCountry: 'KH',
      counterpartAgencyId: agencyId['KH-GDI'],
      onBehalfOfAgencyId: agencyId['DITJEN-IMIGRASI'],
      filingAgencyId: agencyId['ATASE-IMIGRASI-PNH'],
      filedByUserId: userId.filer,
      channel: 'IMMIGRATION_ATTACHE',
      category: 'TRAVEL_DOCUMENT_VERIFICATION',
      urgency: 'NORMAL',
      status: 'SUBMITTED',
      acknowledgeBy: '2026-11-30T00:53:00.000Z',
      decideBy: '2026-12-30T00:53:00.000Z',
      executeBy: '2027-02-28T00:53:00.000Z',
      stage: null,
      formalRequestId: null,
      formalReference: null,
      actorUserId: userId.filer,
      actingAgencyId: agencyId['ATASE-IMIGRASI-PNH'],
      // Never shown: what users typed (the subject, the body, grounds, reasons).
      subject: `Travel documents of ${NAME}`,
      body: `${NAME} was found in ${PLACE}; please verify her passport.`,
      statusReason: `${NAME} is not known at ${PLACE}`,
      grounds: `${NAME} is under investigation in ${PLACE}`,
      ...overrides,
    };
    const [{ id: eventId }] = await api.dataSource.query(
      `INSERT INTO outbox_event (topic, aggregate_type, aggregate_id, payload)
       VALUES ($1, 'CrossBorderRequest', $2, $3) RETURNING id`,
      [topic, requestId, JSON.stringify(payload)],
    );
    return { requestId, reference, eventId };
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
    expect(mails.length).toBeGreaterThan(0);
    for (const mail of mails) {
      expect(mail.raw).not.toContain('Siti');
      expect(mail.raw).not.toContain(PLACE);
      expect(mail.raw).not.toContain('Officer ');
      expect(mail.body).not.toContain('passport');
      expect(mail.body).not.toContain('investigation');
    }
  };

  const REQUESTING_SIDE = ['ataseColleague', 'filer', 'homeLiaison'];
  const counterpartActs = { actorUserId: null, actingAgencyId: null } as const;

  it('asks the counterpart’s accounts to acknowledge a submitted request, each in their language', async () => {
    const { requestId, reference } = await emit('cross-border.submitted', { urgency: 'URGENT' });
    const sut = await delivered(reference, 2);

    expect(sut.recipients).toEqual(['gdi', 'gdiId']);
    expect(sut.rows.every((row) => row.kind === 'CROSS_BORDER_SUBMITTED')).toBe(true);
    expect(sut.rows.every((row) => row.subject_type === 'CrossBorderRequest')).toBe(true);
    const english = sut.mailTo('gdi');
    expect(english.subject).toBe(`[Simpul] New cross-border request for your agency: ${reference} (urgent)`);
    // The acknowledge-by instant in the reader's own time zone (Phnom Penh, UTC+7).
    expect(english.body).toContain(
      `Cross-border request ${reference} from Ditjen Imigrasi to GDI Cambodia (Cambodia) asks for travel document ` +
        'verification; it is to be acknowledged by Mon 30 Nov 2026 07:53 (Asia/Phnom_Penh).',
    );
    expect(english.body).toContain('Filed by Atase Imigrasi Phnom Penh on behalf of Ditjen Imigrasi.');
    expect(english.body).toContain(`/cross-border-requests/${requestId}`);
    const indonesian = sut.mailTo('gdiId');
    expect(indonesian.subject).toBe(
      `[Simpul] Permintaan lintas batas baru untuk instansi Anda: ${reference} (mendesak)`,
    );
    expect(indonesian.body).toContain('verifikasi dokumen perjalanan');
    expect(indonesian.body).toContain('(Kamboja)');
    expect(indonesian.body).toContain('Sen 30 Nov 2026 07:53 (Asia/Jakarta)');
    expectOnlyCodes(sut.mails);

    const inbox = await api.gql<{
      myNotifications: { edges: { node: { kind: string; reference: string; link: string; message: string } }[] };
    }>('{ myNotifications(first: 20) { edges { node { kind reference link message } } } }', {}, token.gdi);
    expect(inbox.errors).toBeUndefined();
    const mine = inbox.data!.myNotifications.edges.map((edge) => edge.node).filter((n) => n.reference === reference);
    expect(mine).toEqual([
      expect.objectContaining({
        kind: 'CROSS_BORDER_SUBMITTED',
        link: `${api.config.publicUrl}/cross-border-requests/${requestId}`,
        message: expect.stringContaining('GDI Cambodia'),
      }),
    ]);
    expect(mine[0].message).not.toContain('Siti');
  });

  it('tells nobody when the counterpart has no accounts', async () => {
    const { reference, eventId } = await emit('cross-border.submitted', { counterpartAgencyId: agencyId['KH-MOSVY'] });
    await worker.drain();
    await eventually(async () => {
      const [event] = await api.dataSource.query(`SELECT processed_at FROM outbox_event WHERE id = $1`, [eventId]);
      expect(event.processed_at).not.toBeNull();
    });
    expect(await api.dataSource.query(`SELECT id FROM notification WHERE reference = $1`, [reference])).toEqual([]);
    expect(sink.received.filter((mail) => mail.subject.includes(reference))).toEqual([]);
  });

  it('tells the filer, the home agency’s liaisons and the filing post’s attachés what the counterpart did', async () => {
    const acknowledged = await emit('cross-border.acknowledged', { ...counterpartActs, status: 'ACKNOWLEDGED' });
    const accepted = await emit('cross-border.accepted', { ...counterpartActs, status: 'ACCEPTED' });
    const answered = await emit('cross-border.answered', { ...counterpartActs, status: 'ANSWERED' });
    const partial = await emit('cross-border.partially-answered', { ...counterpartActs, status: 'ACCEPTED' });
    const refused = await emit('cross-border.refused', {
      actorUserId: userId.gdi,
      actingAgencyId: agencyId['KH-GDI'],
      status: 'REFUSED',
    });

    const acknowledgedMails = await delivered(acknowledged.reference, 3);
    expect(acknowledgedMails.recipients).toEqual(REQUESTING_SIDE);
    expect(acknowledgedMails.rows.every((row) => row.kind === 'CROSS_BORDER_ACKNOWLEDGED')).toBe(true);
    const english = acknowledgedMails.mailTo('homeLiaison');
    expect(english.subject).toBe(`[Simpul] Cross-border request ${acknowledged.reference} was acknowledged`);
    // The decide-by instant, in Makassar time (UTC+8).
    expect(english.body).toContain('A decision (accept or refuse) is due by Wed 30 Dec 2026 08:53 (Asia/Makassar).');
    expect(acknowledgedMails.mailTo('ataseColleague').subject).toBe(
      `[Simpul] Permintaan lintas batas ${acknowledged.reference} telah dikonfirmasi`,
    );

    const acceptedMails = await delivered(accepted.reference, 3);
    expect(acceptedMails.recipients).toEqual(REQUESTING_SIDE);
    expect(acceptedMails.rows.every((row) => row.kind === 'CROSS_BORDER_UPDATED')).toBe(true);
    const acceptedMail = acceptedMails.mailTo('filer');
    expect(acceptedMail.subject).toBe(
      `[Simpul] Cross-border request ${accepted.reference}: status changed to accepted`,
    );
    expect(acceptedMail.body).toContain('Next deadline (execution): Sun 28 Feb 2027 07:53 (Asia/Phnom_Penh).');

    const answeredMails = await delivered(answered.reference, 3);
    expect(answeredMails.recipients).toEqual(REQUESTING_SIDE);
    expect(answeredMails.mailTo('filer').subject).toBe(
      `[Simpul] Cross-border request ${answered.reference} was answered`,
    );
    expect(answeredMails.mailTo('ataseColleague').body).toContain('secara lengkap');

    const partialMails = await delivered(partial.reference, 3);
    expect(partialMails.recipients).toEqual(REQUESTING_SIDE);
    expect(partialMails.rows.every((row) => row.kind === 'CROSS_BORDER_ANSWERED')).toBe(true);
    expect(partialMails.mailTo('homeLiaison').subject).toBe(
      `[Simpul] Cross-border request ${partial.reference} was partially answered`,
    );
    expect(partialMails.mailTo('homeLiaison').body).toContain(
      'The rest is due by Sun 28 Feb 2027 08:53 (Asia/Makassar).',
    );
    expect(partialMails.mailTo('ataseColleague').subject).toBe(
      `[Simpul] Permintaan lintas batas ${partial.reference} dijawab sebagian`,
    );

    const refusedMails = await delivered(refused.reference, 3);
    expect(refusedMails.recipients).toEqual(REQUESTING_SIDE);
    const refusedMail = refusedMails.mailTo('filer');
    expect(refusedMail.subject).toBe(`[Simpul] Cross-border request ${refused.reference} was refused`);
    // The grounds stay in Simpul: the email points there.
    expect(refusedMail.body).toContain('Open it in Simpul to see the grounds');

    for (const sut of [acknowledgedMails, acceptedMails, answeredMails, partialMails, refusedMails]) {
      expectOnlyCodes(sut.mails);
    }
  });

  it('tells the requesting side of an overdue stage and of an extended deadline, naming the stage', async () => {
    const overdue = await emit('cross-border.stage-overdue', { ...counterpartActs, stage: 'ACKNOWLEDGE' });
    const extended = await emit('cross-border.deadline-extended', {
      stage: 'DECIDE',
      decideBy: '2027-01-15T02:00:00.000Z',
      status: 'ACKNOWLEDGED',
    });

    const overdueMails = await delivered(overdue.reference, 3);
    expect(overdueMails.recipients).toEqual(REQUESTING_SIDE);
    expect(overdueMails.rows.every((row) => row.kind === 'CROSS_BORDER_STAGE_OVERDUE')).toBe(true);
    const english = overdueMails.mailTo('filer');
    expect(english.subject).toBe(
      `[Simpul] Cross-border request ${overdue.reference}: the acknowledgement stage is overdue`,
    );
    expect(english.body).toContain('was due Mon 30 Nov 2026 07:53 (Asia/Phnom_Penh) and has not been completed.');
    expect(overdueMails.mailTo('ataseColleague').subject).toBe(
      `[Simpul] Permintaan lintas batas ${overdue.reference}: tahap konfirmasi penerimaan terlambat`,
    );

    // The filer extended it: the others hear, the filer does not.
    const extendedMails = await delivered(extended.reference, 2);
    expect(extendedMails.recipients).toEqual(['ataseColleague', 'homeLiaison']);
    expect(extendedMails.rows.every((row) => row.kind === 'CROSS_BORDER_UPDATED')).toBe(true);
    expect(extendedMails.mailTo('homeLiaison').subject).toBe(
      `[Simpul] Cross-border request ${extended.reference}: decision deadline extended`,
    );
    expect(extendedMails.mailTo('homeLiaison').body).toContain(
      'was extended to Fri 15 Jan 2027 10:00 (Asia/Makassar).',
    );
    expect(extendedMails.mailTo('ataseColleague').body).toContain(
      'diperpanjang hingga Jum 15 Jan 2027 09:00 (Asia/Jakarta)',
    );
    for (const sut of [overdueMails, extendedMails]) expectOnlyCodes(sut.mails);
  });

  it('tells the filer and the home agency’s liaisons and supervisors of a lapse and of the formal channel proposed', async () => {
    const lapsed = await emit('cross-border.lapsed', { ...counterpartActs, status: 'LAPSED' });
    const proposed = await emit('cross-border.formal-channel-proposed', {
      ...counterpartActs,
      status: 'LAPSED',
      formalRequestId: randomUUID(),
      formalReference: 'CBR-009999',
    });
    const deciders = ['filer', 'homeLiaison', 'homeSupervisor'];

    const lapsedMails = await delivered(lapsed.reference, 3);
    expect(lapsedMails.recipients).toEqual(deciders);
    expect(lapsedMails.rows.every((row) => row.kind === 'CROSS_BORDER_UPDATED')).toBe(true);
    expect(lapsedMails.mailTo('filer').subject).toBe(
      `[Simpul] Cross-border request ${lapsed.reference}: status changed to lapsed`,
    );
    expect(lapsedMails.mailTo('homeSupervisor').subject).toBe(
      `[Simpul] Permintaan lintas batas ${lapsed.reference}: status berubah menjadi kedaluwarsa`,
    );

    const proposedMails = await delivered(proposed.reference, 3);
    expect(proposedMails.recipients).toEqual(deciders);
    expect(proposedMails.rows.every((row) => row.kind === 'CROSS_BORDER_FORMAL_CHANNEL_PROPOSED')).toBe(true);
    const english = proposedMails.mailTo('homeLiaison');
    expect(english.subject).toBe(`[Simpul] Formal channel proposed for cross-border request ${proposed.reference}`);
    expect(english.body).toContain('through the formal channel (mutual legal assistance) as CBR-009999.');
    expect(proposedMails.mailTo('homeSupervisor').body).toContain('sebagai CBR-009999');
    for (const sut of [lapsedMails, proposedMails]) expectOnlyCodes(sut.mails);
  });

  it('tells the counterpart’s accounts that a request was withdrawn or closed, never the actor', async () => {
    const withdrawn = await emit('cross-border.withdrawn', { status: 'WITHDRAWN' });
    const withdrawnMails = await delivered(withdrawn.reference, 2);
    expect(withdrawnMails.recipients).toEqual(['gdi', 'gdiId']);
    expect(withdrawnMails.mailTo('gdi').subject).toBe(
      `[Simpul] Cross-border request ${withdrawn.reference}: status changed to withdrawn`,
    );
    expect(withdrawnMails.mailTo('gdiId').body).toContain('kini berstatus ditarik kembali');

    // A counterpart officer closes it in Simpul: their colleague hears, they do not.
    const closed = await emit('cross-border.closed', {
      actorUserId: userId.gdi,
      actingAgencyId: agencyId['KH-GDI'],
      status: 'CLOSED',
    });
    const closedMails = await delivered(closed.reference, 1);
    expect(closedMails.recipients).toEqual(['gdiId']);
    expect(closedMails.rows[0].kind).toBe('CROSS_BORDER_UPDATED');
    expect(closedMails.mailTo('gdiId').subject).toBe(
      `[Simpul] Permintaan lintas batas ${closed.reference}: status berubah menjadi ditutup`,
    );
    for (const sut of [withdrawnMails, closedMails]) expectOnlyCodes(sut.mails);
  });

  it('never tells people about what they did themselves, and leaves out a filer who left', async () => {
    // The attaché records the counterpart's acknowledgement received by letter: the attaché is the actor.
    const recorded = await emit('cross-border.acknowledged', { status: 'ACKNOWLEDGED' });
    expect((await delivered(recorded.reference, 2)).recipients).toEqual(['ataseColleague', 'homeLiaison']);

    // The request was filed by an attaché who has since been deactivated.
    const orphan = await emit('cross-border.lapsed', { ...counterpartActs, filedByUserId: userId.ataseFormer });
    expect((await delivered(orphan.reference, 2)).recipients).toEqual(['homeLiaison', 'homeSupervisor']);
  });

  it('leaves out whatever is not a code, and honours muted kinds', async () => {
    const muted = await api.gql(
      `mutation ($input: UpdateNotificationPreferencesInput!) {
         updateNotificationPreferences(input: $input) { kind email } }`,
      { input: { changes: [{ kind: 'CROSS_BORDER_REFUSED', channel: 'EMAIL', enabled: false }] } },
      token.homeLiaison,
    );
    expect(muted.errors).toBeUndefined();

    // A payload carrying names where codes belong (a bug elsewhere) still sends no name.
    const { reference } = await emit('cross-border.refused', {
      ...counterpartActs,
      category: `${NAME} in ${PLACE}`,
      counterpartCountry: PLACE,
      urgency: NAME,
      status: 'REFUSED',
    });
    const sut = await delivered(reference, 2);
    expect(sut.recipients).toEqual(REQUESTING_SIDE);
    expect(sut.rows.find((row) => row.recipient_user_id === userId.homeLiaison)!.email_status).toBe('NOT_REQUESTED');
    expect(sut.mailTo('filer').body).toContain(`GDI Cambodia refused request ${reference} (-, GDI Cambodia, -).`);
    expectOnlyCodes(sut.mails);
    const [stored] = await api.dataSource.query(`SELECT params FROM notification WHERE reference = $1 LIMIT 1`, [
      reference,
    ]);
    expect(JSON.stringify(stored.params)).not.toContain('Siti');
    expect(JSON.stringify(stored.params)).not.toContain(PLACE);
  });
});
