import { Args, Query, Resolver } from '@nestjs/graphql';

import { Allow } from '@app/auth/access.decorators';
import { Actor } from '@app/auth/actor';
import { CurrentActor } from '@app/auth/current-actor.decorator';
import { Role } from '@app/kernel/role.enum';

import { TaskDuePreview, TaskDuePreviewArgs } from './dto/task-due-preview.dto';
import { TaskDuePreviewQuery } from './queries/task-due-preview.query';

@Resolver(() => TaskDuePreview)
export class TaskDuePreviewResolver {
  constructor(private readonly preview: TaskDuePreviewQuery) {}

  /** Who sets working-day deadlines: liaisons creating tasks, and those recording a meeting's action items. */
  @Allow(Role.LIAISON, Role.SECRETARIAT, Role.ATTACHE)
  @Query(() => TaskDuePreview, {
    description:
      "The due date a task due in `workingDays` would get if created now, in the assignee agency's calendar (nothing is saved).",
  })
  taskDuePreview(@CurrentActor() actor: Actor, @Args() args: TaskDuePreviewArgs) {
    return this.preview.execute(actor, args);
  }
}
