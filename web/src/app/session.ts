// The browser session: an HttpOnly cookie set by the API (src/web/session.controller.ts). The page never sees a
// token; it keeps only the CSRF token (in memory) that every GraphQL request must carry.
export type Role =
  | 'ADMINISTRATOR'
  | 'ATTACHE'
  | 'AUDITOR'
  | 'CASE_OFFICER'
  | 'COUNTERPART'
  | 'LIAISON'
  | 'PARTNER'
  | 'SECRETARIAT'
  | 'SUPERVISOR';

export interface SessionUser {
  id: string;
  agencyId: string;
  roles: Role[];
  locale: 'ID' | 'EN';
  timeZone: string;
}

export interface Session {
  csrfToken: string;
  expiresAt: string;
  user: SessionUser;
}

type SessionAnswer = ({ signedIn: true } & Session) | { signedIn: false; reason?: string };

export class SessionError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

async function post(url: string, body: unknown, csrfToken?: string): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', ...(csrfToken ? { 'x-csrf-token': csrfToken } : {}) },
    body: JSON.stringify(body),
  });
}

async function sessionOf(response: Response): Promise<Session> {
  const body = (await response.json()) as SessionAnswer & { code?: string; message?: string };
  if (!response.ok || !body.signedIn)
    throw new SessionError(body.code ?? 'UNKNOWN', body.message ?? response.statusText);
  return { csrfToken: body.csrfToken, expiresAt: body.expiresAt, user: body.user };
}

/** The session this browser holds, or none; `ended` when it had one that expired or was revoked. */
export async function currentSession(): Promise<{ session: Session | null; ended: boolean }> {
  // Same mode and credentials as the <link rel="preload"> in index.html, so the browser reuses that response.
  const response = await fetch('/auth/session', { credentials: 'same-origin' });
  const body = (await response.json()) as SessionAnswer;
  if (body.signedIn) {
    return { session: { csrfToken: body.csrfToken, expiresAt: body.expiresAt, user: body.user }, ended: false };
  }
  return { session: null, ended: Boolean(body.reason) };
}

export async function signIn(email: string, password: string): Promise<Session> {
  return sessionOf(await post('/auth/session', { email, password }));
}

export async function signOut(): Promise<void> {
  await post('/auth/session/sign-out', {});
}

export async function changePassword(
  csrfToken: string,
  currentPassword: string,
  newPassword: string,
): Promise<Session> {
  return sessionOf(await post('/auth/session/password', { currentPassword, newPassword }, csrfToken));
}
