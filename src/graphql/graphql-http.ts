import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/**
 * GraphQL over HTTP (the GraphQL foundation's draft specification) in front of Mercurius: content negotiation,
 * request media types and methods. Mercurius executes; this decides what reaches it and how answers are labelled.
 */

export const GRAPHQL_PATH = '/graphql';
export const GRAPHQL_RESPONSE_JSON = 'application/graphql-response+json';
export const APPLICATION_JSON = 'application/json';
export type GraphqlMediaType = typeof GRAPHQL_RESPONSE_JSON | typeof APPLICATION_JSON;

/** The media type negotiated for each GraphQL request; the error formatter picks status codes by it. */
const negotiated = new WeakMap<FastifyRequest, GraphqlMediaType>();

/** The response media type of a GraphQL request (the specification's default when none was negotiated). */
export function responseMediaType(request: FastifyRequest | undefined): GraphqlMediaType {
  return (request && negotiated.get(request)) ?? GRAPHQL_RESPONSE_JSON;
}

interface MediaRange {
  type: string;
  subtype: string;
  params: Map<string, string>;
  q: number;
}

function parseMediaRange(text: string): MediaRange | undefined {
  const [essence, ...rawParams] = text.split(';').map((part) => part.trim());
  const match = /^([\w.+*-]+)\/([\w.+*-]+)$/.exec(essence.toLowerCase());
  if (!match) return undefined;
  const params = new Map<string, string>();
  for (const param of rawParams) {
    const [name, ...value] = param.split('=');
    if (name) params.set(name.trim().toLowerCase(), value.join('=').trim().replace(/^"|"$/g, '').toLowerCase());
  }
  const q = params.has('q') ? Number(params.get('q')) : 1;
  return { type: match[1], subtype: match[2], params, q: Number.isFinite(q) ? q : 0 };
}

const OFFERED: GraphqlMediaType[] = [GRAPHQL_RESPONSE_JSON, APPLICATION_JSON];

/**
 * Picks the response media type from an Accept header, or undefined when the client accepts neither (406).
 * The most specific range naming a type sets its quality; the higher quality wins. On a tie, a client that
 * named both types explicitly gets application/graphql-response+json (the preferred type), one that only sent
 * wildcards (a browser's or curl's *\/*) gets application/json, as legacy clients expect. No Accept header at
 * all means application/graphql-response+json (the specification's default since 2025).
 */
export function negotiateMediaType(accept: string | undefined): GraphqlMediaType | undefined {
  if (accept === undefined || accept.trim() === '') return GRAPHQL_RESPONSE_JSON;
  const ranges = accept
    .split(',')
    .map((part) => parseMediaRange(part))
    .filter((range): range is MediaRange => range !== undefined);
  const scored = OFFERED.map((offered, preference) => {
    const [type, subtype] = offered.split('/');
    let best: { q: number; specificity: number } | undefined;
    for (const range of ranges) {
      const charset = range.params.get('charset');
      if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') continue;
      const specificity =
        range.type === type && range.subtype === subtype
          ? 3
          : range.type === type && range.subtype === '*'
            ? 2
            : range.type === '*' && range.subtype === '*'
              ? 1
              : 0;
      if (specificity > 0 && (!best || specificity > best.specificity)) best = { q: range.q, specificity };
    }
    return { offered, preference, q: best?.q ?? 0, specificity: best?.specificity ?? 0 };
  }).filter((candidate) => candidate.q > 0);
  if (scored.length === 0) return undefined;
  scored.sort(
    (a, b) =>
      b.q - a.q ||
      b.specificity - a.specificity ||
      (a.specificity === 3 ? a.preference - b.preference : b.preference - a.preference),
  );
  return scored[0].offered;
}

/** True for `application/json`, with no charset or UTF-8 (the only request encoding GraphQL over HTTP requires). */
export function isJsonRequestType(contentType: string | undefined): boolean {
  if (!contentType) return false;
  const range = parseMediaRange(contentType);
  if (!range || range.type !== 'application' || range.subtype !== 'json') return false;
  const charset = range.params.get('charset');
  return charset === undefined || charset === 'utf-8' || charset === 'utf8';
}

/** A request-level refusal in the GraphQL response shape (no `data`: nothing was executed). */
export function requestErrorBody(message: string, reason: string): { errors: object[] } {
  return { errors: [{ message, extensions: { code: 'BAD_REQUEST', reason } }] };
}

function refuse(reply: FastifyReply, status: number, message: string, reason: string): void {
  void reply
    .code(status)
    .header('content-type', `${APPLICATION_JSON}; charset=utf-8`)
    .send(requestErrorBody(message, reason));
}

const pathOf = (url: string): string => url.split('?')[0];

export function isGraphqlRequest(request: FastifyRequest): boolean {
  return request.routeOptions?.url === GRAPHQL_PATH || pathOf(request.url) === GRAPHQL_PATH;
}

/**
 * Hooks for the GraphQL endpoint: only GET (queries) and POST with a JSON body reach Mercurius, every answer
 * carries the negotiated media type, and a client accepting neither GraphQL media type gets 406. Form-encoded,
 * multipart and `application/graphql` bodies are refused with 415 before they are read: such "simple" requests
 * skip the browser's CORS preflight, which would make them a cross-site request forgery channel the day a cookie
 * session exists.
 */
export function installGraphqlHttp(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    if (!isGraphqlRequest(request)) return done();
    if (!['GET', 'HEAD', 'POST'].includes(request.method)) {
      void reply.header('allow', 'GET, POST');
      return refuse(reply, 405, `${GRAPHQL_PATH} answers GET (queries) and POST.`, 'METHOD_NOT_ALLOWED');
    }
    const media = negotiateMediaType(request.headers.accept);
    if (!media) {
      return refuse(
        reply,
        406,
        `Accept ${GRAPHQL_RESPONSE_JSON} or ${APPLICATION_JSON}; this endpoint answers in no other media type.`,
        'NOT_ACCEPTABLE',
      );
    }
    negotiated.set(request, media);
    if (request.method === 'POST' && !isJsonRequestType(request.headers['content-type'])) {
      return refuse(
        reply,
        415,
        `Send the request body as Content-Type: ${APPLICATION_JSON} (UTF-8); other encodings are not accepted.`,
        'UNSUPPORTED_MEDIA_TYPE',
      );
    }
    done();
  });

  // "Specifying null for optional request parameters is equivalent to not specifying them at all."
  fastify.addHook('preValidation', (request, _reply, done) => {
    const body = request.body;
    if (isGraphqlRequest(request) && body !== null && typeof body === 'object' && !Array.isArray(body)) {
      const parameters = body as Record<string, unknown>;
      for (const name of ['operationName', 'variables', 'extensions']) {
        if (parameters[name] === null) delete parameters[name];
      }
    }
    done();
  });

  fastify.addHook('onSend', (request, reply, payload, done) => {
    const media = negotiated.get(request);
    if (media && String(reply.getHeader('content-type') ?? '').includes('json')) {
      void reply.header('content-type', `${media}; charset=utf-8`);
    }
    done(null, payload);
  });
}
