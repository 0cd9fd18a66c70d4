import { createContext, useContext } from 'react';

import type { Locale } from '@/i18n/i18n';

import type { Role, Session } from './session';

export interface SessionState {
  session: Session;
  setSession: (session: Session) => void;
  signOut: () => Promise<void>;
  locale: Locale;
  setLocale: (locale: Locale) => void;
}

export const SessionContext = createContext<SessionState | null>(null);

export function useSession(): SessionState {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside a signed-in page');
  return value;
}

export function hasRole(session: Session, ...roles: Role[]): boolean {
  return roles.some((role) => session.user.roles.includes(role));
}

/** Where each role starts: the screen its main work is on. */
export function homePath(session: Session): string {
  const roles = session.user.roles;
  if (roles.includes('LIAISON') || roles.includes('SUPERVISOR')) return '/work-queue';
  if (roles.includes('ATTACHE') || roles.includes('COUNTERPART')) return '/cross-border-requests';
  if (roles.includes('CASE_OFFICER')) return '/cases';
  if (roles.includes('PARTNER')) return '/referrals';
  if (roles.includes('SECRETARIAT')) return '/secretariat';
  if (roles.includes('ADMINISTRATOR')) return '/admin';
  return '/notifications';
}
