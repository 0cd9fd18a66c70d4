import { Injectable } from '@nestjs/common';

import { RequestException } from '@app/common/domain.exception';
import { TaskSide } from '@app/modules/tasks/task.enums';
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

  /**
   * Which side of a task the actor works on: the assigning or the assignee agency's liaison, or neither.
   * Supervisors and secretariats see tasks but do not act on them.
   */
  taskSide(actor: Actor, task: { assigningAgencyId: string; assigneeAgencyId: string }): TaskSide | null {
    if (!hasRole(actor, Role.LIAISON)) return null;
    if (actor.agencyId === task.assigningAgencyId) return TaskSide.ASSIGNER;
    if (actor.agencyId === task.assigneeAgencyId) return TaskSide.ASSIGNEE;
    return null;
  }

  /**
   * SQL condition on a task alias that holds when the actor may see the task: liaisons and supervisors of
   * either agency, and the secretariat of a task-force unit either agency is a current member of. Nobody else
   * sees it at all (reads answer "not found").
   */
  taskVisibility(actor: Actor, alias: string): { sql: string; params: Record<string, unknown> } {
    const params = { visibilityAgencyId: actor.agencyId };
    const conditions: string[] = [];
    if (hasRole(actor, Role.LIAISON, Role.SUPERVISOR)) {
      conditions.push(
        `(${alias}.assigning_agency_id = :visibilityAgencyId OR ${alias}.assignee_agency_id = :visibilityAgencyId)`,
      );
    }
    if (hasRole(actor, Role.SECRETARIAT)) {
      conditions.push(`EXISTS (
        SELECT 1 FROM membership secretariat
        JOIN membership member ON member.unit_id = secretariat.unit_id
        WHERE secretariat.agency_id = :visibilityAgencyId AND secretariat.role = 'SECRETARIAT'
          AND secretariat.valid_from <= CURRENT_DATE AND (secretariat.valid_to IS NULL OR secretariat.valid_to > CURRENT_DATE)
          AND member.valid_from <= CURRENT_DATE AND (member.valid_to IS NULL OR member.valid_to > CURRENT_DATE)
          AND member.agency_id IN (${alias}.assigning_agency_id, ${alias}.assignee_agency_id))`);
    }
    return { sql: conditions.length > 0 ? `(${conditions.join(' OR ')})` : 'FALSE', params };
  }

  /** Throws NOT_FOUND unless the actor may see the staff of `agencyId`. */
  requireAgencyStaff(actor: Actor, agencyId: string, what: string, id: string): void {
    if (!this.canSeeAgencyStaff(actor, agencyId)) throw RequestException.notFound(what, id);
  }
}
