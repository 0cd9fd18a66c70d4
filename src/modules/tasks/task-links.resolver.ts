import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { Actor } from '@app/auth/actor';
import { CurrentActor } from '@app/auth/current-actor.decorator';
import { GraphqlContext } from '@app/graphql/graphql-context';
import { CaseEntity } from '@app/modules/cases/case.entity';
import { CasesService } from '@app/modules/cases/cases.service';
import { VictimEntity } from '@app/modules/victims/victim.entity';
import { VictimsService } from '@app/modules/victims/victims.service';

import { TaskLinksService } from './commands/task-links.service';
import { TaskEntity } from './task.entity';
import { TasksService } from './tasks.service';

/**
 * What a task links to, as each reader may see it: both sides see the task, but the case and each person only when
 * they may see those themselves (an assignee outside the case team sees neither).
 */
@Resolver(() => TaskEntity)
export class TaskLinksResolver {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cases: CasesService,
    private readonly register: VictimsService,
    private readonly links: TaskLinksService,
  ) {}

  @ResolveField(() => CaseEntity, { nullable: true, description: 'The case the task belongs to, when you may see it.' })
  case(@CurrentActor() actor: Actor, @Parent() task: TaskEntity) {
    return task.caseId ? this.cases.findVisibleOrNull(actor, task.caseId) : null;
  }

  @ResolveField(() => [VictimEntity], {
    description: 'The people the task concerns that you may see, by code (identity only where you may see it).',
  })
  async victims(
    @CurrentActor() actor: Actor,
    @Parent() task: TaskEntity,
    @Context() ctx: GraphqlContext,
  ): Promise<VictimEntity[]> {
    const ids = await ctx.loaders
      .byKey('task-victim-ids', (taskIds) => this.links.victimIdsOf(this.dataSource.manager, taskIds))
      .load(task.id);
    const visible = new Set(await this.register.visibleIds(this.dataSource.manager, actor, ids));
    return (await this.register.linkedTo(ids)).filter((victim) => visible.has(victim.id));
  }
}

/** The tasks of a case, on the case: those the reader may see, with their due dates. */
@Resolver(() => CaseEntity)
export class CaseTasksResolver {
  constructor(private readonly service: TasksService) {}

  @ResolveField(() => [TaskEntity], { description: 'Tasks of the case you may see, earliest due first.' })
  tasks(@CurrentActor() actor: Actor, @Parent() kase: CaseEntity, @Context() ctx: GraphqlContext) {
    return ctx.loaders.byKey('case-tasks', (ids) => this.service.tasksOfCases(actor, ids)).load(kase.id);
  }
}
