import { Locale, Role } from '@app/kernel/role.enum';

/** The authenticated person making a request, and the agency they act for (never taken from input). */
export interface Actor {
  userId: string;
  agencyId: string;
  roles: readonly Role[];
  locale: Locale;
  timeZone: string;
}

export function hasRole(actor: Actor, ...roles: Role[]): boolean {
  return roles.some((role) => actor.roles.includes(role));
}
