import { randomBytes } from 'node:crypto';

import { Role } from '@app/kernel/role.enum';
import { jpegFile, pdfFile } from '@libs/testing/document-files';
import { TEST_PASSWORD } from '@libs/testing/factories';

import { DocumentJson, DocumentsWorld } from './support/documents-world';

/**
 * Who reaches documents (issue 18, item 5): exactly those who may see the parent record, a person's and a suspect's
 * only those who may see the identity, for every parent kind; and the web console's cookie session on the two
 * routes (a link it follows, an upload with the CSRF token).
 */
describe('documents: access', () => {
  let w: DocumentsWorld;

  beforeAll(async () => {
    w = await DocumentsWorld.start();
  });
  afterAll(() => w?.stop());

  describe("a person's documents carry the person's identity protection", () => {
    let document: DocumentJson;

    beforeAll(async () => {
      const consent = (recipient: string) =>
        w.ok(
          'mutation ($input: RecordConsentInput!) { recordConsent(input: $input) { id } }',
          {
            victimId: w.victimId,
            recipientAgencyId: w.id[recipient],
            purpose: 'SERVICE_REFERRAL',
            method: 'WRITTEN_SIGNED',
          },
          'imigrasi',
        );
      await consent('KEMENSOS');
      await consent('HOSPITAL');
      await w.ok(
        'mutation ($input: ProposeReferralInput!) { proposeReferral(input: $input) { id } }',
        { victimId: w.victimId, recipientAgencyId: w.id.HOSPITAL, service: 'MEDICAL', urgency: 'NORMAL' },
        'imigrasi',
      );
      const response = await w.upload(
        'imigrasi',
        { parentKind: 'VICTIM', parentId: w.victimId, kind: 'TRAVEL_DOCUMENT' },
        { name: 'paspor.jpg', content: jpegFile() },
      );
      expect(response.statusCode).toBe(201);
      document = response.json();
    });

    const identityOf = async (as: string) =>
      (
        await w.sut.gql<{ victim: { code: string; identity: { fullName: string } | null } | null }>(
          'query ($id: ID!) { victim(id: $id) { code identity { fullName } } }',
          { id: w.victimId },
          w.token[as],
        )
      ).data?.victim ?? null;

    it('are listed and downloaded by the readers the identity is shown to (owner, provider with an open referral)', async () => {
      for (const reader of ['imigrasi', 'hospital']) {
        expect((await identityOf(reader))?.identity).toEqual({ fullName: 'Yuliana Permata Sari' });
        expect((await w.listOf('VICTIM', w.victimId, reader)).data!.documents.totalCount).toBe(1);
        expect((await w.download(reader, document.id)).statusCode).toBe(200);
      }
    });

    it('are not found for those who see the person by code only, nor for outsiders', async () => {
      for (const reader of ['secretariat', 'kemensos', 'outsider']) {
        const listed = await w.listOf('VICTIM', w.victimId, reader);
        expect(listed.errors![0].extensions).toMatchObject({ code: 'NOT_FOUND' });
        expect((await w.download(reader, document.id)).statusCode).toBe(404);
        expect(
          (
            await w.upload(
              reader,
              { parentKind: 'VICTIM', parentId: w.victimId, kind: 'LETTER' },
              { name: 'a.pdf', content: pdfFile() },
            )
          ).statusCode,
        ).toBe(404);
      }
      // The code-only readers do see the person: it is the identity, not the record, that the documents follow.
      expect(await identityOf('secretariat')).toMatchObject({ identity: null });
      expect(await identityOf('kemensos')).toMatchObject({ identity: null });
    });

    it('close again when the consent behind the access is revoked', async () => {
      const consentId = (
        await w.sut.dataSource.query(
          'SELECT id FROM consent WHERE victim_id = $1 AND recipient_agency_id = $2 AND revoked_at IS NULL',
          [w.victimId, w.id.HOSPITAL],
        )
      )[0].id;
      await w.ok(
        'mutation ($input: RevokeConsentInput!) { revokeConsent(input: $input) { id } }',
        { id: consentId, reason: 'The person withdrew consent in writing.' },
        'imigrasi',
      );
      expect((await w.download('hospital', document.id)).statusCode).toBe(404);
      expect((await w.listOf('VICTIM', w.victimId, 'hospital')).errors![0].extensions).toMatchObject({
        code: 'NOT_FOUND',
      });
    });
  });

  describe('every parent kind follows its own record', () => {
    it('tasks, referrals, cross-border requests and suspects: their parties attach and read, outsiders get NOT_FOUND', async () => {
      const kemensosLiaison = await w.factories.user([Role.LIAISON], { agencyId: w.id.KEMENSOS });
      w.token.kemensosLiaison = await w.sut.login(kemensosLiaison.email, TEST_PASSWORD);
      const polri = await w.factories.user([Role.CASE_OFFICER], { agencyId: w.id.POLRI });
      w.token.polri = await w.sut.login(polri.email, TEST_PASSWORD);
      const task = await w.ok<{ createTask: { id: string } }>(
        'mutation ($input: CreateTaskInput!) { createTask(input: $input) { id } }',
        {
          assigneeAgencyId: w.id.KEMENSOS,
          title: 'Prepare shelter places for returnees',
          pillar: 'PROTECTION',
          duty: 'VICTIM_MONITORING',
          due: { workingDays: 5 },
        },
        'imigrasi',
      );
      const person = await w.ok<{ registerVictim: { id: string } }>(
        'mutation ($input: RegisterVictimInput!) { registerVictim(input: $input) { id } }',
        {
          identity: { fullName: 'Rina Wulandari', passportNumber: `E${randomBytes(4).toString('hex')}` },
          sex: 'FEMALE',
          ageBand: 'ADULT_18_24',
          nationality: 'ID',
        },
        'imigrasi',
      );
      await w.ok(
        'mutation ($input: RecordConsentInput!) { recordConsent(input: $input) { id } }',
        {
          victimId: person.registerVictim.id,
          recipientAgencyId: w.id.HOSPITAL,
          purpose: 'SERVICE_REFERRAL',
          method: 'WRITTEN_SIGNED',
        },
        'imigrasi',
      );
      const referral = await w.ok<{ proposeReferral: { id: string } }>(
        'mutation ($input: ProposeReferralInput!) { proposeReferral(input: $input) { id } }',
        { victimId: person.registerVictim.id, recipientAgencyId: w.id.HOSPITAL, service: 'MEDICAL', urgency: 'NORMAL' },
        'imigrasi',
      );
      const referralId = referral.proposeReferral.id;
      const polriCase = await w.ok<{ openCase: { id: string } }>(
        'mutation ($input: OpenCaseInput!) { openCase(input: $input) { id } }',
        {
          exploitationTypes: ['FORCED_CRIMINALITY'],
          intakeChannel: 'POLICE',
          leadRole: 'INVESTIGATION',
          unitId: (await w.sut.dataSource.query(`SELECT id FROM task_force_unit WHERE code = 'GTPP-NAS'`))[0].id,
        },
        'polri',
      );
      const suspect = await w.ok<{ recordSuspect: { id: string } }>(
        'mutation ($input: RecordSuspectInput!) { recordSuspect(input: $input) { id } }',
        { caseId: polriCase.openCase.id, identity: { fullName: 'Tersangka Uji' }, roleInChain: 'RECRUITER' },
        'polri',
      );
      const counterpart = (await w.sut.dataSource.query(`SELECT id FROM agency WHERE code = 'KH-GDI'`))[0].id;
      const attache = await w.factories.user([Role.ATTACHE], { agencyId: w.id['DITJEN-IMIGRASI'] });
      w.token.attache = await w.sut.login(attache.email, TEST_PASSWORD);
      const gdi = await w.factories.user([Role.COUNTERPART], { agencyId: counterpart });
      w.token.gdi = await w.sut.login(gdi.email, TEST_PASSWORD);
      const request = await w.factories.crossBorderRequest(
        {
          userId: attache.id,
          agencyId: attache.agencyId,
          roles: attache.roles,
          locale: attache.locale,
          timeZone: attache.timeZone,
        },
        { counterpartAgencyId: counterpart, onBehalfOfAgencyId: w.id['DITJEN-IMIGRASI'] },
      );

      const cases: [string, string, string, string][] = [
        ['TASK', task.createTask.id, 'imigrasi', 'kemensosLiaison'],
        ['REFERRAL', referralId, 'imigrasi', 'hospital'],
        ['CROSS_BORDER_REQUEST', request.id, 'attache', 'gdi'],
        ['SUSPECT', suspect.recordSuspect.id, 'polri', 'polri'],
      ];
      for (const [kind, parentId, uploader, reader] of cases) {
        const attached = await w.attachLetter(kind, parentId, uploader);
        expect((await w.download(reader, attached.id)).statusCode).toBe(200);
        expect((await w.listOf(kind, parentId, reader)).data?.documents.totalCount).toBe(1);
        expect((await w.download('outsider', attached.id)).statusCode).toBe(404);
        expect((await w.listOf(kind, parentId, 'outsider')).errors![0].extensions).toMatchObject({ code: 'NOT_FOUND' });
      }
      // A suspect's papers follow the suspect's identity: the secretariat sees the suspect by code, not the papers.
      const seen = await w.sut.gql<{ suspect: { id: string } | null }>(
        'query ($id: ID!) { suspect(id: $id) { id } }',
        { id: suspect.recordSuspect.id },
        w.token.secretariat,
      );
      expect(seen.data?.suspect).toEqual({ id: suspect.recordSuspect.id });
      expect((await w.listOf('SUSPECT', suspect.recordSuspect.id, 'secretariat')).errors![0].extensions).toMatchObject({
        code: 'NOT_FOUND',
      });
    });
  });

  describe("the web console's session", () => {
    const signIn = async (as: string) => {
      const user = await w.factories.user([Role.LIAISON], { agencyId: w.id['DITJEN-IMIGRASI'] });
      const response = await w.sut.app.inject({
        method: 'POST',
        url: '/auth/session',
        headers: { 'content-type': 'application/json' },
        payload: { email: user.email, password: TEST_PASSWORD },
      });
      expect(response.statusCode).toBe(200);
      const header = response.headers['set-cookie'];
      const cookie = (Array.isArray(header) ? header : [String(header)])
        .find((line) => line.startsWith('simpul_session='))!
        .split(';')[0];
      w.token[as] = '';
      return { cookie, csrf: response.json().csrfToken as string };
    };

    it('downloads through a link with the cookie, but not when another site opens the link', async () => {
      const session = await signIn('browser');
      const attached = await w.attachLetter('CASE', w.caseId, 'imigrasi');
      const followed = await w.download('', attached.id, w.sut, {
        cookie: session.cookie,
        'sec-fetch-site': 'same-origin',
      });
      expect(followed.statusCode).toBe(200);
      expect(followed.headers['content-disposition']).toMatch(/^attachment;/);
      const crossSite = await w.download('', attached.id, w.sut, {
        cookie: session.cookie,
        'sec-fetch-site': 'cross-site',
      });
      expect(crossSite.statusCode).toBe(401);
    });

    it('uploads with the cookie only with the CSRF token', async () => {
      const session = await signIn('browser');
      const before = await w.documentCount();
      const fields = { parentKind: 'CASE', parentId: w.caseId, kind: 'LETTER' };
      const forged = await w.upload({ cookie: session.cookie }, fields, { name: 'a.pdf', content: pdfFile() });
      expect(forged.statusCode).toBe(401);
      expect(await w.documentCount()).toBe(before);
      const genuine = await w.upload(session, fields, { name: 'a.pdf', content: pdfFile() });
      expect(genuine.statusCode).toBe(201);
    });
  });
});
