import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { Role } from '@app/kernel/role.enum';
import { RecipientsService } from '@app/modules/notifications/recipients.service';

import { SubjectState } from './escalation-subjects';
import { RungTarget } from './escalation.types';

/** Whom one rung reaches: each person once, with the first target that reached them. */
export type Reached = Map<string, RungTarget>;

/**
 * Resolves the targets of a whole batch of rungs in four queries (liaisons and supervisors per agency, which named
 * assignees are active, unit secretariats per agency, supervisors per filer), then answers each rung from memory.
 * The people are the ones the per-rung queries of `RecipientsService` give, in the same order.
 */
@Injectable()
export class RungTargets {
  constructor(private readonly recipients: RecipientsService) {}

  async resolve(manager: EntityManager, rungs: { targets: RungTarget[]; state: SubjectState }[]): Promise<Reached[]> {
    const wanted = new Set(rungs.flatMap((rung) => rung.targets));
    const states = rungs.map((rung) => rung.state);
    // One after the other: they share the transaction's connection.
    const byAgency = await this.recipients.withRoleByAgency(
      states.map((state) => state.responsibleAgencyId),
      [Role.LIAISON, Role.SUPERVISOR],
      manager,
    );
    const active = wanted.has(RungTarget.ASSIGNEE)
      ? await this.recipients.active(
          states.map((state) => state.responsibleUserId),
          manager,
        )
      : [];
    const secretariats = wanted.has(RungTarget.UNIT_SECRETARIAT)
      ? await this.recipients.unitSecretariatByAgency(
          states.flatMap((state) => state.watchingAgencyIds),
          manager,
        )
      : new Map<string, string[]>();
    const supervisors = wanted.has(RungTarget.ATTACHE_SUPERVISOR)
      ? await this.recipients.supervisorsByUser(
          states.map((state) => state.filerUserId),
          manager,
        )
      : new Map<string, string[]>();
    const activeUsers = new Set(active);
    return rungs.map(({ targets, state }) => {
      const reached: Reached = new Map();
      const withRole = (role: Role) => byAgency.get(state.responsibleAgencyId)?.get(role) ?? [];
      for (const target of targets) {
        let users: string[] = [];
        switch (target) {
          case RungTarget.ASSIGNEE:
            users =
              state.responsibleUserId && activeUsers.has(state.responsibleUserId)
                ? [state.responsibleUserId]
                : withRole(Role.LIAISON);
            break;
          case RungTarget.AGENCY_LIAISON:
            users = withRole(Role.LIAISON);
            break;
          case RungTarget.AGENCY_SUPERVISOR:
            users = withRole(Role.SUPERVISOR);
            break;
          case RungTarget.UNIT_SECRETARIAT:
            users = [...new Set(state.watchingAgencyIds.flatMap((id) => secretariats.get(id) ?? []))].sort();
            break;
          case RungTarget.ATTACHE_SUPERVISOR:
            users = state.filerUserId ? (supervisors.get(state.filerUserId) ?? []) : [];
            break;
        }
        for (const user of users) if (!reached.has(user)) reached.set(user, target);
      }
      return reached;
    });
  }
}
