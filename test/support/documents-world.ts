import { randomBytes } from 'node:crypto';

import { Role } from '@app/kernel/role.enum';
import { AgencyCapability, AgencyType } from '@app/modules/agencies/agency.enums';
import { multipartForm, pdfFile } from '@libs/testing/document-files';
import { Factories, TEST_PASSWORD } from '@libs/testing/factories';
import { TestApp } from '@libs/testing/test-app';

export interface DocumentJson {
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

export interface UploadFile {
  name: string;
  content: Buffer;
  type?: string;
  field?: string;
}

const DOCUMENTS = `query ($kind: DocumentParentKind!, $id: ID!) {
  documents(parentKind: $kind, parentId: $id) { totalCount edges { node { id fileName kind contentType sizeBytes } } }
}`;

/**
 * The cast of the documents suites, on a running API: an Immigration liaison who owns a case and a person in it
 * (Yuliana), Social Affairs (consent, no referral: code only), a hospital (consent and, later, a referral), the
 * national secretariat (POLRI: codes only), an outsider agency and an auditor; and the HTTP and GraphQL calls the
 * suites make as any of them.
 */
export class DocumentsWorld {
  readonly token: Record<string, string> = {};
  readonly id: Record<string, string> = {};
  caseId = '';
  victimId = '';

  private constructor(
    readonly sut: TestApp,
    readonly factories: Factories,
    readonly logs: string[],
  ) {}

  static async start(): Promise<DocumentsWorld> {
    const logs: string[] = [];
    const sut = await TestApp.start({}, { logs: (line) => logs.push(line) });
    const world = new DocumentsWorld(sut, new Factories(sut), logs);
    await world.setUp();
    return world;
  }

  stop(): Promise<void> {
    return this.sut.stop();
  }

  private async setUp(): Promise<void> {
    const { id } = this;
    for (const code of ['DITJEN-IMIGRASI', 'KEMENSOS', 'POLRI']) {
      id[code] = (await this.sut.dataSource.query('SELECT id FROM agency WHERE code = $1', [code]))[0].id;
    }
    id.HOSPITAL = (
      await this.factories.agency({ type: AgencyType.SERVICE_PROVIDER, capabilities: [AgencyCapability.MEDICAL] })
    ).id;
    id.OUTSIDER = (await this.factories.agency()).id;
    await this.user('imigrasi', [Role.LIAISON], 'DITJEN-IMIGRASI');
    await this.user('kemensos', [Role.CASE_OFFICER], 'KEMENSOS');
    await this.user('hospital', [Role.CASE_OFFICER], 'HOSPITAL');
    await this.user('outsider', [Role.LIAISON, Role.SUPERVISOR], 'OUTSIDER');
    await this.user('secretariat', [Role.SECRETARIAT], 'POLRI');
    await this.user('auditor', [Role.AUDITOR], 'OUTSIDER');

    this.caseId = (
      await this.ok<{ openCase: { id: string } }>(
        'mutation ($input: OpenCaseInput!) { openCase(input: $input) { id } }',
        { exploitationTypes: ['FORCED_CRIMINALITY'], intakeChannel: 'EMBASSY', unitId: await this.nationalUnit() },
        'imigrasi',
      )
    ).openCase.id;
    this.victimId = (
      await this.ok<{ registerVictim: { id: string } }>(
        'mutation ($input: RegisterVictimInput!) { registerVictim(input: $input) { id } }',
        {
          identity: { fullName: 'Yuliana Permata Sari', passportNumber: `E${randomBytes(4).toString('hex')}` },
          sex: 'FEMALE',
          ageBand: 'ADULT_25_34',
          nationality: 'ID',
          caseId: this.caseId,
        },
        'imigrasi',
      )
    ).registerVictim.id;
  }

  /** A user named `name` of the agency `agency` (a key of `id`), logged in. */
  async user(name: string, roles: Role[], agency: string): Promise<void> {
    const created = await this.factories.user(roles, { agencyId: this.id[agency] });
    this.id[name] = created.id;
    this.token[name] = await this.sut.login(created.email, TEST_PASSWORD);
  }

  async nationalUnit(): Promise<string> {
    return (await this.sut.dataSource.query(`SELECT id FROM task_force_unit WHERE code = 'GTPP-NAS'`))[0].id;
  }

  /** A mutation with `input` as `as`, which must succeed. */
  async ok<T>(document: string, input: Record<string, unknown>, as: string): Promise<T> {
    const result = await this.sut.gql<T>(document, { input }, this.token[as]);
    expect(result.errors).toBeUndefined();
    return result.data!;
  }

  /** POST /documents as a named user (bearer) or a browser session (cookie, with or without its CSRF token). */
  upload(
    as: string | { cookie: string; csrf?: string },
    fields: Record<string, string>,
    file?: UploadFile,
    app: TestApp = this.sut,
  ) {
    const form = multipartForm(fields, file);
    const auth =
      typeof as === 'string'
        ? { authorization: `Bearer ${this.token[as]}` }
        : { cookie: as.cookie, ...(as.csrf ? { 'x-csrf-token': as.csrf } : {}) };
    return app.app.inject({
      method: 'POST',
      url: '/documents',
      headers: { ...auth, 'content-type': form.contentType },
      payload: form.payload,
    });
  }

  /** GET /documents/<id> as a named user ('' for no bearer token), with extra headers. */
  download(as: string, documentId: string, app: TestApp = this.sut, headers: Record<string, string> = {}) {
    return app.app.inject({
      method: 'GET',
      url: `/documents/${documentId}`,
      headers: { ...(as ? { authorization: `Bearer ${this.token[as]}` } : {}), ...headers },
    });
  }

  listOf(kind: string, parentId: string, as: string) {
    return this.sut.gql<{ documents: { totalCount: number; edges: { node: DocumentJson }[] } }>(
      DOCUMENTS,
      { kind, id: parentId },
      this.token[as],
    );
  }

  async documentCount(): Promise<number> {
    return (await this.sut.dataSource.query('SELECT count(*)::int AS n FROM document'))[0].n;
  }

  /** Who downloaded the document, one entry per download, in order. */
  async downloadsAudited(documentId: string): Promise<string[]> {
    return (
      await this.sut.dataSource.query(
        `SELECT actor_user_id FROM audit_entry WHERE operation = 'downloadDocument' AND target_id = $1
          ORDER BY occurred_at`,
        [documentId],
      )
    ).map((row: { actor_user_id: string }) => row.actor_user_id);
  }

  /** A letter (surat.pdf) attached by `as`, which must be accepted. */
  async attachLetter(parentKind: string, parentId: string, as: string): Promise<DocumentJson> {
    const response = await this.upload(
      as,
      { parentKind, parentId, kind: 'LETTER' },
      { name: 'surat.pdf', content: pdfFile(), type: 'application/pdf' },
    );
    expect(response.statusCode).toBe(201);
    return response.json();
  }
}
