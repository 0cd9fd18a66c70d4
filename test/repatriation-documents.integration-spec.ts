import { randomUUID } from 'node:crypto';

import { FixedClock } from '@app/kernel/clock';
import { Role } from '@app/kernel/role.enum';
import { multipartForm, pdfFile } from '@libs/testing/document-files';
import { unique } from '@libs/testing/factories';
import { isolatedEnvironment, IsolatedEnvironment } from '@libs/testing/isolated-environment';
import { TestApp } from '@libs/testing/test-app';

import { CaseworkApi, people } from './support/casework-api';
import { OperationView, RepatriationApi } from './support/repatriation-api';

const NOW = new Date('2026-03-02T03:00:00Z');

/**
 * Papers of repatriation operations and milestones (issue 18, item 5): an exit clearance goes on its milestone, a
 * flight manifest letter on the operation, and each is reached exactly by those who see the record; an outsider gets
 * what a record that does not exist gets.
 */
describe('repatriation documents', () => {
  // A database of its own: the test counts every stored document.
  let env: IsolatedEnvironment;
  let api: TestApp;
  let casework: CaseworkApi;
  let operation: OperationView;

  const upload = (as: string, parentKind: string, parentId: string, name: string, content: Buffer) => {
    const form = multipartForm(
      { parentKind, parentId, kind: 'COUNTERPART_ANSWER' },
      { name, content, type: 'application/pdf' },
    );
    return api.app.inject({
      method: 'POST',
      url: '/documents',
      headers: { authorization: `Bearer ${casework.token[as]}`, 'content-type': form.contentType },
      payload: form.payload,
    });
  };
  const download = (as: string, id: string) =>
    api.app.inject({
      method: 'GET',
      url: `/documents/${id}`,
      headers: { authorization: `Bearer ${casework.token[as]}` },
    });
  /** An error answer without its message (which names the id asked for). */
  const answer = (response: { json: () => Record<string, unknown> }) => {
    const { message: _message, ...rest } = response.json();
    return rest;
  };
  const listed = async (as: string, kind: string, id: string) => {
    const result = await casework.run<{ documents: { totalCount: number; edges: { node: { fileName: string } }[] } }>(
      as,
      'query ($kind: DocumentParentKind!, $id: ID!) { documents(parentKind: $kind, parentId: $id) { totalCount edges { node { fileName } } } }',
      { kind, id },
    );
    return result.errors
      ? String(result.errors[0].extensions?.code)
      : result.data!.documents.edges.map((e) => e.node.fileName);
  };

  beforeAll(async () => {
    env = await isolatedEnvironment();
    api = await TestApp.start(env.env, { clock: new FixedClock(NOW) });
    casework = new CaseworkApi(api);
    await casework.user('police', [Role.LIAISON, Role.CASE_OFFICER], 'BARESKRIM');
    await casework.user('kbri', [Role.LIAISON, Role.CASE_OFFICER], 'KBRI-PNH');
    await casework.user('bp2mi', [Role.LIAISON, Role.CASE_OFFICER], 'BP2MI');
    await casework.user('attache', [Role.ATTACHE], 'DITJEN-IMIGRASI');
    await casework.user('secretariat', [Role.SECRETARIAT], 'POLRI');
    await casework.user('outsider', [Role.LIAISON, Role.CASE_OFFICER, Role.SUPERVISOR, Role.ATTACHE], 'POLDA-NTB');
    const caseId = (
      await casework.ok<{ openCase: { id: string } }>(
        'police',
        'mutation ($input: OpenCaseInput!) { openCase(input: $input) { id } }',
        {
          input: {
            unitId: await casework.unitId('GTPP-NAS'),
            destinationCountries: ['KH'],
            exploitationTypes: ['FORCED_CRIMINALITY'],
            intakeChannel: 'EMBASSY',
            reportedOn: '2026-02-10',
          },
        },
      )
    ).openCase.id;
    const group = await casework.registerGroup('police', {
      operationKey: `documents-${unique()}`,
      caseId,
      nationality: 'ID',
      rescuedOn: '2026-02-10',
      rescueCountry: 'KH',
      people: people(2, () => ({ originRegion: '53' })),
    });
    expect(group.errors).toBeUndefined();
    await casework.addParticipant('police', caseId, 'KBRI-PNH', 'CONSULAR_PROTECTION');
    await casework.addParticipant('police', caseId, 'BP2MI', 'LABOUR_MIGRATION_PROTECTION');
    const created = await new RepatriationApi(casework).create('kbri', {
      fromCountry: 'KH',
      route: 'Phnom Penh – Jakarta',
      sendingAgencyId: await casework.agencyId('KBRI-PNH'),
      receivingAgencyId: await casework.agencyId('BP2MI'),
      plannedDepartureOn: '2026-03-20',
      plannedArrivalOn: '2026-03-20',
      victimIds: group.data!.registerVictimGroup.victims.map((victim) => victim.id),
      // The immigration attaché's directorate carries the exit clearances with the Cambodian immigration.
      owners: [{ type: 'EXIT_CLEARANCE_GRANTED', agencyId: await casework.agencyId('DITJEN-IMIGRASI') }],
    });
    expect(created.errors).toBeUndefined();
    operation = created.data!.createRepatriationOperation;
  });
  afterAll(async () => {
    await api?.stop();
    await env?.drop();
  });

  it("a group step's papers are read by whoever sees the step; an outsider finds nothing", async () => {
    const escort = operation.milestones.find((m) => m.type === 'ESCORT_ASSIGNED' && !m.victimCode)!;
    const file = pdfFile();
    const uploaded = await upload('bp2mi', 'REPATRIATION_MILESTONE', escort.id, 'escort-letter.pdf', file);
    expect(uploaded.statusCode).toBe(201);
    const document = uploaded.json();

    const got = await download('bp2mi', document.id);
    expect(got.statusCode).toBe(200);
    expect(got.rawPayload.equals(file)).toBe(true);
    expect(await listed('bp2mi', 'REPATRIATION_MILESTONE', escort.id)).toEqual(['escort-letter.pdf']);
    // Whoever sees the step sees its papers: the operation's sides, an owner of another step and the secretariat.
    for (const reader of ['kbri', 'attache', 'secretariat']) {
      expect((await download(reader, document.id)).statusCode).toBe(200);
    }

    // The outsider gets exactly what a milestone or a document that does not exist gets, and stores nothing.
    const missing = randomUUID();
    expect((await download('outsider', document.id)).statusCode).toBe(404);
    expect(answer(await download('outsider', document.id))).toEqual(answer(await download('outsider', missing)));
    expect(await listed('outsider', 'REPATRIATION_MILESTONE', escort.id)).toBe('NOT_FOUND');
    expect(await listed('outsider', 'REPATRIATION_MILESTONE', missing)).toBe('NOT_FOUND');
    const hidden = await upload('outsider', 'REPATRIATION_MILESTONE', escort.id, 'a.pdf', pdfFile());
    const absent = await upload('outsider', 'REPATRIATION_MILESTONE', missing, 'a.pdf', pdfFile());
    expect(hidden.statusCode).toBe(404);
    expect(answer(hidden)).toEqual(answer(absent));
    expect((await api.dataSource.query('SELECT count(*)::int AS n FROM document'))[0].n).toBe(1);
  });

  it("a person's exit clearance names the person: only readers the identity is shown to reach it", async () => {
    const clearance = operation.milestones.find((m) => m.type === 'EXIT_CLEARANCE_GRANTED' && m.victimCode)!;
    expect(clearance.ownerAgency.code).toBe('DITJEN-IMIGRASI');
    // The police registered the person and see the identity: they file the clearance and read it back.
    const file = pdfFile();
    const uploaded = await upload('police', 'REPATRIATION_MILESTONE', clearance.id, 'exit-clearance.pdf', file);
    expect(uploaded.statusCode).toBe(201);
    const document = uploaded.json();
    const got = await download('police', document.id);
    expect(got.statusCode).toBe(200);
    expect(got.rawPayload.equals(file)).toBe(true);
    // The step's owner and the secretariat see the person by code only (no consent covers them): as if absent.
    const missing = randomUUID();
    for (const reader of ['attache', 'secretariat']) {
      expect((await download(reader, document.id)).statusCode).toBe(404);
      expect(answer(await download(reader, document.id))).toEqual(answer(await download(reader, missing)));
      expect(await listed(reader, 'REPATRIATION_MILESTONE', clearance.id)).toBe('NOT_FOUND');
    }
  });

  it("an operation's papers are read by those who see the operation, a milestone owner among them", async () => {
    const uploaded = await upload('kbri', 'REPATRIATION_OPERATION', operation.id, 'manifest.pdf', pdfFile());
    expect(uploaded.statusCode).toBe(201);
    const document = uploaded.json();
    for (const reader of ['bp2mi', 'attache', 'police', 'secretariat']) {
      expect((await download(reader, document.id)).statusCode).toBe(200);
    }
    expect(await listed('attache', 'REPATRIATION_OPERATION', operation.id)).toEqual(['manifest.pdf']);
    expect((await download('outsider', document.id)).statusCode).toBe(404);
    expect(await listed('outsider', 'REPATRIATION_OPERATION', operation.id)).toBe('NOT_FOUND');
    expect((await upload('outsider', 'REPATRIATION_OPERATION', operation.id, 'a.pdf', pdfFile())).statusCode).toBe(404);
  });
});
