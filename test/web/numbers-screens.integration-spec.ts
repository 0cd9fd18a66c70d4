import { Role } from '@app/kernel/role.enum';

import { ConsoleHarness } from './support/console-harness';

/**
 * The console's numbers screens, in Debian's Chromium against the real API: the national secretariat opens
 * Statistics from the navigation, chooses an indicator and a breakdown and sees the total the statistics query
 * gives it, then the accountability view on the secretariat page with the overdue task of a member agency. Each
 * screen passes ConsoleHarness.check (axe, 360 and 1366 px).
 */
describe('web console: statistics and accountability', () => {
  let h: ConsoleHarness;
  type Person = Awaited<ReturnType<ConsoleHarness['user']>>;
  let liaison: Person;
  let secretariat: Person;

  beforeAll(async () => {
    h = await ConsoleHarness.start();
    liaison = await h.user([Role.LIAISON], 'POLRI');
    secretariat = await h.user([Role.SECRETARIAT], 'POLRI');
    const created = await h.api.gql<{ createTask: { id: string } }>(
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
      await liaison.token(),
    );
    if (created.errors) throw new Error(JSON.stringify(created.errors));
    await h.api.dataSource.query(`UPDATE task SET due_at = now() - interval '3 days' WHERE id = $1`, [
      created.data!.createTask.id,
    ]);
  }, 120_000);

  afterAll(async () => {
    await h?.stop();
  });

  afterEach(() => {
    const problems = h.problems.splice(0);
    expect(problems).toEqual([]);
  });

  it('lets the national secretariat choose an indicator and a breakdown, see the total, then open accountability', async () => {
    const year = new Date().getFullYear();
    const expected = await h.api.gql<{ statistics: { total: { value: number } } }>(
      `query { statistics(indicator: "TASKS_ASSIGNED", from: "${year}-01-01", to: "${year}-12-31",
        breakdowns: [AGENCY]) { total { value } } }`,
      {},
      await secretariat.token(),
    );
    const total = expected.data!.statistics.total.value;
    expect(total).toBeGreaterThanOrEqual(1);

    const page = await h.page();
    await h.signIn(page, secretariat.email);
    await page.getByRole('link', { name: 'Statistik' }).first().click();
    await page.waitForURL(`${h.baseUrl}/statistics`);
    await page.getByRole('combobox', { name: 'Indikator' }).click();
    await page.getByRole('option', { name: 'Tugas antarinstansi' }).click();
    await page.getByRole('combobox', { name: 'Rincian', exact: true }).click();
    await page.getByRole('option', { name: 'Instansi', exact: true }).click();
    await page.getByText(`Jumlah: ${total.toLocaleString('id-ID')}`).waitFor();
    const kemnaker = page.getByRole('row').filter({ hasText: 'KEMNAKER' });
    await kemnaker.first().waitFor();
    await page.getByRole('heading', { name: 'Asal angka' }).waitFor();
    await page.getByRole('row', { name: /Indikator Tugas antarinstansi \(TASKS_ASSIGNED\)/ }).waitFor();
    await h.check(page, 'statistics');

    // A second breakdown: months across, the total still in the corner of the table.
    await page.getByRole('combobox', { name: 'Rincian kedua (pilihan)' }).click();
    await page.getByRole('option', { name: 'Bulan', exact: true }).click();
    await page.getByRole('region', { name: /menurut Instansi × Bulan/ }).waitFor();
    const footer = page.getByRole('region', { name: /menurut Instansi × Bulan/ }).locator('tfoot tr');
    expect((await footer.getByRole('cell').allTextContents()).at(-1)).toBe(total.toLocaleString('id-ID'));
    await h.check(page, 'statistics-two-breakdowns');

    await page.getByRole('link', { name: 'Sekretariat' }).first().click();
    await page.waitForURL(`${h.baseUrl}/secretariat`);
    await page.getByRole('heading', { name: 'Akuntabilitas anggota' }).waitFor();
    const agencies = page.getByRole('region', { name: 'Per instansi' });
    const row = agencies.getByRole('row').filter({ hasText: /Kemnaker/i });
    await row.waitFor();
    // Its open task is overdue: one open, one overdue at least (seeded history may add more).
    const cells = await row.getByRole('cell').allTextContents();
    expect(Number(cells[1])).toBeGreaterThanOrEqual(1);
    await page.getByRole('heading', { name: 'Waktu tanggap per instansi' }).waitFor();
    await h.check(page, 'secretariat-accountability');
  });
});
