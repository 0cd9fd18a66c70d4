import { Page } from 'playwright-core';

import { Role } from '@app/kernel/role.enum';
import { eventually } from '@libs/testing/eventually';

import { ConsoleHarness } from './support/console-harness';

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
    expect(h.problems).toEqual([]);
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
});
