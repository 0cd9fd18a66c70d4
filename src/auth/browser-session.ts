import { createHmac, timingSafeEqual } from 'node:crypto';

import type { FastifyRequest } from 'fastify';

import { RequestException } from '@app/kernel/domain.exception';

import type { BrowserRequest } from './access.decorators';

/**
 * The web console's session: the same signed access token as the bearer API, kept in an HttpOnly cookie so no
 * script (and no injected one) can read it. A cookie is sent by the browser on its own, so a request that relies on
 * it must also prove it comes from the console: POST, a JSON body, and the CSRF token in a header. That token is an
 * HMAC of the session token (a signed double submit): only a page that asked `GET /auth/session` on this origin
 * knows it, and it changes with every new session.
 */
export const SESSION_COOKIE = 'simpul_session';
export const CSRF_HEADER = 'x-csrf-token';

export function csrfTokenFor(sessionToken: string, secret: string): string {
  return createHmac('sha256', secret).update(`csrf:${sessionToken}`).digest('base64url');
}

export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) {
      try {
        return decodeURIComponent(rest.join('='));
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/** Whether the body is declared JSON (`application/json`, with or without a charset). */
export function isJsonRequest(request: FastifyRequest): boolean {
  const type = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  return type === 'application/json';
}

/** Whether the body is declared `multipart/form-data` (a file upload). */
export function isMultipartRequest(request: FastifyRequest): boolean {
  const type = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  return type === 'multipart/form-data';
}

/**
 * The session token of a request that authenticates with the cookie, or undefined when it carries no session
 * cookie. A cookie on a request without the console's proofs is refused with a message saying what is missing.
 * `accepts` (a route's @AcceptsBrowser) admits two more shapes: a download link the browser follows (GET, no
 * header possible: the cookie is SameSite=Strict, so other sites' pages never send it, and a browser's
 * Sec-Fetch-Site must say the request came from this origin or the user), and a multipart upload, which still needs
 * the CSRF token (a cross-site form could post multipart, never with that header).
 */
export function browserSessionToken(
  request: FastifyRequest,
  secret: string,
  accepts?: BrowserRequest,
): string | undefined {
  const token = readCookie(request.headers.cookie, SESSION_COOKIE);
  if (!token) return undefined;
  if (accepts === 'download' && request.method === 'GET') {
    const site = request.headers['sec-fetch-site'];
    if (site !== undefined && site !== 'same-origin' && site !== 'none') {
      throw RequestException.unauthenticated('A download must be opened from the console itself.');
    }
    return token;
  }
  const upload = accepts === 'upload' && request.method === 'POST' && isMultipartRequest(request);
  if (!upload && (request.method !== 'POST' || !isJsonRequest(request))) {
    throw RequestException.unauthenticated(
      'A signed-in browser may only send POST requests with a JSON body; other clients send "Authorization: Bearer <token>".',
    );
  }
  const sent = request.headers[CSRF_HEADER];
  const expected = csrfTokenFor(token, secret);
  if (
    typeof sent !== 'string' ||
    sent.length !== expected.length ||
    !timingSafeEqual(Buffer.from(sent), Buffer.from(expected))
  ) {
    throw RequestException.unauthenticated(`The request lacks a valid ${CSRF_HEADER} header; reload the page.`);
  }
  return token;
}
