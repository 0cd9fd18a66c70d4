import { Role } from '@app/kernel/role.enum';

import { ConsoleHarness } from './support/console-harness';

/**
 * The repatriation pages in Chromium against the real API: the seeded Poipet 2023 operation (RPT-000001) opened from
 * the list and from the link a milestone reminder sends, each screen checked by axe at 360 and 1366 px; an agency
 * with no part in it sees "not available", as for anything that does not exist.
 */
describe('web console: repatriation pages', () => {
  let h: ConsoleHarness;
  let mission: Awaited<ReturnType<ConsoleHarness['user']>>;
  let outsider: Awaited<ReturnType<ConsoleHarness['user']>>;
  let operationId = '';
  let milestoneId = '';
  let exitClearanceOwner = '';

  beforeAll(async () => {
    h = await ConsoleHarness.start();
    mission = await h.user([Role.LIAISON], 'KBRI-PNH');
    outsider = await h.user([Role.LIAISON], 'KEMNAKER');
    const result = await h.api.gql<{
      repatriationOperations: {
        edges: {
          node: {
            id: string;
            reference: string;
            milestones: { id: string; type: string; ownerAgency: { acronym: string } }[];
          };
        }[];
      };
    }>(
      '{ repatriationOperations(first: 100) { edges { node { id reference milestones { id type ownerAgency { acronym } } } } } }',
      {},
      await mission.token(),
    );
    const poipet = result.data!.repatriationOperations.edges.find(({ node }) => node.reference === 'RPT-000001')!.node;
    operationId = poipet.id;
    milestoneId = poipet.milestones[0].id;
    exitClearanceOwner = poipet.milestones.find(({ type }) => type === 'EXIT_CLEARANCE_GRANTED')!.ownerAgency.acronym;
  }, 120_000);

  afterAll(async () => {
    await h?.stop();
  });

  afterEach(() => {
    expect(h.problems.splice(0)).toEqual([]);
  });

  it('shows the mission the Poipet operation from the list and from a milestone link', async () => {
    const page = await h.page();
    await h.signIn(page, mission.email);
    await page.getByRole('link', { name: 'Pemulangan' }).first().click();
    await page.waitForURL(`${h.baseUrl}/repatriation-operations`);
    await page.getByRole('heading', { name: 'Operasi pemulangan' }).waitFor();
    await h.check(page, 'repatriation-operations');

    await page.getByRole('link', { name: 'RPT-000001' }).click();
    await page.waitForURL(`${h.baseUrl}/repatriation-operations/${operationId}`);
    await page.getByRole('heading', { name: 'Operasi RPT-000001', level: 1 }).waitFor();
    const main = page.locator('main');
    await main.getByText('Poipet – Phnom Penh – Jakarta').first().waitFor();
    await main.getByRole('cell', { name: /Dokumen perjalanan terbit/ }).waitFor();
    // The foreign authority's step shows its owner, though the mission records it.
    await main
      .getByRole('row', { name: /Izin keluar diberikan/ })
      .getByText(exitClearanceOwner)
      .first()
      .waitFor();
    await h.check(page, 'repatriation-operation');

    await page.goto(`${h.baseUrl}/repatriation-milestones/${milestoneId}`);
    await page.waitForURL(`${h.baseUrl}/repatriation-operations/${operationId}?milestone=${milestoneId}`);
    await page.locator(`#milestone-${milestoneId}[aria-current="true"]`).waitFor();
    await h.check(page, 'repatriation-milestone-link');
  });

  it('shows an agency with no part in it "not available", for the operation and its milestone link', async () => {
    const page = await h.page();
    const link = `${h.baseUrl}/repatriation-operations/${operationId}`;
    await page.goto(link);
    await h.signIn(page, outsider.email);
    expect(page.url()).toBe(link);
    await page.getByRole('heading', { name: 'Halaman ini tidak tersedia untuk Anda', level: 1 }).waitFor();
    expect(await page.locator('main').innerText()).not.toContain('RPT-000001');
    await h.check(page, 'repatriation-not-available');

    await page.goto(`${h.baseUrl}/repatriation-milestones/${milestoneId}`);
    await page.getByRole('heading', { name: 'Halaman ini tidak tersedia untuk Anda', level: 1 }).waitFor();
    expect(page.url()).toBe(`${h.baseUrl}/repatriation-milestones/${milestoneId}`);
  });
});
