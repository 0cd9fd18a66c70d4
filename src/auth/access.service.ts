import { Injectable } from '@nestjs/common';

import { RequestException } from '@app/common/domain.exception';
import { Role } from '@app/modules/users/role.enum';

import { Actor, hasRole } from './actor';

/**
 * Record-level access decisions, in one place. A denied read answers exactly like a missing record, so
 * callers cannot learn what exists in another agency.
 */
@Injectable()
export class AccessService {
  /** Staff details (names, mail addresses, roles) are visible to the same agency and to administrators. */
  canSeeAgencyStaff(actor: Actor, agencyId: string): boolean {
    return actor.agencyId === agencyId || hasRole(actor, Role.ADMINISTRATOR);
  }

  /** Throws NOT_FOUND unless the actor may see the staff of `agencyId`. */
  requireAgencyStaff(actor: Actor, agencyId: string, what: string, id: string): void {
    if (!this.canSeeAgencyStaff(actor, agencyId)) throw RequestException.notFound(what, id);
  }
}
