import { auditServer } from 'graphql-http';

import { Role } from '@app/kernel/role.enum';
import { Factories, TEST_PASSWORD, unique } from '@libs/testing/factories';
import { TestApp } from '@libs/testing/test-app';

interface Answer {
  statusCode: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: string;
  json: () => { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

/**
 * Audits from the GraphQL-over-HTTP reference implementation that this server answers differently on purpose.
 * 80D8 expects application/json when a request has no Accept header; the specification's rule since 1 January
 * 2025 (the "legacy watershed") is application/graphql-response+json, which is what Simpul answers.
 */
const DELIBERATE_DIVERGENCES = ['80D8'];

describe('the HTTP edge', () => {
  let sut: TestApp;
  let factories: Factories;

  beforeAll(async () => {
    sut = await TestApp.start();
    factories = new Factories(sut);
  });
  afterAll(() => sut.stop());

  const send = (options: {
    method?: 'GET' | 'POST' | 'PUT';
    url?: string;
    headers?: Record<string, string>;
    payload?: string | Buffer;
  }): Promise<Answer> =>
    sut.app.inject({
      method: options.method ?? 'POST',
      url: options.url ?? '/graphql',
      headers: options.headers,
      payload: options.payload,
    }) as unknown as Promise<Answer>;

  const agencyCount = async (code: string): Promise<number> =>
    (await sut.dataSource.query('SELECT count(*)::int AS n FROM agency WHERE code = $1', [code]))[0].n;

  it('passes every MUST of the GraphQL-over-HTTP audit, and every SHOULD but the documented ones', async () => {
    const fetchFn = async (
      url: string,
      init: { method?: string; headers?: Record<string, string>; body?: string } = {},
    ) => {
      const target = new URL(url);
      const answer = await send({
        method: (init.method ?? 'GET') as 'GET' | 'POST',
        url: target.pathname + target.search,
        headers: init.headers,
        payload: init.body,
      });
      const headers = new Headers();
      for (const [name, value] of Object.entries(answer.headers)) {
        if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : String(value));
      }
      return new Response(answer.body, { status: answer.statusCode, headers });
    };
    const results = await auditServer({ url: 'http://localhost/graphql', fetchFn });

    const failed = (requirement: 'MUST' | 'SHOULD') =>
      results.filter((result) => result.name.startsWith(requirement) && result.status !== 'ok');
    expect(results.length).toBeGreaterThan(40);
    expect(failed('MUST').map((result) => `${result.id} ${result.name}`)).toEqual([]);
    expect(failed('SHOULD').map((result) => result.id)).toEqual(DELIBERATE_DIVERGENCES);
  });

  it('labels answers with the negotiated media type and picks status codes by it', async () => {
    const invalid = JSON.stringify({ query: '{ noSuchField }' });
    const modern = await send({
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      payload: invalid,
    });
    expect(modern.statusCode).toBe(400);
    expect(modern.headers['content-type']).toBe('application/graphql-response+json; charset=utf-8');
    expect(modern.json()).not.toHaveProperty('data');

    const legacy = await send({
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      payload: invalid,
    });
    expect(legacy.statusCode).toBe(200);
    expect(legacy.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(legacy.json().errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');

    const unacceptable = await send({
      headers: { 'content-type': 'application/json', accept: 'text/csv' },
      payload: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(unacceptable.statusCode).toBe(406);
    expect(unacceptable.json().errors?.[0].extensions).toMatchObject({ code: 'BAD_REQUEST', reason: 'NOT_ACCEPTABLE' });
  });

  it('answers an oversized body 413, never as an internal error', async () => {
    const answer = await send({
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ query: '{ __typename }', padding: 'x'.repeat(sut.config.http.maxBodyBytes) }),
    });
    expect(answer.statusCode).toBe(413);
    expect(answer.json().errors?.[0]).toMatchObject({
      message: expect.stringContaining(`${sut.config.http.maxBodyBytes} bytes`),
      extensions: { code: 'BAD_REQUEST', reason: 'BODY_TOO_LARGE' },
    });
  });

  it('executes mutations only from a POST with a JSON body', async () => {
    const admin = await factories.user([Role.ADMINISTRATOR]);
    const token = await sut.login(admin.email, TEST_PASSWORD);
    const code = `EDGE-${unique()}`;
    const mutation = `mutation { createAgency(input: { code: "${code}", nameId: "Uji", nameEn: "Test", acronym: "T",
      type: NGO, country: "ID", timeZone: "Asia/Jakarta" }) { id } }`;
    const auth = { authorization: `Bearer ${token}` };

    const form = await send({
      headers: { ...auth, 'content-type': 'application/x-www-form-urlencoded' },
      payload: `query=${encodeURIComponent(mutation)}`,
    });
    const multipart = await send({
      headers: { ...auth, 'content-type': 'multipart/form-data; boundary=b' },
      payload: `--b\r\nContent-Disposition: form-data; name="query"\r\n\r\n${mutation}\r\n--b--\r\n`,
    });
    const plain = await send({
      headers: { ...auth, 'content-type': 'text/plain' },
      payload: JSON.stringify({ query: mutation }),
    });
    const graphqlBody = await send({ headers: { ...auth, 'content-type': 'application/graphql' }, payload: mutation });
    const untyped = await send({ headers: auth, payload: JSON.stringify({ query: mutation }) });
    for (const answer of [form, multipart, plain, graphqlBody, untyped]) {
      expect(answer.statusCode).toBe(415);
      expect(answer.json().errors?.[0].extensions).toMatchObject({ reason: 'UNSUPPORTED_MEDIA_TYPE' });
    }

    const overGet = await send({ method: 'GET', url: `/graphql?query=${encodeURIComponent(mutation)}`, headers: auth });
    expect(overGet.statusCode).toBe(405);
    expect(overGet.headers.allow).toBe('POST');
    expect(await agencyCount(code)).toBe(0);

    const json = await send({
      headers: { ...auth, 'content-type': 'application/json; charset=utf-8' },
      payload: JSON.stringify({ query: mutation }),
    });
    expect(json.statusCode).toBe(200);
    expect(await agencyCount(code)).toBe(1);
  });

  it('puts security headers on every answer, and no-store on answers with personal data', async () => {
    const user = await factories.user([Role.LIAISON]);
    const token = await sut.login(user.email, TEST_PASSWORD);
    const me = await send({
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      payload: JSON.stringify({ query: '{ me { email displayName } }' }),
    });
    const health = await send({ method: 'GET', url: '/health/live' });

    for (const answer of [me, health]) {
      expect(answer.headers).toMatchObject({
        'strict-transport-security': expect.stringMatching(/max-age=\d{7,}/),
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'DENY',
        'referrer-policy': 'no-referrer',
        'content-security-policy': expect.stringContaining("frame-ancestors 'none'"),
        'cache-control': 'no-store',
      });
    }
    expect(me.json().data).toEqual({ me: { email: user.email, displayName: user.displayName } });
    expect(me.headers['content-security-policy']).toContain("default-src 'none'");
  });

  it('refuses a batch of operations in one body', async () => {
    const answer = await send({
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]),
    });
    expect(answer.statusCode).toBe(400);
    expect(answer.json().errors?.[0].extensions).toMatchObject({ code: 'BAD_REQUEST', reason: 'MALFORMED_REQUEST' });
  });

  it('refuses other methods on the endpoint with 405', async () => {
    const answer = await send({ method: 'PUT', headers: { 'content-type': 'application/json' }, payload: '{}' });
    expect(answer.statusCode).toBe(405);
    expect(answer.headers.allow).toBe('GET, POST');
  });
});

describe('the HTTP edge in production', () => {
  let sut: TestApp;

  beforeAll(async () => {
    sut = await TestApp.start({ NODE_ENV: 'production', PUBLIC_URL: 'https://simpul.example.go.id' });
  });
  afterAll(() => sut.stop());

  it('reveals no field names to a caller who guesses', async () => {
    const result = await sut.gql('{ agencie { id } }');
    expect(result.errors?.[0].message).toBe('Cannot query field "agencie" on type "Query".');
    const argument = await sut.gql('mutation { login(input: { emial: "a@b.cd", password: "x" }) { accessToken } }');
    expect(JSON.stringify(argument.errors)).not.toMatch(/Did you mean|"email"/);
  });
});
