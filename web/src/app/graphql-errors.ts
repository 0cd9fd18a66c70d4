import type { CombinedError } from '@urql/core';

import { format } from '@/i18n/i18n';
import type { Messages } from '@/i18n/id';

export type ErrorKind =
  'NOT_FOUND' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'CONFLICT' | 'BAD_USER_INPUT' | 'NETWORK' | 'OTHER';

export function errorKind(error: CombinedError | undefined): ErrorKind | undefined {
  if (!error) return undefined;
  if (error.networkError && error.graphQLErrors.length === 0) return 'NETWORK';
  const code = error.graphQLErrors[0]?.extensions?.code;
  switch (code) {
    case 'NOT_FOUND':
    case 'UNAUTHENTICATED':
    case 'FORBIDDEN':
    case 'CONFLICT':
    case 'BAD_USER_INPUT':
      return code;
    default:
      return 'OTHER';
  }
}

/** What to tell the user, in their language, with what to do next. */
export function errorMessage(error: CombinedError, m: Messages): string {
  const first = error.graphQLErrors[0];
  switch (errorKind(error)) {
    case 'NETWORK':
      return m.errors.network;
    case 'CONFLICT':
      return m.errors.conflict;
    case 'FORBIDDEN':
    case 'NOT_FOUND':
      return m.errors.forbidden;
    case 'BAD_USER_INPUT':
      // The server names the field and the problem (English); shown as given, framed in the user's language.
      return format(m.errors.badInput, { message: first?.message ?? '' });
    case 'UNAUTHENTICATED':
      return m.signIn.expired;
    default:
      return format(m.errors.unexpected, { id: String(first?.extensions?.errorId ?? '—') });
  }
}
