import { cacheExchange, Client, fetchExchange, mapExchange } from '@urql/core';

/**
 * The one GraphQL client: POST with JSON only, the session cookie sent by the browser, the CSRF token in a
 * header, and one document cache for server state. An expired session sends the user to sign in, back here after.
 */
export function createGraphqlClient(csrfToken: () => string | undefined, onUnauthenticated: () => void): Client {
  return new Client({
    url: '/graphql',
    preferGetMethod: false,
    requestPolicy: 'cache-and-network',
    fetchOptions: () => ({
      credentials: 'same-origin',
      headers: { 'x-csrf-token': csrfToken() ?? '', accept: 'application/json' },
    }),
    exchanges: [
      mapExchange({
        onError(error) {
          if (error.graphQLErrors.some((e) => e.extensions?.code === 'UNAUTHENTICATED')) onUnauthenticated();
        },
      }),
      cacheExchange,
      fetchExchange,
    ],
  });
}
