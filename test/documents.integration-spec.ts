import { randomBytes } from 'node:crypto';

import { keyId } from '@libs/crypto';
import { loadConfig } from '@app/config/load-config';
import { rotateDocumentKeys } from '@app/modules/documents/rotate-document-keys';
import { docxFile, jpegFile, pdfFile, pngFile, xlsFile } from '@libs/testing/document-files';
import { TestApp } from '@libs/testing/test-app';
import { TEST_PII_KEY } from '@libs/testing/test-environment';

import { DocumentJson, DocumentsWorld } from './support/documents-world';

/**
 * Documents attached to records (issue 18, item 5), through the real HTTP routes and GraphQL against PostgreSQL:
 * sealed at rest, recognised by content, limited in size, downloaded as attachments with each download audited,
 * NOT_FOUND for outsiders, re-sealed by a key rotation. Who else may reach them: documents-access.integration-spec.ts.
 */
describe('documents', () => {
  let w: DocumentsWorld;

  /** A distinctive text inside the test PDF: it must never appear in the database, the logs or the audit trail. */
  const MARKER = `Surat rahasia ${randomBytes(6).toString('hex')}`;
  const FILE_NAME = `Surat Wawancara Yuliana ${randomBytes(3).toString('hex')}.pdf`;

  beforeAll(async () => {
    w = await DocumentsWorld.start();
  });
  afterAll(() => w?.stop());

  describe('storing and serving a file', () => {
    let stored: DocumentJson;
    const file = pdfFile(MARKER);

    beforeAll(async () => {
      const response = await w.upload(
        'imigrasi',
        { parentKind: 'CASE', parentId: w.caseId, kind: 'INTERVIEW_REPORT' },
        { name: FILE_NAME, content: file, type: 'application/pdf' },
      );
      expect(response.statusCode).toBe(201);
      stored = response.json();
    });

    it('answers the upload with the metadata, and lists it on the case', async () => {
      expect(stored).toMatchObject({
        parentKind: 'CASE',
        parentId: w.caseId,
        kind: 'INTERVIEW_REPORT',
        fileName: FILE_NAME,
        contentType: 'application/pdf',
        sizeBytes: file.length,
        uploadedByUserId: w.id.imigrasi,
        uploadedByAgencyId: w.id['DITJEN-IMIGRASI'],
        downloadPath: `/documents/${stored.id}`,
      });
      const listed = await w.listOf('CASE', w.caseId, 'imigrasi');
      expect(listed.errors).toBeUndefined();
      expect(listed.data!.documents.edges.map((edge) => edge.node)).toContainEqual({
        id: stored.id,
        fileName: FILE_NAME,
        kind: 'INTERVIEW_REPORT',
        contentType: 'application/pdf',
        sizeBytes: file.length,
      });
      const one = await w.sut.gql<{ document: { fileName: string; uploadedByAgency: { code: string } } }>(
        'query ($id: ID!) { document(id: $id) { fileName uploadedByAgency { code } } }',
        { id: stored.id },
        w.token.imigrasi,
      );
      expect(one.data).toEqual({ document: { fileName: FILE_NAME, uploadedByAgency: { code: 'DITJEN-IMIGRASI' } } });
    });

    it('stores the file and its name sealed with the personal-data key: the stored bytes are not the file', async () => {
      const [row] = await w.sut.dataSource.query(
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
      const [{ n }] = await w.sut.dataSource.query(
        `SELECT count(*)::int AS n FROM audit_entry WHERE changes::text LIKE $1 OR changes::text LIKE $2`,
        [`%${MARKER}%`, '%Yuliana%'],
      );
      expect(n).toBe(0);
      expect(w.logs.filter((line) => line.includes(MARKER) || line.includes('Surat Wawancara'))).toEqual([]);
    });

    it('serves the file as an attachment with nosniff, byte for byte, and audits every download', async () => {
      const first = await w.download('imigrasi', stored.id);
      expect(first.statusCode).toBe(200);
      expect(first.rawPayload.equals(file)).toBe(true);
      expect(first.headers['content-type']).toBe('application/pdf');
      expect(first.headers['x-content-type-options']).toBe('nosniff');
      expect(first.headers['content-disposition']).toBe(
        `attachment; filename="${FILE_NAME}"; filename*=UTF-8''${encodeURIComponent(FILE_NAME)}`,
      );
      expect(first.headers['cache-control']).toBe('private, no-store');
      expect(first.headers['content-security-policy']).toContain('sandbox');
      expect(await w.downloadsAudited(stored.id)).toEqual([w.id.imigrasi]);

      expect((await w.download('imigrasi', stored.id)).statusCode).toBe(200);
      expect(await w.downloadsAudited(stored.id)).toEqual([w.id.imigrasi, w.id.imigrasi]);
      const [entry] = await w.sut.dataSource.query(
        `SELECT acting_agency_id, changes FROM audit_entry WHERE operation = 'downloadDocument' AND target_id = $1 LIMIT 1`,
        [stored.id],
      );
      expect(entry.acting_agency_id).toBe(w.id['DITJEN-IMIGRASI']);
      expect(entry.changes.parent.after).toBe(`CASE ${w.caseId}`);
    });

    it('answers an outsider exactly as for a document or a case that does not exist, and audits nothing', async () => {
      const missing = '00000000-0000-4000-8000-000000000000';
      const denied = await w.download('outsider', stored.id);
      const absent = await w.download('outsider', missing);
      expect(denied.statusCode).toBe(404);
      expect(denied.json()).toEqual({ ...absent.json(), message: absent.json().message.replace(missing, stored.id) });
      expect((await w.download('auditor', stored.id)).statusCode).toBe(404);
      expect(await w.downloadsAudited(stored.id)).toEqual([w.id.imigrasi, w.id.imigrasi]);

      const listed = await w.listOf('CASE', w.caseId, 'outsider');
      const nothing = await w.listOf('CASE', missing, 'outsider');
      expect(listed.errors![0].extensions).toMatchObject({ code: 'NOT_FOUND' });
      expect(listed.errors![0].extensions).toEqual(nothing.errors![0].extensions);
      expect(listed.errors![0].message).toBe(nothing.errors![0].message.replace(missing, w.caseId));

      const one = await w.sut.gql(
        'query ($id: ID!) { document(id: $id) { fileName } }',
        { id: stored.id },
        w.token.outsider,
      );
      expect(one.errors![0].extensions).toMatchObject({ code: 'NOT_FOUND' });
      expect(JSON.stringify(one)).not.toContain('Surat');

      const before = await w.documentCount();
      const attach = await w.upload(
        'outsider',
        { parentKind: 'CASE', parentId: w.caseId, kind: 'LETTER' },
        { name: 'x.pdf', content: pdfFile() },
      );
      const attachAbsent = await w.upload(
        'outsider',
        { parentKind: 'CASE', parentId: missing, kind: 'LETTER' },
        { name: 'x.pdf', content: pdfFile() },
      );
      expect(attach.statusCode).toBe(404);
      expect(attach.json()).toEqual({
        ...attachAbsent.json(),
        message: attachAbsent.json().message.replace(missing, w.caseId),
      });
      expect(attach.json()).toMatchObject({ code: 'NOT_FOUND', field: 'parentId' });
      expect(await w.documentCount()).toBe(before);
    });

    it('refuses a download without authentication, and a non-id path as not found', async () => {
      expect((await w.download('', stored.id)).statusCode).toBe(401);
      expect((await w.download('imigrasi', 'not-an-id')).statusCode).toBe(404);
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
      const response = await w.upload(
        'imigrasi',
        { parentKind: 'CASE', parentId: w.caseId, kind: 'OTHER' },
        { name, content, type: 'application/pdf' },
      );
      expect(response.statusCode).toBe(201);
      expect(response.json()).toMatchObject({ contentType, fileName, sizeBytes: content.length });
      const served = await w.download('imigrasi', response.json().id);
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
      const before = await w.documentCount();
      const response = await w.upload('imigrasi', { parentKind: 'CASE', parentId: w.caseId, kind: 'LETTER' }, file);
      expect(response.statusCode).toBe(status);
      expect(response.json()).toMatchObject({ code: 'BAD_USER_INPUT', reason, field });
      expect(await w.documentCount()).toBe(before);
    });

    it.each([
      ['an unknown kind', { parentKind: 'CASE', kind: 'PASSPORT_SCAN' }, 'kind'],
      ['an unknown parent kind', { parentKind: 'MEETING', kind: 'LETTER' }, 'parentKind'],
      ['a parent id that is no id', { parentKind: 'CASE', kind: 'LETTER', parentId: 'case-1' }, 'parentId'],
      ['an unknown field', { parentKind: 'CASE', kind: 'LETTER', note: 'x' }, 'note'],
    ])('refuses %s, naming the field', async (_what, fields, field) => {
      const before = await w.documentCount();
      const response = await w.upload(
        'imigrasi',
        { parentId: w.caseId, ...fields },
        { name: 'a.pdf', content: pdfFile() },
      );
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(await w.documentCount()).toBe(before);
    });

    it('refuses a body that is not multipart', async () => {
      const response = await w.sut.app.inject({
        method: 'POST',
        url: '/documents',
        headers: { authorization: `Bearer ${w.token.imigrasi}`, 'content-type': 'application/json' },
        payload: { parentKind: 'CASE', parentId: w.caseId, kind: 'LETTER' },
      });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ reason: 'NOT_MULTIPART', field: 'file' });
    });

    it('limits the size (20 MB unless configured), naming the limit, and keeps nothing of a larger file', async () => {
      expect(w.sut.config.documents.maxUploadBytes).toBe(20 * 1024 * 1024);
      const small = await TestApp.start({ DOCUMENT_MAX_BYTES: '4096' });
      try {
        const padded = (size: number) => Buffer.concat([pdfFile(), Buffer.alloc(size - pdfFile().length, 0x20)]);
        const before = await w.documentCount();
        const tooLarge = await w.upload(
          'imigrasi',
          { parentKind: 'CASE', parentId: w.caseId, kind: 'LETTER' },
          { name: 'besar.pdf', content: padded(4097) },
          small,
        );
        expect(tooLarge.statusCode).toBe(400);
        expect(tooLarge.json()).toMatchObject({ reason: 'FILE_TOO_LARGE', field: 'file' });
        expect(tooLarge.json().message).toContain('4096 bytes');
        expect(await w.documentCount()).toBe(before);
        const atLimit = await w.upload(
          'imigrasi',
          { parentKind: 'CASE', parentId: w.caseId, kind: 'LETTER' },
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

  it('pii:rotate re-seals every document: new key id, new bytes, the same file under the new key alone', async () => {
    const attached = await w.attachLetter('CASE', w.caseId, 'imigrasi');
    const before = (await w.sut.dataSource.query('SELECT content_sealed FROM document WHERE id = $1', [attached.id]))[0]
      .content_sealed as Buffer;
    const original = (await w.download('imigrasi', attached.id)).rawPayload;
    const newKey = randomBytes(32).toString('base64');
    const rotating = loadConfig({
      DATABASE_URL: w.sut.config.databaseUrl,
      AUTH_TOKEN_SECRET: w.sut.config.auth.tokenSecret,
      PII_ENCRYPTION_KEY: newKey,
      PII_PREVIOUS_KEYS: TEST_PII_KEY,
    });
    const result = await rotateDocumentKeys(w.sut.dataSource, rotating, { batchSize: 3 });
    expect(result.rotated).toBe(await w.documentCount());
    expect(result.remaining).toBe(0);
    expect((await rotateDocumentKeys(w.sut.dataSource, rotating)).rotated).toBe(0);
    const [row] = await w.sut.dataSource.query('SELECT content_sealed, key_id FROM document WHERE id = $1', [
      attached.id,
    ]);
    expect(row.key_id).toBe(keyId(Buffer.from(newKey, 'base64')));
    expect((row.content_sealed as Buffer).equals(before)).toBe(false);

    const rotated = await TestApp.start({ PII_ENCRYPTION_KEY: newKey });
    try {
      const served = await rotated.app.inject({
        method: 'GET',
        url: `/documents/${attached.id}`,
        headers: { authorization: `Bearer ${w.token.imigrasi}` },
      });
      expect(served.statusCode).toBe(200);
      expect(served.rawPayload.equals(original)).toBe(true);
      expect(served.headers['content-disposition']).toContain('surat.pdf');
    } finally {
      await rotated.stop();
    }
  });
});
