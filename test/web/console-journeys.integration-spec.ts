import { readFileSync } from 'node:fs';

import { Page } from 'playwright-core';

import { Role } from '@app/kernel/role.enum';
import { eventually } from '@libs/testing/eventually';

import { ConsoleHarness } from './support/console-harness';
import { expiredToken } from './support/expired-token';

/**
 * Each role's main journey through the web console, in Debian's Chromium against the real API, worker, PostgreSQL,
 * Redis and an SMTP sink: by accessible names (what a screen reader announces), in Bahasa Indonesia, with every
 * screen checked by axe and at 360 and 1366 px (ConsoleHarness.check).
 */
describe('web console journeys', () => {
  let h: ConsoleHarness;
  type Person = Awaited<ReturnType<ConsoleHarness['user']>>;
  const people: Record<string, Person> = {};

  beforeAll(async () => {
    h = await ConsoleHarness.start();
    people.polri = await h.user([Role.LIAISON], 'POLRI');
    people.imigrasi = await h.user([Role.LIAISON], 'DITJEN-IMIGRASI');
    people.outsider = await h.user([Role.LIAISON], 'KEMNAKER');
    people.attache = await h.user([Role.ATTACHE], 'ATASE-IMIGRASI-PNH');
    people.counterpart = await h.user([Role.COUNTERPART], 'KH-AHTJP');
    people.officer = await h.user([Role.CASE_OFFICER], 'KEMENSOS');
    people.partner = await h.user([Role.PARTNER], 'LBH');
    people.secretariat = await h.user([Role.SECRETARIAT], 'POLRI');
    people.admin = await h.user([Role.ADMINISTRATOR], 'POLRI');
  }, 120_000);

  afterAll(async () => {
    await h?.stop();
  });

  afterEach(() => {
    // A style or script the strict CSP blocked, or an uncaught error, shows here.
    const problems = h.problems.splice(0);
    expect(problems).toEqual([]);
  });

  const gql = async <T>(who: Person, query: string, variables: Record<string, unknown> = {}): Promise<T> => {
    const result = await h.api.gql<T>(query, variables, await who.token());
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data as T;
  };

  /** Clicks an action button, fills the reason when given, confirms, and waits for the dialog to close. */
  const act = async (page: Page, action: string, reason?: string) => {
    await page.getByRole('button', { name: action, exact: true }).click();
    const dialog = page.getByRole('dialog');
    if (reason !== undefined) await dialog.getByRole('textbox').first().fill(reason);
    await dialog.getByRole('button', { name: 'Konfirmasi' }).click();
    await dialog.waitFor({ state: 'detached' });
  };

  const choose = async (page: Page, label: string, option: string | RegExp) => {
    await page.getByRole('combobox', { name: label, exact: true }).click();
    await page.getByRole('option', { name: option }).first().click();
  };

  let taskLink = '';

  it('does the Phnom Penh task journey: one liaison assigns, the other follows the e-mail link and works it', async () => {
    const assigner = await h.page();
    await h.signIn(assigner, people.polri.email);
    await assigner.waitForURL(`${h.baseUrl}/work-queue`);
    await h.check(assigner, 'work-queue');

    await assigner.getByRole('link', { name: 'Tugas baru' }).first().click();
    await assigner.getByRole('combobox', { name: 'Instansi penerima' }).fill('Imigrasi');
    await assigner.getByRole('option', { name: /^Ditjen Imigrasi/ }).click();
    await assigner.getByLabel('Judul').fill('Verify identities of 28 citizens in Phnom Penh shelter');
    await h.check(assigner, 'new-task');
    await assigner.getByRole('button', { name: 'Buat tugas' }).click();
    await assigner.waitForURL(/\/tasks\/[0-9a-f-]{36}$/);
    await assigner.getByRole('heading', { name: /TSK-\d+: Verify identities/ }).waitFor();
    await h.check(assigner, 'task-assigner');

    await h.deliver();
    await eventually(() => expect(h.linkIn(people.imigrasi.email, '/tasks/')).toBeDefined());
    taskLink = h.linkIn(people.imigrasi.email, '/tasks/')!;
    expect(taskLink).toBe(assigner.url());

    const assignee = await h.page();
    await assignee.goto(taskLink);
    await assignee.waitForURL(/\/sign-in\?next=/);
    await assignee.getByText('Masuk untuk membuka halaman yang Anda tuju.').waitFor();
    await h.check(assignee, 'sign-in');
    await h.signIn(assignee, people.imigrasi.email);
    expect(assignee.url()).toBe(taskLink);

    await act(assignee, 'Terima (akui)');
    await assignee.getByText('Diakui', { exact: true }).first().waitFor();
    await act(assignee, 'Mulai kerjakan');
    await assignee.getByText('Dikerjakan', { exact: true }).first().waitFor();

    // Blocking needs a reason: the form says so and keeps the dialog open.
    await assignee.getByRole('button', { name: 'Tandai terhambat' }).click();
    await assignee.getByRole('dialog').getByRole('button', { name: 'Konfirmasi' }).click();
    await assignee.getByRole('dialog').getByText('Tuliskan alasannya.').waitFor();
    await assignee.getByRole('dialog').getByRole('textbox').fill('Waiting for the shelter list from KBRI Phnom Penh');
    await assignee.getByRole('dialog').getByRole('button', { name: 'Konfirmasi' }).click();
    await assignee.getByRole('dialog').waitFor({ state: 'detached' });
    await assignee.getByText('Terhambat', { exact: true }).first().waitFor();

    // The assigner's page still holds the version it loaded: cancelling now is a conflict, explained.
    await assigner.getByRole('button', { name: 'Batalkan', exact: true }).click();
    await assigner.getByRole('dialog').getByRole('textbox').fill('Duplicate of another request');
    await assigner.getByRole('dialog').getByRole('button', { name: 'Konfirmasi' }).click();
    await assigner
      .getByRole('dialog')
      .getByText(/Orang lain mengubah item ini/)
      .waitFor();
    await assigner.getByRole('dialog').getByRole('button', { name: 'Batal', exact: true }).click();

    await act(assignee, 'Lanjutkan');
    await act(assignee, 'Selesaikan');
    await assignee.getByText('Selesai', { exact: true }).first().waitFor();
    expect(await assignee.getByRole('button', { name: 'Selesaikan' }).count()).toBe(0);
    await h.check(assignee, 'task-assignee');

    await assigner.reload();
    await assigner.getByText('Selesai', { exact: true }).first().waitFor();
    await assigner.getByText('“Waiting for the shelter list from KBRI Phnom Penh”').waitFor();
    await assigner.getByRole('button', { name: 'Buka kembali' }).waitFor();
  });

  it('shows an outsider who follows the same link "not available", exactly as for an item that does not exist', async () => {
    const outsider = await h.page();
    await outsider.goto(taskLink);
    await h.signIn(outsider, people.outsider.email);
    expect(outsider.url()).toBe(taskLink);
    const heading = outsider.getByRole('heading', { level: 1 });
    await heading.getByText('Halaman ini tidak tersedia untuk Anda').waitFor();
    const seen = await outsider.locator('main').innerText();
    expect(seen).not.toContain('TSK-');
    expect(seen).not.toContain('Phnom Penh');
    await h.check(outsider, 'not-available');

    await outsider.goto(`${h.baseUrl}/tasks/00000000-0000-4000-8000-000000000000`);
    await heading.getByText('Halaman ini tidak tersedia untuk Anda').waitFor();
    expect(await outsider.locator('main').innerText()).toBe(seen);
  });

  const requestId: Record<string, string> = {};
  const requestReference: Record<string, string> = {};

  const fileRequest = async (name: string, counterpartCode: string) => {
    const drafted = await gql<{ draftCrossBorderRequest: { id: string; reference: string } }>(
      people.attache,
      `mutation ($input: DraftCrossBorderRequestInput!) { draftCrossBorderRequest(input: $input) { id reference } }`,
      {
        input: {
          counterpartCountry: 'KH',
          counterpartAgencyId: await h.agencyId(counterpartCode),
          onBehalfOfAgencyId: await h.agencyId('BARESKRIM'),
          channel: 'POLICE_MOU',
          category: 'LOCATE_RESCUE',
          subject: `Locate Indonesian citizens held in a Poipet compound (${name})`,
          body: 'Twenty-seven citizens are reported held in an online-scam compound in Poipet.',
        },
      },
    );
    requestId[name] = drafted.draftCrossBorderRequest.id;
    requestReference[name] = drafted.draftCrossBorderRequest.reference;
    await gql(
      people.attache,
      `mutation ($input: RequestActionInput!) { submitCrossBorderRequest(input: $input) { id } }`,
      {
        input: { id: requestId[name] },
      },
    );
  };

  /** Records a counterpart reply received by letter on the request page. */
  const recordReply = async (page: Page, kind: string) => {
    await page.getByRole('button', { name: 'Catat balasan mitra' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('combobox', { name: 'Isi balasan' }).click();
    await page.getByRole('option', { name: kind, exact: true }).click();
    await dialog.getByRole('button', { name: 'Konfirmasi' }).click();
    await dialog.waitFor({ state: 'detached' });
  };

  it("takes an attaché's request through acknowledgement, an extension and the answer, recorded from letters", async () => {
    await fileRequest('attache', 'KH-AHTJP');
    const page = await h.page();
    await h.signIn(page, people.attache.email);
    await page.waitForURL(`${h.baseUrl}/cross-border-requests`);
    await choose(page, 'Negara', /Cambodia/);
    await page.getByRole('link', { name: requestReference.attache }).waitFor();
    await h.check(page, 'cross-border-list');
    await page.getByRole('link', { name: requestReference.attache }).click();
    await page.getByRole('heading', { name: new RegExp(requestReference.attache) }).waitFor();
    for (const stage of ['Akui sebelum', 'Putuskan sebelum', 'Laksanakan sebelum']) {
      await page.getByText(stage, { exact: true }).waitFor();
    }

    await recordReply(page, 'Mengakui penerimaan');
    await page.getByText('Diakui', { exact: true }).first().waitFor();

    const decideBefore = await page.getByText('Putuskan sebelum', { exact: true }).locator('..').innerText();
    await page.getByRole('button', { name: 'Perpanjang tenggat' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('combobox', { name: 'Tahap' }).click();
    await page.getByRole('option', { name: 'Putuskan sebelum' }).click();
    const later = new Date(Date.now() + 60 * 86400000).toISOString().slice(0, 10);
    await dialog.getByLabel('Tanggal baru').fill(`${later}T10:00`);
    await dialog.getByLabel('Alasan perpanjangan').fill('MoSVY needs the shelter register first');
    await dialog.getByRole('button', { name: 'Konfirmasi' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('Tersimpan: Perpanjang tenggat.').waitFor();
    await eventually(async () =>
      expect(await page.getByText('Putuskan sebelum', { exact: true }).locator('..').innerText()).not.toBe(
        decideBefore,
      ),
    );
    await h.check(page, 'cross-border-request');

    // Waiting for the counterpart's shelter register stops the clock; the page says since when and why.
    await act(page, 'Hentikan jam', 'Waiting for the MoSVY shelter register');
    await page.getByText(/Jam dihentikan sejak .*: Waiting for the MoSVY shelter register/).waitFor();
    await act(page, 'Jalankan lagi jam');
    await page.getByRole('button', { name: 'Hentikan jam' }).waitFor();

    await recordReply(page, 'Menerima');
    await page.getByText('Diterima', { exact: true }).first().waitFor();
    await recordReply(page, 'Menjawab');
    await page.getByText('Dijawab', { exact: true }).first().waitFor();
    await page.getByRole('button', { name: 'Tutup', exact: true }).waitFor();
    await page.getByText('“MoSVY needs the shelter register first”').waitFor();
  });

  it('gives the counterpart its own narrow view, where it acknowledges, accepts and answers', async () => {
    await fileRequest('counterpart', 'KH-AHTJP');
    await fileRequest('elsewhere', 'KH-MOSVY');
    const page = await h.page();
    await h.signIn(page, people.counterpart.email);
    await page.waitForURL(`${h.baseUrl}/cross-border-requests`);
    await page.getByText('Anda melihat permintaan yang ditujukan kepada instansi Anda saja.').waitFor();
    await page.getByRole('link', { name: requestReference.counterpart }).waitFor();
    expect(await page.getByRole('link', { name: requestReference.elsewhere }).count()).toBe(0);
    await h.check(page, 'counterpart-list');

    await page.getByRole('link', { name: requestReference.counterpart }).click();
    await page.getByRole('button', { name: 'Akui penerimaan' }).click();
    await page.getByRole('dialog').getByLabel('Nomor rujukan mitra').fill('AHTJP-2026-0412');
    await page.getByRole('dialog').getByRole('button', { name: 'Konfirmasi' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.getByText('Diakui', { exact: true }).first().waitFor();
    expect(await page.getByRole('button', { name: 'Catat balasan mitra' }).count()).toBe(0);
    await act(page, 'Terima');
    await page.getByText('Diterima', { exact: true }).first().waitFor();
    await act(page, 'Jawab', 'Eleven of the citizens were located and moved to the MoSVY shelter.');
    await page.getByText('Dijawab', { exact: true }).first().waitFor();
    await h.check(page, 'counterpart-request');

    await page.goto(`${h.baseUrl}/cross-border-requests/${requestId.elsewhere}`);
    await page.getByRole('heading', { name: 'Halaman ini tidak tersedia untuk Anda' }).waitFor();
  });

  it("makes a case officer's referral with consent, the identity opened only on request and audited; the provider answers", async () => {
    const unitId = (await h.api.dataSource.query(`SELECT id FROM task_force_unit WHERE code = 'GTPP-NAS'`))[0].id;
    const opened = await gql<{ openCase: { id: string; reference: string } }>(
      people.officer,
      `mutation ($input: OpenCaseInput!) { openCase(input: $input) { id reference } }`,
      {
        input: {
          unitId,
          exploitationTypes: ['FORCED_CRIMINALITY'],
          intakeChannel: 'EMBASSY',
          destinationCountries: ['KH'],
          summary: 'Poipet compound, 2026',
        },
      },
    );
    const registered = await gql<{ registerVictim: { id: string; code: string } }>(
      people.officer,
      `mutation ($input: RegisterVictimInput!) { registerVictim(input: $input) { id code } }`,
      {
        input: {
          caseId: opened.openCase.id,
          identity: { fullName: 'Siti Rahmawati Lestari', passportNumber: 'C7719904', dateOfBirth: '1998-05-02' },
          sex: 'FEMALE',
          ageBand: 'ADULT_25_34',
          nationality: 'ID',
        },
      },
    );
    const { id: victimId, code } = registered.registerVictim;
    const reads = async () =>
      Number(
        (
          await h.api.dataSource.query(
            `SELECT count(*) AS n FROM audit_entry WHERE operation = 'readVictimIdentity' AND target_id = $1 AND actor_user_id = $2`,
            [victimId, people.officer.id],
          )
        )[0].n,
      );

    const page = await h.page();
    await h.signIn(page, people.officer.email);
    await page.waitForURL(`${h.baseUrl}/cases`);
    await h.check(page, 'cases');
    await page.getByRole('link', { name: opened.openCase.reference }).click();
    await page.getByRole('link', { name: code }).waitFor();
    await h.check(page, 'case');
    await page.getByRole('link', { name: code }).click();
    await page.getByRole('heading', { name: `Orang ${code}` }).waitFor();
    await page.getByText('Pembukaan identitas dicatat dalam jejak audit atas nama Anda.').waitFor();
    expect(await page.getByText('Siti Rahmawati Lestari').count()).toBe(0);
    await h.check(page, 'person');

    const before = await reads();
    await page.getByRole('button', { name: 'Tampilkan identitas' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Tampilkan identitas' }).click();
    await page.getByText('Siti Rahmawati Lestari').waitFor();
    await page.getByText('Dibuka dan dicatat dalam jejak audit.').waitFor();
    expect(await reads()).toBe(before + 1);
    expect(page.url()).not.toContain('Siti');
    expect(await page.title()).not.toContain('Siti');
    await page.getByRole('button', { name: 'Sembunyikan identitas' }).click();
    expect(await page.getByText('Siti Rahmawati Lestari').count()).toBe(0);

    await choose(page, 'Penerima', 'LBH');
    await page.getByRole('button', { name: 'Catat persetujuan' }).click();
    await page.getByRole('cell', { name: 'LBH' }).waitFor();
    await page.getByText('Berlaku', { exact: true }).waitFor();

    await choose(page, 'Layanan', 'Bantuan hukum');
    await choose(page, 'Penyedia', 'LBH');
    await page.getByRole('button', { name: 'Kirim rujukan' }).click();
    await page.waitForURL(/\/referrals\/[0-9a-f-]{36}$/);
    const referralUrl = page.url();
    await page.getByText('Diusulkan', { exact: true }).first().waitFor();
    await page
      .getByText(/dalam \d/)
      .first()
      .waitFor();
    await h.check(page, 'referral-sender');
    await page.goto(`${h.baseUrl}/people`);
    await page.getByRole('link', { name: code }).waitFor();
    await h.check(page, 'people');

    const provider = await h.page();
    await h.signIn(provider, people.partner.email);
    await provider.waitForURL(`${h.baseUrl}/referrals`);
    const row = provider.getByRole('row').filter({ hasText: code });
    await row.waitFor();
    await h.check(provider, 'referrals');
    await row.getByRole('link').click();
    expect(provider.url()).toBe(referralUrl);
    await act(provider, 'Terima');
    await provider.getByText('Diterima', { exact: true }).first().waitFor();
    await act(provider, 'Catat layanan dimulai');
    await provider.getByText('Dalam layanan', { exact: true }).first().waitFor();
    await act(provider, 'Catat layanan selesai', 'Legal counselling given; the case file went to the prosecutor.');
    await provider.getByText('Selesai', { exact: true }).first().waitFor();
    await h.check(provider, 'referral-provider');
  });

  it('shows the secretariat overdue work by agency and the possible duplicates, and lets it resolve one', async () => {
    const created = await gql<{ createTask: { id: string } }>(
      people.polri,
      `mutation ($input: CreateTaskInput!) { createTask(input: $input) { id } }`,
      {
        input: {
          assigneeAgencyId: await h.agencyId('KEMNAKER'),
          title: 'Report the recruitment agencies behind the Poipet placements',
          pillar: 'PROSECUTION',
          duty: 'COORDINATION',
          due: { workingDays: 3 },
        },
      },
    );
    await h.api.dataSource.query(`UPDATE task SET due_at = now() - interval '3 days' WHERE id = $1`, [
      created.createTask.id,
    ]);
    const twin = await h.user([Role.CASE_OFFICER], 'POLDA-NTT');
    for (const who of [people.officer, twin]) {
      await gql(who, `mutation ($input: RegisterVictimInput!) { registerVictim(input: $input) { id } }`, {
        input: {
          identity: { fullName: 'Maria Goreti Bria', nationalIdNumber: '5303014507990002' },
          sex: 'FEMALE',
          ageBand: 'ADULT_18_24',
          nationality: 'ID',
        },
      });
    }

    const page = await h.page();
    await h.signIn(page, people.secretariat.email);
    await page.goto(`${h.baseUrl}/secretariat`);
    // Kemnaker's overdue task shows twice: in the accountability view and in the overdue tasks by agency.
    await page.getByRole('row').filter({ hasText: 'Kemnaker' }).first().waitFor();
    await eventually(async () =>
      expect(await page.getByRole('row').filter({ hasText: 'Kemnaker' }).count()).toBeGreaterThanOrEqual(2),
    );
    const duplicate = page.getByRole('row').filter({ hasText: 'NIK' }).first();
    await duplicate.waitFor();
    await h.check(page, 'secretariat');
    await duplicate.getByRole('button', { name: 'Selesaikan' }).click();
    await page
      .getByRole('dialog')
      .getByRole('textbox')
      .fill('Same person: POLDA-NTT record merged into the Kemensos one.');
    await page.getByRole('dialog').getByRole('button', { name: 'Konfirmasi' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    // Resolved flags leave the list of open ones.
    await eventually(async () => expect(await page.getByRole('row').filter({ hasText: 'NIK' }).count()).toBe(0));
  });

  it('lets the secretariat ask for a de-identified export, follow the emailed link to it, and download it', async () => {
    const page = await h.page();
    await h.signIn(page, people.secretariat.email);
    await page.goto(`${h.baseUrl}/secretariat`);
    await page.getByRole('button', { name: 'Minta CSV' }).click();
    await page
      .getByText(/Dalam antrean|Sedang disusun|Siap/)
      .first()
      .waitFor();
    await h.deliver();
    const link = h.linkIn(people.secretariat.email, '/secretariat/exports/');
    expect(link).toBeDefined();
    await page.goto(link!);
    const download = page.getByRole('button', { name: /^Unduh simpul-deidentified-persons-/ });
    await download.waitFor();
    await h.check(page, 'secretariat-exports');
    const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
    const text = readFileSync((await file.path())!, 'utf8');
    expect(text.split('\r\n')[0]).toBe(
      'yearOfRegistration,Datasource,gender,ageBroad,majorityStatus,citizenship,provinceOfOrigin,CountryOfExploitation,typeOfExploitConcatenated',
    );
    // The people registered in the journeys above: no name or NIK in the file.
    for (const secret of ['Maria Goreti Bria', '5303014507990002']) expect(text).not.toContain(secret);
  });

  it('gives everyone notifications with an unread count, their settings and digest, profile and language', async () => {
    const page = await h.page();
    await h.signIn(page, people.imigrasi.email);
    const nav = page.getByRole('navigation', { name: 'Navigasi utama' });
    await nav.getByText(/belum dibaca/).waitFor();
    await nav.getByRole('link', { name: /Notifikasi/ }).click();
    await page.getByText('Tugas diberikan').first().waitFor();
    await h.check(page, 'notifications');
    await page.getByRole('button', { name: 'Tandai semua sudah dibaca' }).click();
    await eventually(async () => expect(await nav.getByText(/belum dibaca/).count()).toBe(0));

    await nav.getByRole('link', { name: 'Pengaturan notifikasi' }).click();
    const digest = page.getByRole('switch', { name: /ringkasan koordinasi/ });
    await digest.waitFor();
    await h.check(page, 'settings');
    await digest.click({ force: true });
    await page.getByText('Pengaturan tersimpan.').waitFor();
    const subscription = await gql<{ myDigestSubscription: { subscribed: boolean } }>(
      people.imigrasi,
      '{ myDigestSubscription { subscribed } }',
    );
    expect(subscription.myDigestSubscription.subscribed).toBe(false);

    await nav.getByRole('link', { name: 'Profil' }).click();
    await page.getByRole('heading', { name: 'Profil' }).waitFor();
    await h.check(page, 'profile');
    await page.getByText('English', { exact: true }).click();
    await page.getByRole('heading', { name: 'Profile' }).waitFor();
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Work queue' }).waitFor();
    await h.check(page, 'profile-en');
    await page.getByText('Bahasa Indonesia', { exact: true }).click();
    await page.getByRole('heading', { name: 'Profil' }).waitFor();
  });

  it('gives the administrator the directory, units, users, policies and a way into the queue board', async () => {
    const page = await h.page();
    await h.signIn(page, people.admin.email);
    await page.waitForURL(`${h.baseUrl}/admin`);
    await page.getByRole('cell', { name: 'Ditjen Imigrasi', exact: true }).waitFor();
    await h.check(page, 'admin-agencies');
    for (const [tab, shows, name] of [
      ['Unit dan keanggotaan', /GTPP-NAS/, 'admin-units'],
      ['Pengguna', people.imigrasi.email, 'admin-users'],
      ['Kebijakan eskalasi dan tenggat', 'Tangga eskalasi', 'admin-policies'],
    ] as const) {
      await page.getByRole('tab', { name: tab }).click();
      await page.getByText(shows).first().waitFor();
      await h.check(page, name);
    }
    await page.getByRole('tab', { name: 'Pengguna' }).click();
    await page.getByRole('textbox', { name: 'Nama', exact: true }).fill('Petugas Baru Kemnaker');
    await page.getByRole('textbox', { name: 'E-mail', exact: true }).fill('petugas.baru@kemnaker.test');
    await choose(page, 'Instansi', 'Kemnaker');
    // By keyboard: focus the roles field and open its list with the arrow key.
    await page.getByRole('combobox', { name: 'Peran', exact: true }).focus();
    await page.keyboard.press('ArrowDown');
    await page.getByRole('option', { name: 'Penghubung instansi' }).click();
    await page.keyboard.press('Escape');
    await page.getByRole('textbox', { name: 'Kata sandi awal' }).fill('Mulai-kerja-2026!');
    await page.getByRole('button', { name: 'Buat akun' }).click();
    await page.getByText('Akun petugas.baru@kemnaker.test dibuat.', { exact: false }).waitFor();
    await page.getByRole('cell', { name: 'petugas.baru@kemnaker.test', exact: true }).waitFor();

    const [board] = await Promise.all([
      page.waitForResponse((response) => new URL(response.url()).pathname === '/admin/queues'),
      page.getByRole('link', { name: 'Papan antrean pekerjaan' }).click(),
    ]);
    expect(board.status()).toBe(200);
  });

  it('sends a user whose session expired to sign in, and back to the page they were opening', async () => {
    const page = await h.page();
    await page
      .context()
      .addCookies([
        { name: 'simpul_session', value: await expiredToken(h.api.dataSource, people.imigrasi.id), url: h.baseUrl },
      ]);
    await page.goto(taskLink);
    await page.getByText('Sesi Anda telah berakhir. Masuk lagi untuk melanjutkan.').waitFor();
    await h.signIn(page, people.imigrasi.email);
    expect(page.url()).toBe(taskLink);
  });

  it('signs out so the next person on a shared computer starts at the sign-in page', async () => {
    const page = await h.page();
    await h.signIn(page, people.polri.email);
    await page.getByRole('button', { name: 'Keluar' }).click();
    await page.getByText('Anda telah keluar.').waitFor();
    await page.goto(`${h.baseUrl}/work-queue`);
    await page.waitForURL(/\/sign-in\?next=%2Fwork-queue/);
  });

  it('serves the GraphiQL playground whole from this server, so it works with no internet access', async () => {
    const page = await h.page();
    const elsewhere: string[] = [];
    page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(h.baseUrl) && !url.startsWith('data:') && !url.startsWith('blob:')) elsewhere.push(url);
    });
    await page.goto(`${h.baseUrl}/graphql`, { waitUntil: 'networkidle' });
    expect(page.url()).toBe(`${h.baseUrl}/graphiql`);
    await page.locator('.graphiql-container').waitFor();
    await page.getByText('# Welcome to GraphiQL').waitFor();
    expect(elsewhere).toEqual([]);
  });
});
