import { Args, Context, ID, Mutation, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';

import { Allow } from '@app/auth/access.decorators';
import { AccessService } from '@app/auth/access.service';
import { Actor } from '@app/auth/actor';
import { CurrentActor } from '@app/auth/current-actor.decorator';
import { Clock } from '@app/kernel/clock';
import { availableActions } from '@app/workflow/lifecycle';
import { GraphqlContext } from '@app/graphql/graphql-context';
import { ConnectionType, PageArgs } from '@app/graphql/pagination';
import { AgencyEntity } from '@app/modules/agencies/agency.entity';
import { Role } from '@app/kernel/role.enum';
import { UserEntity } from '@app/modules/users/user.entity';

import {
  CommentOnTaskInput,
  CreateTaskInput,
  EditTaskInput,
  RescheduleTaskInput,
  TaskReasonInput,
  TasksArgs,
  TaskTransitionInput,
} from './dto/task.inputs';
import { TaskEvent, toTaskEvent } from './dto/task-event.dto';
import { taskReference } from './task.constants';
import { OPEN_STATUSES } from './task.lifecycle';
import { TaskAction } from './task.enums';
import { TaskEntity } from './task.entity';
import { TaskKind } from './task.kind';
import { TasksService } from './tasks.service';

@ObjectType()
export class TaskConnection extends ConnectionType(TaskEntity, 'Task') {}

/** Who works with tasks: liaisons act, supervisors and secretariats read. */
const READERS = [Role.LIAISON, Role.SUPERVISOR, Role.SECRETARIAT] as const;

@Resolver(() => TaskEntity)
export class TasksResolver {
  constructor(
    private readonly service: TasksService,
    private readonly clock: Clock,
    private readonly access: AccessService,
    private readonly kind: TaskKind,
  ) {}

  @Allow(...READERS)
  @Query(() => TaskEntity, { description: 'One task you may see (others answer NOT_FOUND).' })
  task(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string) {
    return this.service.findVisible(actor, id);
  }

  @Allow(...READERS)
  @Query(() => TaskConnection, { description: 'Tasks you may see, filtered and ordered.' })
  tasks(@CurrentActor() actor: Actor, @Args() args: TasksArgs) {
    return this.service.list(actor, args);
  }

  @Allow(...READERS)
  @Query(() => TaskConnection, {
    description: "Your agency's open tasks, overdue first, then by due date: the liaison's home screen.",
  })
  myWorkQueue(@CurrentActor() actor: Actor, @Args() page: PageArgs) {
    return this.service.workQueue(actor, page);
  }

  @Allow(Role.LIAISON)
  @Mutation(() => TaskEntity, { description: 'Assign a task to another agency.' })
  createTask(@CurrentActor() actor: Actor, @Args('input') input: CreateTaskInput) {
    return this.service.createTask(actor, input);
  }

  @Allow(Role.LIAISON)
  @Mutation(() => TaskEntity, { description: 'Edit a task your agency assigned (or reassign a declined one).' })
  editTask(@CurrentActor() actor: Actor, @Args('input') input: EditTaskInput) {
    return this.service.editTask(actor, input);
  }

  @Allow(Role.LIAISON)
  @Mutation(() => TaskEntity, { description: 'Change the due date of a task your agency assigned.' })
  rescheduleTask(@CurrentActor() actor: Actor, @Args('input') input: RescheduleTaskInput) {
    return this.service.rescheduleTask(actor, input);
  }

  @Allow(Role.LIAISON)
  @Mutation(() => TaskEntity, { description: 'Acknowledge a task assigned to your agency.' })
  acknowledgeTask(@CurrentActor() actor: Actor, @Args('input') input: TaskTransitionInput) {
    return this.service.transition(actor, TaskAction.ACKNOWLEDGE, input);
  }

  @Allow(Role.LIAISON)
  @Mutation(() => TaskEntity, { description: 'Decline a task assigned to your agency, with a reason.' })
  declineTask(@CurrentActor() actor: Actor, @Args('input') input: TaskReasonInput) {
    return this.service.transition(actor, TaskAction.DECLINE, input);
  }

  @Allow(Role.LIAISON)
  @Mutation(() => TaskEntity, { description: 'Start work on an acknowledged task.' })
  startTask(@CurrentActor() actor: Actor, @Args('input') input: TaskTransitionInput) {
    return this.service.transition(actor, TaskAction.START, input);
  }

  @Allow(Role.LIAISON)
  @Mutation(() => TaskEntity, { description: 'Mark a task blocked, with the reason.' })
  blockTask(@CurrentActor() actor: Actor, @Args('input') input: TaskReasonInput) {
    return this.service.transition(actor, TaskAction.BLOCK, input);
  }

  @Allow(Role.LIAISON)
  @Mutation(() => TaskEntity, { description: 'Resume a blocked task.' })
  unblockTask(@CurrentActor() actor: Actor, @Args('input') input: TaskTransitionInput) {
    return this.service.transition(actor, TaskAction.UNBLOCK, input);
  }

  @Allow(Role.LIAISON)
  @Mutation(() => TaskEntity, { description: 'Complete a task in progress.' })
  completeTask(@CurrentActor() actor: Actor, @Args('input') input: TaskTransitionInput) {
    return this.service.transition(actor, TaskAction.COMPLETE, input);
  }

  @Allow(Role.LIAISON)
  @Mutation(() => TaskEntity, { description: 'Cancel a task your agency assigned, with a reason.' })
  cancelTask(@CurrentActor() actor: Actor, @Args('input') input: TaskReasonInput) {
    return this.service.transition(actor, TaskAction.CANCEL, input);
  }

  @Allow(Role.LIAISON)
  @Mutation(() => TaskEntity, { description: 'Reopen a completed task your agency assigned, with a reason.' })
  reopenTask(@CurrentActor() actor: Actor, @Args('input') input: TaskReasonInput) {
    return this.service.transition(actor, TaskAction.REOPEN, input);
  }

  @Allow(Role.LIAISON)
  @Mutation(() => TaskEntity, { description: 'Comment on a task of your agency (either side).' })
  commentOnTask(@CurrentActor() actor: Actor, @Args('input') input: CommentOnTaskInput) {
    return this.service.comment(actor, input);
  }

  // The fields every list of tasks shows (the work queue's 50 rows each) take GraphQL's own arguments (parent, args,
  // context), without parameter decorators: Nest then calls them directly instead of through its pipeline of pipes
  // for each parameter of each row (issue 22, benchmark A's profile).

  @ResolveField(() => String, { description: 'Human reference, e.g. TSK-000042.' })
  reference(task: TaskEntity) {
    return taskReference(task);
  }

  @ResolveField(() => [TaskAction], {
    description: 'The lifecycle actions you may take on the task now (from its status and your side of it).',
  })
  availableActions(@CurrentActor() actor: Actor, @Parent() task: TaskEntity): TaskAction[] {
    return availableActions(this.kind.lifecycle, task.status, this.kind.sides(actor, task));
  }

  @ResolveField(() => Boolean, { description: 'Open and past its due date.' })
  overdue(task: TaskEntity) {
    return OPEN_STATUSES.includes(task.status) && task.dueAt.getTime() < this.clock.now().getTime();
  }

  @ResolveField(() => AgencyEntity, { description: 'The agency that asked for the work.' })
  assigningAgency(task: TaskEntity, _args: unknown, ctx: GraphqlContext) {
    return ctx.loaders.byId(AgencyEntity).load(task.assigningAgencyId);
  }

  @ResolveField(() => AgencyEntity, { description: 'The agency asked to do the work.' })
  assigneeAgency(task: TaskEntity, _args: unknown, ctx: GraphqlContext) {
    return ctx.loaders.byId(AgencyEntity).load(task.assigneeAgencyId);
  }

  @ResolveField(() => UserEntity, {
    nullable: true,
    description: "The person the work is for, if named; empty when they are another agency's staff (the staff rule).",
  })
  async assigneeUser(@CurrentActor() actor: Actor, @Parent() task: TaskEntity, @Context() ctx: GraphqlContext) {
    const user = task.assigneeUserId ? await ctx.loaders.byId(UserEntity).load(task.assigneeUserId) : null;
    return user && this.access.canSeeAgencyStaff(actor, user.agencyId) ? user : null;
  }

  @ResolveField(() => [TaskEvent], { description: 'Every change, transition and comment, oldest first.' })
  async history(@Parent() task: TaskEntity, @Context() ctx: GraphqlContext): Promise<TaskEvent[]> {
    const rows = await ctx.loaders.byKey('task-history', (ids) => this.service.historyOf(ids)).load(task.id);
    return rows.map(toTaskEvent);
  }
}
