import { existsSync } from 'node:fs';
import { join } from 'node:path';

import { Role } from '@app/kernel/role.enum';
import { Factories, TEST_PASSWORD } from '@libs/testing/factories';
import { TestApp } from '@libs/testing/test-app';

import { expiredToken } from './support/expired-token';

/**
 * The browser session of the web console (src/web/session.controller.ts, src/auth/browser-session.ts) and the
 * console's place on the API's paths, through Fastify's inject against the real database.
 */
describe('web console session and serving', () => {
  let sut: TestApp;
  let factories: Factories;

  beforeAll(async () => {
    sut = await TestApp.start();
    factories = new Factories(sut);
  });

  afterAll(async () => {
    await sut.stop();
  });

  const signIn = async (email: string, password = TEST_PASSWORD) =>
    sut.app.inject({
      method: 'POST',
      url: '/auth/session',
      headers: { 'content-type': 'application/json' },
      payload: { email, password },
    });

  const cookieOf = (response: { headers: Record<string, unknown> }, name: string): string | undefined => {
    const header = response.headers['set-cookie'];
    const all = Array.isArray(header) ? header : [header as string];
    return all.find((line) => line?.startsWith(`${name}=`));
  };

  const gqlWithCookie = (cookie: string, csrf: string | undefined, extra: Record<string, string> = {}) =>
    sut.app.inject({
      method: 'POST',
      url: '/graphql',
      headers: {
        'content-type': 'application/json',
        cookie,
        ...(csrf ? { 'x-csrf-token': csrf } : {}),
        ...extra,
      },
      payload: { query: '{ me { email } }' },
    });

  it('signs in with an HttpOnly, SameSite=Strict cookie and hands the page only a CSRF token, never the token', async () => {
    const user = await factories.user([Role.LIAISON]);
    const response = await signIn(user.email);
    expect(response.statusCode).toBe(200);
    const cookie = cookieOf(response, 'simpul_session')!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\//);
    const body = response.json();
    expect(body).toMatchObject({ signedIn: true, user: { id: user.id, roles: ['LIAISON'] } });
    expect(typeof body.csrfToken).toBe('string');
    const token = decodeURIComponent(cookie.split(';')[0].split('=')[1]);
    expect(JSON.stringify(body)).not.toContain(token);
  });

  it('answers GraphQL for the cookie only with the CSRF header, as POST with a JSON body', async () => {
    const user = await factories.user([Role.LIAISON]);
    const response = await signIn(user.email);
    const cookie = cookieOf(response, 'simpul_session')!.split(';')[0];
    const csrf = response.json().csrfToken as string;

    const withCsrf = await gqlWithCookie(cookie, csrf);
    expect(withCsrf.json().data).toEqual({ me: { email: user.email } });

    const without = await gqlWithCookie(cookie, undefined);
    expect(without.json().errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(without.json().errors[0].message).toContain('x-csrf-token');

    const wrong = await gqlWithCookie(cookie, `${csrf.slice(0, -2)}xx`);
    expect(wrong.json().errors[0].extensions.code).toBe('UNAUTHENTICATED');

    const viaGet = await sut.app.inject({
      method: 'GET',
      url: `/graphql?query=${encodeURIComponent('{ me { email } }')}`,
      headers: { cookie, 'x-csrf-token': csrf },
    });
    expect(viaGet.json().errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(viaGet.json().data ?? null).toBeNull();
  });

  it('refuses a sign-in posted as a form (what a cross-site page could send)', async () => {
    const user = await factories.user([Role.LIAISON]);
    const response = await sut.app.inject({
      method: 'POST',
      url: '/auth/session',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `email=${encodeURIComponent(user.email)}&password=${encodeURIComponent(TEST_PASSWORD)}`,
    });
    expect(response.statusCode).toBeGreaterThanOrEqual(400);
    expect(cookieOf(response, 'simpul_session')).toBeUndefined();
  });

  it('refuses a wrong password with one message for every cause, and sets no cookie', async () => {
    const user = await factories.user([Role.LIAISON]);
    const response = await signIn(user.email, 'not-the-password-1');
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(cookieOf(response, 'simpul_session')).toBeUndefined();
  });

  it('reports the current session, and none after signing out', async () => {
    const user = await factories.user([Role.CASE_OFFICER]);
    const cookie = cookieOf(await signIn(user.email), 'simpul_session')!.split(';')[0];
    const current = await sut.app.inject({ method: 'GET', url: '/auth/session', headers: { cookie } });
    expect(current.json()).toMatchObject({ signedIn: true, user: { id: user.id } });

    const out = await sut.app.inject({
      method: 'POST',
      url: '/auth/session/sign-out',
      headers: { 'content-type': 'application/json', cookie },
      payload: {},
    });
    expect(cookieOf(out, 'simpul_session')).toMatch(/Max-Age=0/);
    const none = await sut.app.inject({ method: 'GET', url: '/auth/session' });
    expect(none.json()).toEqual({ signedIn: false });
  });

  it('ends an expired session: the page is told it ended, GraphQL answers UNAUTHENTICATED saying so', async () => {
    const user = await factories.user([Role.LIAISON]);
    const cookie = `simpul_session=${await expiredToken(sut.dataSource, user.id)}`;
    const current = await sut.app.inject({ method: 'GET', url: '/auth/session', headers: { cookie } });
    expect(current.json()).toEqual({ signedIn: false, reason: 'Your session has expired; log in again.' });
    expect(cookieOf(current, 'simpul_session')).toMatch(/Max-Age=0/);
  });

  it('changes the password: this browser stays signed in on a fresh session, older sessions and tokens end', async () => {
    const user = await factories.user([Role.LIAISON]);
    const bearer = await sut.login(user.email, TEST_PASSWORD);
    const first = await signIn(user.email);
    const oldCookie = cookieOf(first, 'simpul_session')!.split(';')[0];
    const oldCsrf = first.json().csrfToken as string;
    await new Promise((resolve) => setTimeout(resolve, 5)); // the credentials stamp has millisecond resolution

    const changed = await sut.app.inject({
      method: 'POST',
      url: '/auth/session/password',
      headers: { 'content-type': 'application/json', cookie: oldCookie, 'x-csrf-token': oldCsrf },
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'A-new-password-2027' },
    });
    expect(changed.statusCode).toBe(200);
    const newCookie = cookieOf(changed, 'simpul_session')!.split(';')[0];
    const newCsrf = changed.json().csrfToken as string;

    expect((await gqlWithCookie(newCookie, newCsrf)).json().data).toEqual({ me: { email: user.email } });
    expect((await gqlWithCookie(oldCookie, oldCsrf)).json().errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect((await sut.gql('{ me { email } }', {}, bearer)).errors![0].extensions!.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a weak new password with a message naming the rule, and keeps the session', async () => {
    const user = await factories.user([Role.LIAISON]);
    const first = await signIn(user.email);
    const cookie = cookieOf(first, 'simpul_session')!.split(';')[0];
    const response = await sut.app.inject({
      method: 'POST',
      url: '/auth/session/password',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': first.json().csrfToken },
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'short' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toContain('at least 12 characters');
    expect((await gqlWithCookie(cookie, first.json().csrfToken)).json().data).toEqual({ me: { email: user.email } });
  });

  it('gives administrators the queue board with their session, and nobody else', async () => {
    const admin = await factories.user([Role.ADMINISTRATOR]);
    const board = cookieOf(await signIn(admin.email), 'simpul_board_token')!;
    expect(board).toMatch(/Path=\/admin\/queues/);
    const opened = await sut.app.inject({
      method: 'GET',
      url: '/admin/queues',
      headers: { cookie: board.split(';')[0] },
    });
    expect(opened.statusCode).toBe(200);

    const liaison = await factories.user([Role.LIAISON]);
    expect(cookieOf(await signIn(liaison.email), 'simpul_board_token')).toBeUndefined();
  });

  it('keeps the bearer-token API exactly as it was', async () => {
    const user = await factories.user([Role.LIAISON]);
    const token = await sut.login(user.email, TEST_PASSWORD);
    expect((await sut.gql<{ me: { email: string } }>('{ me { email } }', {}, token)).data).toEqual({
      me: { email: user.email },
    });
  });

  describe('serving the console', () => {
    beforeAll(() => {
      if (!existsSync(join(__dirname, '..', '..', 'web', 'dist', 'index.html'))) {
        throw new Error('web/dist is missing: run `npm run build` first (CI builds before npm test).');
      }
    });

    it('answers every page path with the app, under a strict CSP, so links from e-mails land', async () => {
      for (const url of [
        '/',
        '/tasks/5d0b4a5e-0000-4000-8000-000000000000',
        '/settings/notifications',
        '/sign-in?next=%2Fx',
      ]) {
        const response = await sut.app.inject({ method: 'GET', url, headers: { accept: 'text/html' } });
        expect(response.statusCode).toBe(200);
        expect(response.headers['content-type']).toContain('text/html');
        expect(response.body).toContain('<div id="root">');
        expect(response.headers['content-security-policy']).toContain("script-src 'self'");
        expect(response.headers['content-security-policy']).not.toContain('unsafe-inline');
      }
    });

    it('never shadows the API: health, GraphQL, the queue board and unknown API paths keep their answers', async () => {
      expect((await sut.app.inject({ method: 'GET', url: '/health/live' })).json()).toEqual({ status: 'ok' });
      const unknownHealth = await sut.app.inject({ method: 'GET', url: '/health/nothing' });
      expect(unknownHealth.statusCode).toBe(404);
      expect(unknownHealth.body).not.toContain('<div id="root">');
      const unknown = await sut.app.inject({ method: 'GET', url: '/wp-login.php', headers: { accept: 'text/html' } });
      expect(unknown.statusCode).toBe(404);
      expect(unknown.body).not.toContain('<div id="root">');
      const metrics = await sut.app.inject({ method: 'GET', url: '/metrics' });
      expect(metrics.body).not.toContain('<div id="root">');
      const board = await sut.app.inject({ method: 'GET', url: '/admin/queues' });
      expect(board.statusCode).toBe(401);
      const graphql = await sut.app.inject({ method: 'GET', url: '/graphql', headers: { accept: 'text/html' } });
      expect(graphql.statusCode).toBe(302);
      expect(graphql.headers.location).toBe('/graphiql');
    });

    it('serves hashed assets compressed and cached for a year, and a 404 for a missing one', async () => {
      const index = await sut.app.inject({ method: 'GET', url: '/' });
      const script = /src="(\/assets\/[^"]+\.js)"/.exec(index.body)![1];
      const asset = await sut.app.inject({ method: 'GET', url: script, headers: { 'accept-encoding': 'br, gzip' } });
      expect(asset.statusCode).toBe(200);
      expect(asset.headers['content-encoding']).toBe('br');
      expect(asset.headers['cache-control']).toContain('immutable');
      const missing = await sut.app.inject({ method: 'GET', url: '/assets/gone-123.js' });
      expect(missing.statusCode).toBe(404);
    });

    it('serves GraphiQL from the installed packages, with no address outside this server', async () => {
      const page = await sut.app.inject({ method: 'GET', url: '/graphiql' });
      expect(page.statusCode).toBe(200);
      const urls = [...page.body.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1]);
      expect(urls.length).toBeGreaterThan(0);
      for (const url of urls) {
        expect(url.startsWith('/')).toBe(true);
        expect((await sut.app.inject({ method: 'GET', url })).statusCode).toBe(200);
      }
    });

    it('does not serve the playground in production', async () => {
      const production = await TestApp.start({ GRAPHQL_PLAYGROUND: 'false' });
      try {
        expect((await production.app.inject({ method: 'GET', url: '/graphiql' })).statusCode).toBe(404);
      } finally {
        await production.stop();
      }
    });
  });
});
