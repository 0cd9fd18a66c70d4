import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { addWorkingDays } from '@libs/deadlines';

import { Actor } from '@app/auth/actor';
import { Clock } from '@app/kernel/clock';
import { AgencyEntity } from '@app/modules/agencies/agency.entity';
import { CalendarsService } from '@app/modules/calendars/calendars.service';
import { UserEntity } from '@app/modules/users/user.entity';

import { TaskDueInput } from '../dto/task.inputs';
import { TaskErrorReason, TaskException } from '../task.exception';

/** The checks shared by creating, editing and re-dating a task: who it goes to, and when it is due. */
@Injectable()
export class TaskAssignmentService {
  constructor(
    private readonly calendars: CalendarsService,
    private readonly clock: Clock,
  ) {}

  /** An active agency other than the actor's own (unless `ownAgencyAllowed`: a meeting's decision binds it too). */
  async requireAssigneeAgency(
    manager: EntityManager,
    actor: Actor,
    agencyId: string,
    ownAgencyAllowed = false,
  ): Promise<AgencyEntity> {
    const agency = await manager.findOneBy(AgencyEntity, { id: agencyId });
    if (!agency || !agency.active) {
      throw new TaskException(
        TaskErrorReason.ASSIGNEE_AGENCY_INVALID,
        `assigneeAgencyId: agency ${agencyId} ${agency ? 'is inactive and takes no new work' : 'was not found'}.`,
        'assigneeAgencyId',
      );
    }
    // Policy: a task is work asked of another agency; an agency's own to-dos do not belong here.
    if (agency.id === actor.agencyId && !ownAgencyAllowed) {
      throw new TaskException(
        TaskErrorReason.SELF_ASSIGNMENT,
        'assigneeAgencyId: tasks are assigned to another agency, not your own.',
        'assigneeAgencyId',
      );
    }
    return agency;
  }

  /** When a person is named, an active user of the assignee agency. */
  async requireAssigneeUser(manager: EntityManager, userId: string | undefined, agencyId: string): Promise<void> {
    if (!userId) return;
    const user = await manager.findOneBy(UserEntity, { id: userId });
    if (!user || !user.active || user.agencyId !== agencyId) {
      throw new TaskException(
        TaskErrorReason.ASSIGNEE_USER_INVALID,
        'assigneeUserId: the person must be an active user of the assignee agency.',
        'assigneeUserId',
      );
    }
  }

  /** The due instant: given directly (not in the past), or working days in the assignee's own calendar. */
  async resolveDue(due: TaskDueInput, assignee: AgencyEntity): Promise<Date> {
    const now = this.clock.now();
    if ((due.at === undefined) === (due.workingDays === undefined)) {
      throw new TaskException(
        TaskErrorReason.DUE_REQUIRED,
        'due: give either at or workingDays, not both or neither.',
        'due',
      );
    }
    if (due.at) {
      if (due.at.getTime() <= now.getTime()) {
        throw new TaskException(
          TaskErrorReason.DUE_IN_PAST,
          `due.at ${due.at.toISOString()} is in the past.`,
          'due.at',
        );
      }
      return due.at;
    }
    const calendar = await this.calendars.workCalendar(assignee.country, assignee.timeZone);
    return addWorkingDays(now, due.workingDays as number, calendar);
  }
}
