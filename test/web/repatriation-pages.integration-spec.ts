import { Role } from '@app/kernel/role.enum';
import { unique } from '@libs/testing/factories';

import { CaseworkApi, people } from '../support/casework-api';
import { RepatriationApi } from '../support/repatriation-api';
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

  it('takes the home office from a follow-up link to the plan and records what the contact found', async () => {
    // A group brought home through the API: the case, the operation, its milestones, departure and arrival.
    // Today where both sides are (Phnom Penh and Jakarta, UTC+7): an operation begins, leaves and arrives on it.
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date());
    const earlier = new Date(Date.now() - 30 * 86400000).toISOString().slice(0, 10);
    const casework = new CaseworkApi(h.api);
    const sut = new RepatriationApi(casework);
    await casework.user('police', [Role.LIAISON, Role.CASE_OFFICER], 'BARESKRIM');
    await casework.user('kbri', [Role.LIAISON, Role.CASE_OFFICER], 'KBRI-PNH');
    await casework.user('bp2mi', [Role.LIAISON, Role.CASE_OFFICER], 'BP2MI');
    await casework.user('dinsos', [Role.LIAISON, Role.CASE_OFFICER], 'DINSOS-NTT');
    const caseId = (
      await casework.ok<{ openCase: { id: string } }>(
        'police',
        'mutation ($input: OpenCaseInput!) { openCase(input: $input) { id } }',
        {
          input: {
            unitId: await casework.unitId('GTPP-NAS'),
            destinationCountries: ['KH'],
            exploitationTypes: ['FORCED_CRIMINALITY'],
            recruitmentChannels: ['FACEBOOK'],
            intakeChannel: 'EMBASSY',
            summary: 'Scam compound in Sihanoukville.',
            reportedOn: earlier,
          },
        },
      )
    ).openCase.id;
    const victims = (
      await casework.registerGroup('police', {
        operationKey: `web-rpt-${unique()}`,
        caseId,
        nationality: 'ID',
        rescuedOn: earlier,
        rescueCountry: 'KH',
        people: people(1, () => ({ originRegion: '53' })),
      })
    ).data!.registerVictimGroup.victims;
    await casework.addParticipant('police', caseId, 'KBRI-PNH', 'CONSULAR_PROTECTION');
    await casework.addParticipant('police', caseId, 'BP2MI', 'LABOUR_MIGRATION_PROTECTION');
    const created = await sut.create('kbri', {
      fromCountry: 'KH',
      route: 'Sihanoukville – Phnom Penh – Jakarta',
      sendingAgencyId: await casework.agencyId('KBRI-PNH'),
      receivingAgencyId: await casework.agencyId('BP2MI'),
      counterpartAgencyId: await casework.agencyId('KH-GDI'),
      plannedDepartureOn: today,
      plannedArrivalOn: today,
      victimIds: [victims[0].id],
    });
    expect(created.errors).toBeUndefined();
    const operation = created.data!.createRepatriationOperation;
    for (const milestone of operation.milestones) {
      if (milestone.status !== 'PENDING' || ['DEPARTED', 'ARRIVED', 'HANDED_OVER'].includes(milestone.type)) continue;
      expect((await sut.record('kbri', milestone.id, today)).errors).toBeUndefined();
    }
    expect((await sut.depart('kbri', operation.id, today)).errors).toBeUndefined();
    expect((await sut.arrive('bp2mi', operation.id, today)).errors).toBeUndefined();
    const plan = (await sut.plans('dinsos', victims[0].id)).data!.reintegrationPlans[0];
    const contact = plan.followUps[0];

    const home = await h.user([Role.LIAISON, Role.CASE_OFFICER], 'DINSOS-NTT');
    const page = await h.page();
    await page.goto(`${h.baseUrl}/follow-up-contacts/${contact.id}`);
    await h.signIn(page, home.email);
    await page.waitForURL(`${h.baseUrl}/reintegration-plans/${plan.id}?contact=${contact.id}`);
    await page.getByRole('heading', { name: `Rencana reintegrasi ${plan.victimCode}`, level: 1 }).waitFor();
    await page.locator(`#contact-${contact.id}[aria-current="true"]`).waitFor();
    await h.check(page, 'reintegration-plan');

    const row = page.locator(`#contact-${contact.id}`);
    await row.getByRole('button', { name: /Catat hasil/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('combobox', { name: 'Hasil kontak' }).click();
    await page.getByRole('option', { name: 'Bertemu' }).click();
    await dialog.getByRole('button', { name: 'Konfirmasi' }).click();
    await dialog.waitFor({ state: 'detached' });
    await row.getByText('Bertemu').waitFor();
    expect(await row.getByRole('button', { name: /Catat hasil/ }).count()).toBe(0);
  });
});
