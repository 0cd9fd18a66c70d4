import { Page } from 'playwright-core';

import { Role } from '@app/kernel/role.enum';

import { ConsoleHarness } from './support/console-harness';

/**
 * The case officer's shared casework and the coordination meetings in the web console, in Debian's Chromium against
 * the real API, worker, PostgreSQL, Redis and an SMTP sink, by accessible names and in Bahasa Indonesia; every new
 * screen is checked by axe and at 360 and 1366 px (ConsoleHarness.check).
 */
describe('web console: casework and coordination journeys', () => {
  let h: ConsoleHarness;
  type Person = Awaited<ReturnType<ConsoleHarness['user']>>;
  const people: Record<string, Person> = {};

  beforeAll(async () => {
    h = await ConsoleHarness.start();
    people.officer = await h.user([Role.CASE_OFFICER], 'KEMENSOS');
    people.investigator = await h.user([Role.CASE_OFFICER], 'BARESKRIM');
    people.polri = await h.user([Role.LIAISON], 'POLRI');
    people.admin = await h.user([Role.ADMINISTRATOR], 'POLRI');
    people.forgetful = await h.user([Role.LIAISON], 'KEMNAKER');
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

  const choose = async (page: Page, label: string, option: string | RegExp) => {
    await page.getByRole('combobox', { name: label, exact: true }).click();
    await page.getByRole('option', { name: option }).first().click();
  };

  /** Types into a searchable select (the server searches) and picks the option. */
  const search = async (page: Page, label: string, text: string, option: RegExp) => {
    await page.getByRole('combobox', { name: label, exact: true }).fill(text);
    await page.getByRole('option', { name: option }).first().click();
  };

  /** Yesterday's date in Jakarta (YYYY-MM-DD): something that already happened, in the unit's calendar. */
  const yesterday = () =>
    new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date(Date.now() - 86_400_000));

  const identityReads = async (victimId: string, userId: string) =>
    Number(
      (
        await h.api.dataSource.query(
          `SELECT count(*) AS n FROM audit_entry WHERE operation = 'readVictimIdentity' AND target_id = $1 AND actor_user_id = $2`,
          [victimId, userId],
        )
      )[0].n,
    );

  it('takes a case officer from the case to its team, a group registration, consent, an audited reveal and a referral; the investigator records a suspect', async () => {
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
          summary: 'Online-scam compound in Poipet, recruited through job adverts',
        },
      },
    );
    const caseUrl = `${h.baseUrl}/cases/${opened.openCase.id}`;

    const page = await h.page();
    await h.signIn(page, people.officer.email);
    await page.waitForURL(`${h.baseUrl}/cases`);
    await page.getByRole('link', { name: opened.openCase.reference }).click();
    await page.getByRole('heading', { name: 'Tim kasus' }).waitFor();
    await page.getByRole('cell', { name: /Kemensos.*Instansi utama/ }).waitFor();

    // The team: an investigator and a legal-aid provider join; the provider's part ends, with its reason kept.
    await search(page, 'Instansi', 'Bareskrim', /^Bareskrim Polri/);
    await choose(page, 'Peran dalam kasus', 'Penyidikan');
    await page.getByRole('button', { name: 'Tambahkan ke tim' }).click();
    await page.getByText('Bareskrim Polri ditambahkan ke tim.').waitFor();
    await search(page, 'Instansi', 'LBH', /^LBH/);
    await choose(page, 'Peran dalam kasus', 'Penyedia layanan');
    await page.getByRole('button', { name: 'Tambahkan ke tim' }).click();
    await page.getByText('LBH ditambahkan ke tim.').waitFor();
    await page.getByRole('button', { name: 'Akhiri keikutsertaan LBH' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Konfirmasi' }).click();
    await dialog.getByText('Tuliskan alasannya.').waitFor();
    await dialog.getByRole('textbox').fill('Legal aid now given through the referral');
    await dialog.getByRole('button', { name: 'Konfirmasi' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText(/Berakhir .*Legal aid now given through the referral/).waitFor();
    await page.getByRole('row').filter({ hasText: 'Bareskrim Polri' }).getByText('Penyidikan').waitFor();
    await h.check(page, 'case-team');

    // A group after the rescue: a refused row is named and everything typed stays; then both are registered.
    await page.getByRole('link', { name: 'Daftarkan kelompok' }).click();
    await page
      .getByRole('heading', { name: `Pendaftaran kelompok untuk kasus ${opened.openCase.reference}` })
      .waitFor();
    await page.getByLabel('Tanggal penyelamatan').fill('2026-06-28');
    await page.getByLabel('Tempat penyelamatan').fill('Poipet, Banteay Meanchey');
    await page.getByLabel('Negara penyelamatan (kode, mis. KH)').fill('KH');
    const rows = [
      { name: 'Dewi Anggraini Putri', sex: 'Perempuan', age: 'Dewasa 18–24', born: '2031-01-01' },
      { name: 'Rudi Hartono Saputra', sex: 'Laki-laki', age: 'Dewasa 25–34', born: '1999-03-14' },
    ];
    for (const [index, row] of rows.entries()) {
      const n = index + 1;
      await page.getByRole('textbox', { name: `Nama lengkap (${n})` }).fill(row.name);
      await choose(page, `Jenis kelamin (${n})`, row.sex);
      await choose(page, `Kelompok umur (${n})`, row.age);
      await page.getByLabel(`Tanggal lahir (${n})`).fill(row.born);
    }
    await page.getByRole('button', { name: 'Daftarkan 2 orang' }).click();
    await page
      .getByRole('alert')
      .getByText(/Orang ke-1: .*date of birth/)
      .waitFor();
    expect(await page.getByRole('textbox', { name: 'Nama lengkap (2)' }).inputValue()).toBe('Rudi Hartono Saputra');
    await h.check(page, 'group-registration');
    await page.getByLabel('Tanggal lahir (1)').fill('2003-07-21');
    await page.getByRole('button', { name: 'Daftarkan 2 orang' }).click();
    await page.getByText('2 orang terdaftar. Kode mereka:').waitFor();
    const codes = await page.getByRole('listitem').getByRole('link').allInnerTexts();
    expect(codes).toHaveLength(2);
    expect(page.url()).not.toContain('Dewi');
    expect(await page.title()).not.toContain('Dewi');
    expect(await page.getByText('Dewi Anggraini Putri').count()).toBe(0);

    // Consent for a recipient and purpose, the identity opened on request (audited), a referral with its countdown.
    await page.getByRole('link', { name: codes[0] }).click();
    await page.getByRole('heading', { name: `Orang ${codes[0]}` }).waitFor();
    const victimId = page.url().split('/').pop()!;
    await choose(page, 'Penerima', 'LBH');
    await page.getByRole('button', { name: 'Catat persetujuan' }).click();
    await page.getByText('Berlaku', { exact: true }).waitFor();
    const before = await identityReads(victimId, people.officer.id);
    await page.getByText('Pembukaan identitas dicatat dalam jejak audit atas nama Anda.').waitFor();
    await page.getByRole('button', { name: 'Tampilkan identitas' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Tampilkan identitas' }).click();
    await page.getByText('Dewi Anggraini Putri').waitFor();
    await page.getByText('Dibuka dan dicatat dalam jejak audit.').waitFor();
    expect(await identityReads(victimId, people.officer.id)).toBe(before + 1);
    await page.getByRole('button', { name: 'Sembunyikan identitas' }).click();
    await choose(page, 'Layanan', 'Bantuan hukum');
    await choose(page, 'Penyedia', 'LBH');
    await page.getByRole('button', { name: 'Kirim rujukan' }).click();
    await page.waitForURL(/\/referrals\/[0-9a-f-]{36}$/);
    await page.getByText('Diusulkan', { exact: true }).first().waitFor();

    await page.goto(caseUrl);
    const referralRow = page.getByRole('row').filter({ hasText: codes[0] });
    await referralRow.getByText(/dalam \d/).waitFor();
    await page.getByRole('link', { name: codes[1] }).waitFor();
    await h.check(page, 'case');

    // The investigator on the team records a suspect by code (identity sealed) and moves its status.
    const investigator = await h.page();
    await h.signIn(investigator, people.investigator.email);
    await investigator.goto(caseUrl);
    await investigator.getByRole('heading', { name: 'Tersangka', exact: true }).waitFor();
    await investigator.getByRole('textbox', { name: 'Nama lengkap (tersegel)' }).fill('Hendra Wijaya Kusuma');
    await choose(investigator, 'Peran dalam jaringan', 'Perekrut');
    await investigator.getByRole('button', { name: 'Catat tersangka' }).click();
    await investigator.getByText(/Tersangka SUS-\S+ dicatat\./).waitFor();
    expect(await investigator.getByText('Hendra Wijaya Kusuma').count()).toBe(0);
    const suspect = investigator.getByRole('row').filter({ hasText: 'Perekrut' });
    await suspect.getByRole('button', { name: 'Ubah status' }).click();
    await choose(investigator, 'Status baru', 'Ditetapkan tersangka');
    await investigator.getByRole('dialog').getByRole('button', { name: 'Konfirmasi' }).click();
    await investigator.getByRole('dialog').waitFor({ state: 'detached' });
    await suspect.getByText('Ditetapkan tersangka').waitFor();
    await h.check(investigator, 'case-investigator');

    // The social-affairs officer's team does not investigate: no suspects shown to it, no form to record one.
    await page.reload();
    await page.getByRole('heading', { name: 'Tersangka', exact: true }).waitFor();
    await page.getByText('Tidak ada tersangka yang dapat Anda lihat.').waitFor();
    expect(await page.getByRole('button', { name: 'Catat tersangka' }).count()).toBe(0);

    // The lead passes to the investigator, with its reason; the social-affairs office stays in the team.
    await page.getByRole('button', { name: 'Serahkan kepemimpinan Bareskrim Polri' }).click();
    await page.getByRole('dialog').getByRole('textbox').fill('Police report filed; the investigation leads from here');
    await page.getByRole('dialog').getByRole('button', { name: 'Konfirmasi' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.getByText('Bareskrim Polri kini instansi utama kasus ini.').waitFor();
    await page.getByRole('cell', { name: /Bareskrim Polri.*Instansi utama/ }).waitFor();
    await page.getByText('Hanya petugas instansi utama dan sekretariat unit yang mengubah tim.').waitFor();
  });

  it('schedules a coordination meeting, records attendance and a decision whose action item is previewed, listed and closed', async () => {
    const page = await h.page();
    await h.signIn(page, people.polri.email);
    await page
      .getByRole('navigation', { name: 'Navigasi utama' })
      .getByRole('link', { name: 'Rapat koordinasi' })
      .click();
    await page.getByRole('heading', { name: 'Rapat koordinasi' }).waitFor();
    await page.getByRole('link', { name: 'Jadwalkan rapat' }).click();
    await page.getByRole('heading', { name: 'Jadwalkan rapat koordinasi' }).waitFor();
    await choose(page, 'Unit gugus tugas', /GTPP-NAS/);
    await page.getByLabel('Judul rapat').fill('Follow-up on the Poipet returnees');
    await page.getByLabel(/^Tanggal/).fill(yesterday());
    await page.getByLabel('Jam mulai').fill('09:00');
    await page.getByLabel('Jam selesai').fill('11:00');
    await page.getByLabel('Tempat', { exact: true }).fill('Mabes Polri, Jakarta');
    await page.getByLabel('Agenda').fill('Status of the 28 returnees\nReintegration referrals');
    await page.getByRole('combobox', { name: 'Instansi yang diundang' }).click();
    await page.getByRole('option', { name: /^Kemlu/ }).click();
    await page.getByRole('option', { name: /^Ditjen Imigrasi/ }).click();
    await page.keyboard.press('Escape');
    await h.check(page, 'meeting-new');
    await page.getByRole('button', { name: 'Jadwalkan', exact: true }).click();
    await page.waitForURL(/\/meetings\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: /Rapat MTG-\S+: Follow-up on the Poipet returnees/ }).waitFor();
    await page.getByText(/WIB/).first().waitFor();

    await choose(page, 'Status: Kemlu', 'Hadir');
    await page.getByRole('textbox', { name: 'Yang hadir: Kemlu' }).fill('Judha Nugraha, Direktur PWNI');
    await choose(page, 'Status: Ditjen Imigrasi', 'Berhalangan (dengan pemberitahuan)');
    await page.getByRole('button', { name: 'Simpan kehadiran' }).click();
    await page.getByText('Kehadiran tersimpan.').waitFor();

    await page.getByLabel('Isi keputusan').fill('Imigrasi verifies the travel documents of the remaining returnees.');
    await page.getByRole('button', { name: 'Tambah tindak lanjut' }).click();
    await choose(page, 'Instansi pemilik (1)', /^Ditjen Imigrasi/);
    await page
      .getByRole('textbox', { name: 'Judul tindak lanjut (1)' })
      .fill('Verify travel documents of 11 returnees');
    // The due date comes from the server, counted in the owner's calendar, before anything is saved.
    await page.getByText('Tenggat:').waitFor();
    await page.getByText(/10 hari kerja dalam kalender instansi penerima \(Asia\/Jakarta/).waitFor();
    await h.check(page, 'meeting');
    await page.getByRole('button', { name: 'Catat keputusan' }).click();
    await page.getByText(/Keputusan MTG-\S+ dicatat/).waitFor();
    const item = page.getByRole('row').filter({ hasText: 'Verify travel documents of 11 returnees' });
    await item.waitFor();
    const reference = (await item.getByRole('link').first().innerText()).trim();
    const meetingUrl = page.url();

    await page.getByRole('link', { name: 'Rapat koordinasi' }).first().click();
    await page.getByRole('link', { name: /MTG-/ }).first().waitFor();
    await h.check(page, 'meetings');
    await page.getByRole('link', { name: 'Tindak lanjut terbuka' }).first().click();
    await page.getByRole('heading', { name: 'Tindak lanjut terbuka' }).waitFor();
    await page.getByRole('row').filter({ hasText: reference }).waitFor();
    await page.getByRole('row').filter({ hasText: 'Ditjen Imigrasi' }).first().waitFor();
    await h.check(page, 'action-items');

    await page.goto(meetingUrl);
    await page.getByRole('button', { name: `Tutup tindak lanjut ${reference}` }).click();
    await choose(page, 'Hasil', 'Tercapai sebagian');
    await page.getByRole('dialog').getByRole('textbox').fill('Nine of eleven verified; two await KBRI records.');
    await page.getByRole('dialog').getByRole('button', { name: 'Konfirmasi' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.getByText(/Ditutup: Tercapai sebagian/).waitFor();
  });

  it('records an activity whose participants must add up, keeping what was typed when they do not', async () => {
    const page = await h.page();
    await h.signIn(page, people.polri.email);
    await page.goto(`${h.baseUrl}/activities`);
    await page.getByRole('heading', { name: 'Kegiatan', exact: true }).waitFor();
    await page.getByRole('link', { name: 'Catat kegiatan' }).click();
    await page.getByRole('heading', { name: 'Catat kegiatan' }).waitFor();
    await page.getByLabel('Judul kegiatan').fill('Socialisation on safe migration in Kupang');
    await page.getByLabel(/^Mulai/).fill(yesterday());
    await page.getByLabel('Kode wilayah Kemendagri (mis. 81.71)').fill('53.71');
    await page.getByRole('textbox', { name: 'Jumlah peserta' }).fill('40');
    await page.getByRole('textbox', { name: 'Perempuan (menurut jenis kelamin)' }).fill('20');
    await page.getByRole('textbox', { name: 'Laki-laki (menurut jenis kelamin)' }).fill('15');
    await page.getByRole('button', { name: 'Simpan kegiatan' }).click();
    await page.getByRole('alert').getByText(/bySex/).waitFor();
    expect(await page.getByLabel('Judul kegiatan').inputValue()).toBe('Socialisation on safe migration in Kupang');
    await h.check(page, 'activity-new');
    await page.getByRole('textbox', { name: 'Laki-laki (menurut jenis kelamin)' }).fill('20');
    await page.getByRole('button', { name: 'Simpan kegiatan' }).click();
    await page.waitForURL(/\/activities\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: /Kegiatan ACT-\S+: Socialisation on safe migration in Kupang/ }).waitFor();
    await page.getByText(/Perempuan 20 · Laki-laki 20/).waitFor();
    await h.check(page, 'activity');
    await page.goto(`${h.baseUrl}/activities`);
    await page.getByRole('row').filter({ hasText: 'Socialisation on safe migration in Kupang' }).waitFor();
    await h.check(page, 'activities');
  });

  it('previews the due date of a new task from the assignee calendar before it is saved', async () => {
    const page = await h.page();
    await h.signIn(page, people.polri.email);
    await page.goto(`${h.baseUrl}/tasks/new`);
    await search(page, 'Instansi penerima', 'Phnom Penh', /^Atase Imigrasi/);
    await page.getByText('Tenggat:').waitFor();
    // Reader in WIB, attaché post in Phnom Penh (same offset): the zone is named either way.
    await page.getByText(/5 hari kerja dalam kalender instansi penerima \(Asia\/Phnom_Penh, hari libur/).waitFor();
    await page.getByRole('textbox', { name: 'Jumlah hari kerja' }).fill('12');
    await page.getByText(/12 hari kerja dalam kalender/).waitFor();
    await h.check(page, 'new-task-preview');
  });

  it('lets the administrator edit an agency, add and end a membership on a day, and reset a password', async () => {
    const page = await h.page();
    await h.signIn(page, people.admin.email);
    await page.waitForURL(`${h.baseUrl}/admin`);
    await page.getByRole('button', { name: 'Ubah Yayasan Pulih' }).click();
    await page.getByRole('dialog').getByLabel('Nama (Bahasa Indonesia)').fill('Yayasan Pulih (Jakarta)');
    await page.getByRole('dialog').getByRole('button', { name: 'Konfirmasi' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.getByRole('cell', { name: 'Yayasan Pulih (Jakarta)', exact: true }).waitFor();

    await page.getByRole('tab', { name: 'Unit dan keanggotaan' }).click();
    await choose(page, 'Instansi (GTPP-NAS)', /^Yayasan Pulih/);
    await choose(page, 'Peran (GTPP-NAS)', 'Mitra');
    await page.getByLabel(/^Berlaku sejak \(GTPP-NAS\)/).fill(yesterday());
    await page.getByRole('button', { name: 'Tambah keanggotaan GTPP-NAS' }).click();
    const end = page.getByRole('button', { name: 'Akhiri keanggotaan Yayasan Pulih (Mitra, GTPP-NAS)' });
    await end.waitFor();
    await h.check(page, 'admin-units-edit');
    await end.click();
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date());
    await page
      .getByRole('dialog')
      .getByLabel(/^Berlaku hingga/)
      .fill(today);
    await page.getByRole('dialog').getByRole('button', { name: 'Konfirmasi' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.getByRole('row').filter({ hasText: 'Yayasan Pulih' }).locator(`time[datetime="${today}"]`).waitFor();

    await page.getByRole('tab', { name: 'Pengguna' }).click();
    await page.getByRole('button', { name: `Atur ulang kata sandi ${people.forgetful.email}` }).click();
    await page.getByRole('dialog').getByLabel('Kata sandi baru').fill('Lupa-lagi-2026!');
    await page.getByRole('dialog').getByRole('button', { name: 'Konfirmasi' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.getByText(`Kata sandi ${people.forgetful.email} diatur ulang`, { exact: false }).waitFor();
    expect(await h.api.login(people.forgetful.email, 'Lupa-lagi-2026!')).toEqual(expect.any(String));
  });
});
