import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';

import { Actor } from '@app/auth/actor';
import { CaseRole } from '@app/kernel/case-role';
import { AgencyEntity } from '@app/modules/agencies/agency.entity';
import { CasesService } from '@app/modules/cases/cases.service';
import { VictimsService } from '@app/modules/victims/victims.service';

import { TaskErrorReason, TaskException } from '../task.exception';
import { TaskVictimEntity } from '../task-victim.entity';

/** What a task links to: a case and people, as the creator gave them. */
export interface TaskLinksInput {
  caseId?: string;
  victimIds?: string[];
  addAssigneeToCase?: CaseRole;
}

/**
 * A task's case and people. The creator links only what they may see (anything else answers NOT_FOUND, like an id
 * that does not exist); people of a case-linked task must be of that case. The assignee of a case-linked task must
 * take part in the case: the task never widens access silently, so an agency outside the team is added only when
 * the creator asks for it (addAssigneeToCase, with its role) and may change the team.
 */
@Injectable()
export class TaskLinksService {
  constructor(
    private readonly cases: CasesService,
    private readonly victims: VictimsService,
  ) {}

  async check(
    manager: EntityManager,
    actor: Actor,
    input: TaskLinksInput,
    assignee: AgencyEntity,
  ): Promise<{ caseId: string | null; victimIds: string[] }> {
    const caseId = input.caseId ?? null;
    const victimIds = [...new Set(input.victimIds ?? [])];
    if (input.addAssigneeToCase && !caseId) {
      throw new TaskException(
        TaskErrorReason.LINK_INVALID,
        'addAssigneeToCase: only a case-linked task (caseId) brings its assignee into a case team.',
        'addAssigneeToCase',
      );
    }
    if (caseId && (await this.cases.visibleIds(manager, actor, [caseId])).length === 0) {
      throw new TaskException(
        TaskErrorReason.LINKED_RECORD_NOT_FOUND,
        `caseId: case ${caseId} was not found.`,
        'caseId',
      );
    }
    const visible = await this.victims.visibleIds(manager, actor, victimIds);
    const missing = victimIds.findIndex((id) => !visible.includes(id));
    if (missing >= 0) {
      throw new TaskException(
        TaskErrorReason.LINKED_RECORD_NOT_FOUND,
        `victimIds.${missing}: victim record ${victimIds[missing]} was not found.`,
        `victimIds.${missing}`,
      );
    }
    if (caseId && victimIds.length > 0) {
      const people = await this.victims.linkedTo(victimIds);
      const stranger = victimIds.findIndex((id) => people.find((person) => person.id === id)?.caseId !== caseId);
      if (stranger >= 0) {
        const code = people.find((person) => person.id === victimIds[stranger])?.code;
        throw new TaskException(
          TaskErrorReason.LINK_INVALID,
          `victimIds.${stranger}: ${code} is not a person of the task's case.`,
          `victimIds.${stranger}`,
        );
      }
    }
    if (caseId) await this.requireAssigneeInCase(manager, actor, caseId, assignee, input.addAssigneeToCase);
    return { caseId, victimIds };
  }

  /** The assignee takes part in the case, or joins it now when the creator asked for that (and may change the team). */
  async requireAssigneeInCase(
    manager: EntityManager,
    actor: Actor,
    caseId: string,
    assignee: AgencyEntity,
    joinAs?: CaseRole,
  ): Promise<void> {
    if ((await this.cases.withParticipant(manager, [assignee.id], [caseId])).length > 0) return;
    if (!joinAs) {
      throw new TaskException(
        TaskErrorReason.ASSIGNEE_NOT_IN_CASE,
        `assigneeAgencyId: ${assignee.acronym} does not take part in the task's case, so it would not see it. Add it to the case team (send addAssigneeToCase with its role, or addCaseParticipant first), or assign an agency of the team.`,
        'assigneeAgencyId',
      );
    }
    await this.cases.addParticipantWithin(manager, actor, caseId, {
      agencyId: assignee.id,
      role: joinAs,
      fields: { agencyId: 'assigneeAgencyId', role: 'addAssigneeToCase', since: 'addAssigneeToCase' },
    });
  }

  async link(manager: EntityManager, taskId: string, victimIds: string[]): Promise<void> {
    if (victimIds.length > 0)
      await manager.insert(
        TaskVictimEntity,
        victimIds.map((victimId) => ({ taskId, victimId })),
      );
  }

  /** The people of many tasks, by task (for DataLoader; each reader then sees only the people they may see). */
  async victimIdsOf(manager: EntityManager, taskIds: readonly string[]): Promise<Map<string, string[]>> {
    const rows = await manager.getRepository(TaskVictimEntity).findBy({ taskId: In([...taskIds]) });
    const grouped = new Map<string, string[]>();
    for (const row of rows) grouped.set(row.taskId, [...(grouped.get(row.taskId) ?? []), row.victimId]);
    return grouped;
  }
}
