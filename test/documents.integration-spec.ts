import { randomBytes } from 'node:crypto';

import { keyId } from '@libs/crypto';
import { Role } from '@app/kernel/role.enum';
import { AgencyCapability, AgencyType } from '@app/modules/agencies/agency.enums';
import { loadConfig } from '@app/config/load-config';
import { rotateDocumentKeys } from '@app/modules/documents/rotate-document-keys';
import { docxFile, jpegFile, multipartForm, pdfFile, pngFile, xlsFile } from '@libs/testing/document-files';
import { Factories, TEST_PASSWORD } from '@libs/testing/factories';
import { TestApp } from '@libs/testing/test-app';
import { TEST_PII_KEY } from '@libs/testing/test-environment';

interface DocumentJson {
  id: string;
  parentKind: string;
  parentId: string;
  kind: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  uploadedByUserId: string;
  uploadedByAgencyId: string;
  downloadPath: string;
}

const DOCUMENTS = `query ($kind: DocumentParentKind!, $id: ID!) {
  documents(parentKind: $kind, parentId: $id) { totalCount edges { node { id fileName kind contentType sizeBytes } } }
}`;

/**
 * Documents attached to records (issue 18, item 5), through the real HTTP routes and GraphQL against PostgreSQL:
 * sealed at rest, recognised by content, limited in size, downloaded as attachments with each download audited, and
 * reachable exactly with their parent (a person's only with the person's identity).
 */
describe('documents', () => {
  let sut: TestApp;
  let factories: Factories;
  const logs: string[] = [];
  const token: Record<string, string> = {};
  const id: Record<string, string> = {};
  let caseId: string;
  let victimId: string;

  /** A distinctive text inside the test PDF: it must never appear in the database, the logs or the audit trail. */
  const MARKER = `Surat rahasia ${randomBytes(6).toString('hex')}`;
  const FILE_NAME = `Surat Wawancara Yuliana ${randomBytes(3).toString('hex')}.pdf`;

  beforeAll(async () => {
    sut = await TestApp.start({}, { logs: (line) => logs.push(line) });
    factories = new Factories(sut);
    for (const code of ['DITJEN-IMIGRASI', 'KEMENSOS', 'POLRI']) {
      id[code] = (await sut.dataSource.query('SELECT id FROM agency WHERE code = $1', [code]))[0].id;
    }
    id.HOSPITAL = (
      await factories.agency({ type: AgencyType.SERVICE_PROVIDER, capabilities: [AgencyCapability.MEDICAL] })
    ).id;
    id.OUTSIDER = (await factories.agency()).id;
    const user = async (name: string, roles: Role[], agency: string) => {
      const created = await factories.user(roles, { agencyId: id[agency] });
      id[name] = created.id;
      token[name] = await sut.login(created.email, TEST_PASSWORD);
    };
    await user('imigrasi', [Role.LIAISON], 'DITJEN-IMIGRASI');
    await user('kemensos', [Role.CASE_OFFICER], 'KEMENSOS');
    await user('hospital', [Role.CASE_OFFICER], 'HOSPITAL');
    await user('outsider', [Role.LIAISON, Role.SUPERVISOR], 'OUTSIDER');
    await user('secretariat', [Role.SECRETARIAT], 'POLRI');
    await user('auditor', [Role.AUDITOR], 'OUTSIDER');

    caseId = (
      await ok<{ openCase: { id: string } }>(
        'mutation ($input: OpenCaseInput!) { openCase(input: $input) { id } }',
        {
          exploitationTypes: ['FORCED_CRIMINALITY'],
          intakeChannel: 'EMBASSY',
          unitId: (await sut.dataSource.query(`SELECT id FROM task_force_unit WHERE code = 'GTPP-NAS'`))[0].id,
        },
        'imigrasi',
      )
    ).openCase.id;
    victimId = (
      await ok<{ registerVictim: { id: string } }>(
        'mutation ($input: RegisterVictimInput!) { registerVictim(input: $input) { id } }',
        {
          identity: { fullName: 'Yuliana Permata Sari', passportNumber: `E${randomBytes(4).toString('hex')}` },
          sex: 'FEMALE',
          ageBand: 'ADULT_25_34',
          nationality: 'ID',
          caseId,
        },
        'imigrasi',
      )
    ).registerVictim.id;
  });
  afterAll(() => sut?.stop());

  async function ok<T>(document: string, input: Record<string, unknown>, as: string): Promise<T> {
    const result = await sut.gql<T>(document, { input }, token[as]);
    expect(result.errors).toBeUndefined();
    return result.data!;
  }

  const upload = (
    as: string | { cookie: string; csrf?: string },
    fields: Record<string, string>,
    file?: { name: string; content: Buffer; type?: string; field?: string },
    app: TestApp = sut,
  ) => {
    const form = multipartForm(fields, file);
    const auth =
      typeof as === 'string'
        ? { authorization: `Bearer ${token[as]}` }
        : { cookie: as.cookie, ...(as.csrf ? { 'x-csrf-token': as.csrf } : {}) };
    return app.app.inject({
      method: 'POST',
      url: '/documents',
      headers: { ...auth, 'content-type': form.contentType },
      payload: form.payload,
    });
  };
  const download = (as: string, documentId: string, app: TestApp = sut, headers: Record<string, string> = {}) =>
    app.app.inject({
      method: 'GET',
      url: `/documents/${documentId}`,
      headers: { ...(as ? { authorization: `Bearer ${token[as]}` } : {}), ...headers },
    });
  const listOf = (kind: string, parentId: string, as: string) =>
    sut.gql<{ documents: { totalCount: number; edges: { node: DocumentJson }[] } }>(
      DOCUMENTS,
      { kind, id: parentId },
      token[as],
    );
  const documentCount = async (): Promise<number> =>
    (await sut.dataSource.query('SELECT count(*)::int AS n FROM document'))[0].n;
  const downloadsAudited = async (documentId: string): Promise<string[]> =>
    (
      await sut.dataSource.query(
        `SELECT actor_user_id FROM audit_entry WHERE operation = 'downloadDocument' AND target_id = $1
          ORDER BY occurred_at`,
        [documentId],
      )
    ).map((row: { actor_user_id: string }) => row.actor_user_id);
  const attachLetter = async (parentKind: string, parentId: string, as: string): Promise<DocumentJson> => {
    const response = await upload(
      as,
      { parentKind, parentId, kind: 'LETTER' },
      { name: 'surat.pdf', content: pdfFile(), type: 'application/pdf' },
    );
    expect(response.statusCode).toBe(201);
    return response.json();
  };

  describe('storing and serving a file', () => {
    let stored: DocumentJson;
    const file = pdfFile(MARKER);

    beforeAll(async () => {
      const response = await upload(
        'imigrasi',
        { parentKind: 'CASE', parentId: caseId, kind: 'INTERVIEW_REPORT' },
        { name: FILE_NAME, content: file, type: 'application/pdf' },
      );
      expect(response.statusCode).toBe(201);
      stored = response.json();
    });

    it('answers the upload with the metadata, and lists it on the case', async () => {
      expect(stored).toMatchObject({
        parentKind: 'CASE',
        parentId: caseId,
        kind: 'INTERVIEW_REPORT',
        fileName: FILE_NAME,
        contentType: 'application/pdf',
        sizeBytes: file.length,
        uploadedByUserId: id.imigrasi,
        uploadedByAgencyId: id['DITJEN-IMIGRASI'],
        downloadPath: `/documents/${stored.id}`,
      });
      const listed = await listOf('CASE', caseId, 'imigrasi');
      expect(listed.errors).toBeUndefined();
      expect(listed.data!.documents.edges.map((edge) => edge.node)).toContainEqual({
        id: stored.id,
        fileName: FILE_NAME,
        kind: 'INTERVIEW_REPORT',
        contentType: 'application/pdf',
        sizeBytes: file.length,
      });
    });

    it('stores the file and its name sealed with the personal-data key: the stored bytes are not the file', async () => {
      const [row] = await sut.dataSource.query(
        'SELECT content_sealed, filename_sealed, key_id FROM document WHERE id = $1',
        [stored.id],
      );
      const sealed = row.content_sealed as Buffer;
      expect(sealed.length).toBeGreaterThan(file.length);
      expect(sealed.includes(file)).toBe(false);
      expect(sealed.includes(Buffer.from(MARKER))).toBe(false);
      expect(sealed.includes(Buffer.from('%PDF'))).toBe(false);
      expect(row.filename_sealed).not.toContain('Yuliana');
      expect(row.key_id).toBe(keyId(Buffer.from(TEST_PII_KEY, 'base64')));
      // Nowhere else either: not in the audit trail, not in any log line.
      const [{ n }] = await sut.dataSource.query(
        `SELECT count(*)::int AS n FROM audit_entry WHERE changes::text LIKE $1 OR changes::text LIKE $2`,
        [`%${MARKER}%`, '%Yuliana%'],
      );
      expect(n).toBe(0);
      expect(logs.filter((line) => line.includes(MARKER) || line.includes('Surat Wawancara'))).toEqual([]);
    });

    it('serves the file as an attachment with nosniff, byte for byte, and audits every download', async () => {
      const first = await download('imigrasi', stored.id);
      expect(first.statusCode).toBe(200);
      expect(first.rawPayload.equals(file)).toBe(true);
      expect(first.headers['content-type']).toBe('application/pdf');
      expect(first.headers['x-content-type-options']).toBe('nosniff');
      expect(first.headers['content-disposition']).toBe(
        `attachment; filename="${FILE_NAME}"; filename*=UTF-8''${encodeURIComponent(FILE_NAME)}`,
      );
      expect(first.headers['cache-control']).toBe('private, no-store');
      expect(first.headers['content-security-policy']).toContain('sandbox');
      expect(await downloadsAudited(stored.id)).toEqual([id.imigrasi]);

      expect((await download('imigrasi', stored.id)).statusCode).toBe(200);
      expect(await downloadsAudited(stored.id)).toEqual([id.imigrasi, id.imigrasi]);
      const [entry] = await sut.dataSource.query(
        `SELECT acting_agency_id, changes FROM audit_entry WHERE operation = 'downloadDocument' AND target_id = $1 LIMIT 1`,
        [stored.id],
      );
      expect(entry.acting_agency_id).toBe(id['DITJEN-IMIGRASI']);
      expect(entry.changes.parent.after).toBe(`CASE ${caseId}`);
    });

    it('answers an outsider exactly as for a document or a case that does not exist, and audits nothing', async () => {
      const missing = '00000000-0000-4000-8000-000000000000';
      const denied = await download('outsider', stored.id);
      const absent = await download('outsider', missing);
      expect(denied.statusCode).toBe(404);
      expect(denied.json()).toEqual({ ...absent.json(), message: absent.json().message.replace(missing, stored.id) });
      expect((await download('auditor', stored.id)).statusCode).toBe(404);
      expect(await downloadsAudited(stored.id)).toEqual([id.imigrasi, id.imigrasi]);

      const listed = await listOf('CASE', caseId, 'outsider');
      const nothing = await listOf('CASE', missing, 'outsider');
      expect(listed.errors![0].extensions).toMatchObject({ code: 'NOT_FOUND' });
      expect(listed.errors![0].extensions).toEqual(nothing.errors![0].extensions);
      expect(listed.errors![0].message).toBe(nothing.errors![0].message.replace(missing, caseId));

      const one = await sut.gql(
        'query ($id: ID!) { document(id: $id) { fileName } }',
        { id: stored.id },
        token.outsider,
      );
      expect(one.errors![0].extensions).toMatchObject({ code: 'NOT_FOUND' });
      expect(JSON.stringify(one)).not.toContain('Surat');

      const before = await documentCount();
      const attach = await upload(
        'outsider',
        { parentKind: 'CASE', parentId: caseId, kind: 'LETTER' },
        { name: 'x.pdf', content: pdfFile() },
      );
      const attachAbsent = await upload(
        'outsider',
        { parentKind: 'CASE', parentId: missing, kind: 'LETTER' },
        { name: 'x.pdf', content: pdfFile() },
      );
      expect(attach.statusCode).toBe(404);
      expect(attach.json()).toEqual({
        ...attachAbsent.json(),
        message: attachAbsent.json().message.replace(missing, caseId),
      });
      expect(attach.json()).toMatchObject({ code: 'NOT_FOUND', field: 'parentId' });
      expect(await documentCount()).toBe(before);
    });

    it('refuses a download without authentication, and a non-id path as not found', async () => {
      expect((await download('', stored.id)).statusCode).toBe(401);
      expect((await download('imigrasi', 'not-an-id')).statusCode).toBe(404);
    });
  });

  describe('what is accepted', () => {
    it.each([
      ['a PNG', 'foto.png', pngFile(), 'image/png', 'foto.png'],
      ['a JPEG', 'paspor.jpg', jpegFile(), 'image/jpeg', 'paspor.jpg'],
      [
        'a Word document',
        'laporan.docx',
        docxFile(),
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        'laporan.docx',
      ],
      ['a legacy Excel workbook', 'daftar.xls', xlsFile(), 'application/vnd.ms-excel', 'daftar.xls'],
      ['a PDF with an accented name', 'Surat Pénélope.pdf', pdfFile(), 'application/pdf', 'Surat Pénélope.pdf'],
      ['a PNG named as a PDF', 'scan.pdf', pngFile(), 'image/png', 'scan.pdf.png'],
      [
        'a PDF with a path and odd characters in its name',
        '..\\..\\C:\\tmp\\a:b<c>.pdf',
        pdfFile(),
        'application/pdf',
        'a_b_c_.pdf',
      ],
    ])('accepts %s, typed by its content and named safely', async (_what, name, content, contentType, fileName) => {
      const response = await upload(
        'imigrasi',
        { parentKind: 'CASE', parentId: caseId, kind: 'OTHER' },
        { name, content, type: 'application/pdf' },
      );
      expect(response.statusCode).toBe(201);
      expect(response.json()).toMatchObject({ contentType, fileName, sizeBytes: content.length });
      const served = await download('imigrasi', response.json().id);
      expect(served.headers['content-type']).toBe(contentType);
      expect(served.rawPayload.equals(content)).toBe(true);
    });

    const html = Buffer.from('<!doctype html><html><script>fetch("/graphql")</script></html>');
    it.each([
      [
        'HTML sent as a PDF',
        { name: 'surat.pdf', content: html, type: 'application/pdf' },
        400,
        'FILE_TYPE_REFUSED',
        'file',
      ],
      ['an empty file', { name: 'kosong.pdf', content: Buffer.alloc(0) }, 400, 'FILE_EMPTY', 'file'],
      ['no file at all', undefined, 400, 'FILE_MISSING', 'file'],
      [
        'a file in another part',
        { name: 'a.pdf', content: pdfFile(), field: 'attachment' },
        400,
        'INVALID_FIELD',
        'attachment',
      ],
    ])('refuses %s, naming the field, and stores nothing', async (_what, file, status, reason, field) => {
      const before = await documentCount();
      const response = await upload('imigrasi', { parentKind: 'CASE', parentId: caseId, kind: 'LETTER' }, file);
      expect(response.statusCode).toBe(status);
      expect(response.json()).toMatchObject({ code: 'BAD_USER_INPUT', reason, field });
      expect(await documentCount()).toBe(before);
    });

    it.each([
      ['an unknown kind', { parentKind: 'CASE', kind: 'PASSPORT_SCAN' }, 'kind'],
      ['an unknown parent kind', { parentKind: 'MEETING', kind: 'LETTER' }, 'parentKind'],
      ['a parent id that is no id', { parentKind: 'CASE', kind: 'LETTER', parentId: 'case-1' }, 'parentId'],
      ['an unknown field', { parentKind: 'CASE', kind: 'LETTER', note: 'x' }, 'note'],
    ])('refuses %s, naming the field', async (_what, fields, field) => {
      const before = await documentCount();
      const response = await upload('imigrasi', { parentId: caseId, ...fields }, { name: 'a.pdf', content: pdfFile() });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(await documentCount()).toBe(before);
    });

    it('refuses a body that is not multipart', async () => {
      const response = await sut.app.inject({
        method: 'POST',
        url: '/documents',
        headers: { authorization: `Bearer ${token.imigrasi}`, 'content-type': 'application/json' },
        payload: { parentKind: 'CASE', parentId: caseId, kind: 'LETTER' },
      });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ reason: 'NOT_MULTIPART', field: 'file' });
    });

    it('limits the size (20 MB unless configured), naming the limit, and keeps nothing of a larger file', async () => {
      expect(sut.config.documents.maxUploadBytes).toBe(20 * 1024 * 1024);
      const small = await TestApp.start({ DOCUMENT_MAX_BYTES: '4096' });
      try {
        const padded = (size: number) => Buffer.concat([pdfFile(), Buffer.alloc(size - pdfFile().length, 0x20)]);
        const before = await documentCount();
        const tooLarge = await upload(
          'imigrasi',
          { parentKind: 'CASE', parentId: caseId, kind: 'LETTER' },
          { name: 'besar.pdf', content: padded(4097) },
          small,
        );
        expect(tooLarge.statusCode).toBe(400);
        expect(tooLarge.json()).toMatchObject({ reason: 'FILE_TOO_LARGE', field: 'file' });
        expect(tooLarge.json().message).toContain('4096 bytes');
        expect(await documentCount()).toBe(before);
        const atLimit = await upload(
          'imigrasi',
          { parentKind: 'CASE', parentId: caseId, kind: 'LETTER' },
          { name: 'pas.pdf', content: padded(4096) },
          small,
        );
        expect(atLimit.statusCode).toBe(201);
        expect(atLimit.json().sizeBytes).toBe(4096);
      } finally {
        await small.stop();
      }
    });
  });

  describe("a person's documents carry the person's identity protection", () => {
    let document: DocumentJson;

    beforeAll(async () => {
      const consent = (recipient: string) =>
        ok(
          'mutation ($input: RecordConsentInput!) { recordConsent(input: $input) { id } }',
          { victimId, recipientAgencyId: id[recipient], purpose: 'SERVICE_REFERRAL', method: 'WRITTEN_SIGNED' },
          'imigrasi',
        );
      await consent('KEMENSOS');
      await consent('HOSPITAL');
      await ok(
        'mutation ($input: ProposeReferralInput!) { proposeReferral(input: $input) { id } }',
        { victimId, recipientAgencyId: id.HOSPITAL, service: 'MEDICAL', urgency: 'NORMAL' },
        'imigrasi',
      );
      const response = await upload(
        'imigrasi',
        { parentKind: 'VICTIM', parentId: victimId, kind: 'TRAVEL_DOCUMENT' },
        { name: 'paspor.jpg', content: jpegFile() },
      );
      expect(response.statusCode).toBe(201);
      document = response.json();
    });

    const identityOf = async (as: string) =>
      (
        await sut.gql<{ victim: { code: string; identity: { fullName: string } | null } | null }>(
          'query ($id: ID!) { victim(id: $id) { code identity { fullName } } }',
          { id: victimId },
          token[as],
        )
      ).data?.victim ?? null;

    it('are listed and downloaded by the readers the identity is shown to (owner, provider with an open referral)', async () => {
      for (const reader of ['imigrasi', 'hospital']) {
        expect((await identityOf(reader))?.identity).toEqual({ fullName: 'Yuliana Permata Sari' });
        expect((await listOf('VICTIM', victimId, reader)).data!.documents.totalCount).toBe(1);
        expect((await download(reader, document.id)).statusCode).toBe(200);
      }
    });

    it('are not found for those who see the person by code only, nor for outsiders', async () => {
      for (const reader of ['secretariat', 'kemensos', 'outsider']) {
        const listed = await listOf('VICTIM', victimId, reader);
        expect(listed.errors![0].extensions).toMatchObject({ code: 'NOT_FOUND' });
        expect((await download(reader, document.id)).statusCode).toBe(404);
        expect(
          (
            await upload(
              reader,
              { parentKind: 'VICTIM', parentId: victimId, kind: 'LETTER' },
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
        await sut.dataSource.query(
          'SELECT id FROM consent WHERE victim_id = $1 AND recipient_agency_id = $2 AND revoked_at IS NULL',
          [victimId, id.HOSPITAL],
        )
      )[0].id;
      await ok(
        'mutation ($input: RevokeConsentInput!) { revokeConsent(input: $input) { id } }',
        { id: consentId, reason: 'The person withdrew consent in writing.' },
        'imigrasi',
      );
      expect((await download('hospital', document.id)).statusCode).toBe(404);
      expect((await listOf('VICTIM', victimId, 'hospital')).errors![0].extensions).toMatchObject({ code: 'NOT_FOUND' });
    });
  });

  describe('every parent kind follows its own record', () => {
    it('tasks, referrals, cross-border requests and suspects: their parties attach and read, outsiders get NOT_FOUND', async () => {
      const kemensosLiaison = await factories.user([Role.LIAISON], { agencyId: id.KEMENSOS });
      token.kemensosLiaison = await sut.login(kemensosLiaison.email, TEST_PASSWORD);
      const polri = await factories.user([Role.CASE_OFFICER], { agencyId: id.POLRI });
      token.polri = await sut.login(polri.email, TEST_PASSWORD);
      const task = await ok<{ createTask: { id: string } }>(
        'mutation ($input: CreateTaskInput!) { createTask(input: $input) { id } }',
        {
          assigneeAgencyId: id.KEMENSOS,
          title: 'Prepare shelter places for returnees',
          pillar: 'PROTECTION',
          duty: 'VICTIM_MONITORING',
          due: { workingDays: 5 },
        },
        'imigrasi',
      );
      const person = await ok<{ registerVictim: { id: string } }>(
        'mutation ($input: RegisterVictimInput!) { registerVictim(input: $input) { id } }',
        {
          identity: { fullName: 'Rina Wulandari', passportNumber: `E${randomBytes(4).toString('hex')}` },
          sex: 'FEMALE',
          ageBand: 'ADULT_18_24',
          nationality: 'ID',
        },
        'imigrasi',
      );
      await ok(
        'mutation ($input: RecordConsentInput!) { recordConsent(input: $input) { id } }',
        {
          victimId: person.registerVictim.id,
          recipientAgencyId: id.HOSPITAL,
          purpose: 'SERVICE_REFERRAL',
          method: 'WRITTEN_SIGNED',
        },
        'imigrasi',
      );
      const referral = await ok<{ proposeReferral: { id: string } }>(
        'mutation ($input: ProposeReferralInput!) { proposeReferral(input: $input) { id } }',
        { victimId: person.registerVictim.id, recipientAgencyId: id.HOSPITAL, service: 'MEDICAL', urgency: 'NORMAL' },
        'imigrasi',
      );
      const referralId = referral.proposeReferral.id;
      const polriCase = await ok<{ openCase: { id: string } }>(
        'mutation ($input: OpenCaseInput!) { openCase(input: $input) { id } }',
        {
          exploitationTypes: ['FORCED_CRIMINALITY'],
          intakeChannel: 'POLICE',
          leadRole: 'INVESTIGATION',
          unitId: (await sut.dataSource.query(`SELECT id FROM task_force_unit WHERE code = 'GTPP-NAS'`))[0].id,
        },
        'polri',
      );
      const suspect = await ok<{ recordSuspect: { id: string } }>(
        'mutation ($input: RecordSuspectInput!) { recordSuspect(input: $input) { id } }',
        { caseId: polriCase.openCase.id, identity: { fullName: 'Tersangka Uji' }, roleInChain: 'RECRUITER' },
        'polri',
      );
      const counterpart = (await sut.dataSource.query(`SELECT id FROM agency WHERE code = 'KH-GDI'`))[0].id;
      const attache = await factories.user([Role.ATTACHE], { agencyId: id['DITJEN-IMIGRASI'] });
      token.attache = await sut.login(attache.email, TEST_PASSWORD);
      const gdi = await factories.user([Role.COUNTERPART], { agencyId: counterpart });
      token.gdi = await sut.login(gdi.email, TEST_PASSWORD);
      const request = await factories.crossBorderRequest(
        {
          userId: attache.id,
          agencyId: attache.agencyId,
          roles: attache.roles,
          locale: attache.locale,
          timeZone: attache.timeZone,
        },
        { counterpartAgencyId: counterpart, onBehalfOfAgencyId: id['DITJEN-IMIGRASI'] },
      );

      const cases: [string, string, string, string][] = [
        ['TASK', task.createTask.id, 'imigrasi', 'kemensosLiaison'],
        ['REFERRAL', referralId, 'imigrasi', 'hospital'],
        ['CROSS_BORDER_REQUEST', request.id, 'attache', 'gdi'],
        ['SUSPECT', suspect.recordSuspect.id, 'polri', 'polri'],
      ];
      for (const [kind, parentId, uploader, reader] of cases) {
        const attached = await attachLetter(kind, parentId, uploader);
        expect((await download(reader, attached.id)).statusCode).toBe(200);
        expect((await listOf(kind, parentId, reader)).data?.documents.totalCount).toBe(1);
        expect((await download('outsider', attached.id)).statusCode).toBe(404);
        expect((await listOf(kind, parentId, 'outsider')).errors![0].extensions).toMatchObject({ code: 'NOT_FOUND' });
      }
      // A suspect's papers follow the suspect's identity: the secretariat sees the suspect by code, not the papers.
      const seen = await sut.gql<{ suspect: { id: string } | null }>(
        'query ($id: ID!) { suspect(id: $id) { id } }',
        { id: suspect.recordSuspect.id },
        token.secretariat,
      );
      expect(seen.data?.suspect).toEqual({ id: suspect.recordSuspect.id });
      expect((await listOf('SUSPECT', suspect.recordSuspect.id, 'secretariat')).errors![0].extensions).toMatchObject({
        code: 'NOT_FOUND',
      });
    });
  });

  describe("the web console's session", () => {
    const signIn = async (as: string) => {
      const user = await factories.user([Role.LIAISON], { agencyId: id['DITJEN-IMIGRASI'] });
      const response = await sut.app.inject({
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
      token[as] = '';
      return { cookie, csrf: response.json().csrfToken as string };
    };

    it('downloads through a link with the cookie, but not when another site opens the link', async () => {
      const session = await signIn('browser');
      const attached = await attachLetter('CASE', caseId, 'imigrasi');
      const followed = await download('', attached.id, sut, {
        cookie: session.cookie,
        'sec-fetch-site': 'same-origin',
      });
      expect(followed.statusCode).toBe(200);
      expect(followed.headers['content-disposition']).toMatch(/^attachment;/);
      const crossSite = await download('', attached.id, sut, {
        cookie: session.cookie,
        'sec-fetch-site': 'cross-site',
      });
      expect(crossSite.statusCode).toBe(401);
    });

    it('uploads with the cookie only with the CSRF token', async () => {
      const session = await signIn('browser');
      const before = await documentCount();
      const fields = { parentKind: 'CASE', parentId: caseId, kind: 'LETTER' };
      const forged = await upload({ cookie: session.cookie }, fields, { name: 'a.pdf', content: pdfFile() });
      expect(forged.statusCode).toBe(401);
      expect(await documentCount()).toBe(before);
      const genuine = await upload(session, fields, { name: 'a.pdf', content: pdfFile() });
      expect(genuine.statusCode).toBe(201);
    });
  });

  it('pii:rotate re-seals every document: new key id, new bytes, the same file under the new key alone', async () => {
    const attached = await attachLetter('CASE', caseId, 'imigrasi');
    const before = (await sut.dataSource.query('SELECT content_sealed FROM document WHERE id = $1', [attached.id]))[0]
      .content_sealed as Buffer;
    const original = (await download('imigrasi', attached.id)).rawPayload;
    const newKey = randomBytes(32).toString('base64');
    const rotating = loadConfig({
      DATABASE_URL: sut.config.databaseUrl,
      AUTH_TOKEN_SECRET: sut.config.auth.tokenSecret,
      PII_ENCRYPTION_KEY: newKey,
      PII_PREVIOUS_KEYS: TEST_PII_KEY,
    });
    const result = await rotateDocumentKeys(sut.dataSource, rotating, { batchSize: 3 });
    expect(result.rotated).toBe(await documentCount());
    expect(result.remaining).toBe(0);
    expect((await rotateDocumentKeys(sut.dataSource, rotating)).rotated).toBe(0);
    const [row] = await sut.dataSource.query('SELECT content_sealed, key_id FROM document WHERE id = $1', [
      attached.id,
    ]);
    expect(row.key_id).toBe(keyId(Buffer.from(newKey, 'base64')));
    expect((row.content_sealed as Buffer).equals(before)).toBe(false);

    const rotated = await TestApp.start({ PII_ENCRYPTION_KEY: newKey });
    try {
      const served = await rotated.app.inject({
        method: 'GET',
        url: `/documents/${attached.id}`,
        headers: { authorization: `Bearer ${token.imigrasi}` },
      });
      expect(served.statusCode).toBe(200);
      expect(served.rawPayload.equals(original)).toBe(true);
      expect(served.headers['content-disposition']).toContain('surat.pdf');
    } finally {
      await rotated.stop();
    }
  });
});
