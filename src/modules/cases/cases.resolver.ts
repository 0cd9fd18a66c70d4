import { Args, Context, ID, Mutation, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';

import { Allow, Authenticated } from '@app/auth/access.decorators';
import { CASE_HOLDERS, CASE_OPENERS } from '@app/auth/access.service';
import { Actor } from '@app/auth/actor';
import { CurrentActor } from '@app/auth/current-actor.decorator';
import { GraphqlContext } from '@app/graphql/graphql-context';
import { ConnectionType } from '@app/graphql/pagination';
import { AgencyEntity } from '@app/modules/agencies/agency.entity';
import { TaskForceUnitEntity } from '@app/modules/task-forces/task-force-unit.entity';

import { CasesArgs, ChangeCaseStatusInput, OpenCaseInput, UpdateCaseInput } from './dto/case.inputs';
import { CaseEventEntity } from './case-event.entity';
import { CaseEntity } from './case.entity';
import { caseReference, CasesService } from './cases.service';

@ObjectType()
export class CaseConnection extends ConnectionType(CaseEntity, 'Case') {}

@Resolver(() => CaseEntity)
export class CasesResolver {
  constructor(private readonly service: CasesService) {}

  // Reads are open to every logged-in user and filtered per record (AccessService.caseVisibility): whoever may
  // not see a case gets NOT_FOUND, never FORBIDDEN, so nobody learns that it exists.
  @Authenticated()
  @Query(() => CaseEntity, { name: 'case', description: 'One case you may see (others answer NOT_FOUND).' })
  findCase(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string) {
    return this.service.findVisible(actor, id);
  }

  @Authenticated()
  @Query(() => CaseConnection, { description: 'Cases you may see, newest first, filtered.' })
  cases(@CurrentActor() actor: Actor, @Args() args: CasesArgs) {
    return this.service.list(actor, args);
  }

  @Allow(...CASE_OPENERS)
  @Mutation(() => CaseEntity, { description: 'Open a case led by your agency; it starts as REPORTED.' })
  openCase(@CurrentActor() actor: Actor, @Args('input') input: OpenCaseInput) {
    return this.service.openCase(actor, input);
  }

  @Allow(...CASE_HOLDERS)
  @Mutation(() => CaseEntity, {
    description:
      "Correct or complete the description of a case your agency leads (in any status; it's in the history).",
  })
  updateCase(@CurrentActor() actor: Actor, @Args('input') input: UpdateCaseInput) {
    return this.service.updateCase(actor, input);
  }

  @Allow(...CASE_HOLDERS)
  @Mutation(() => CaseEntity, {
    description: 'Move a case your agency leads on the justice track; illegal steps answer CONFLICT.',
  })
  changeCaseStatus(@CurrentActor() actor: Actor, @Args('input') input: ChangeCaseStatusInput) {
    return this.service.changeCaseStatus(actor, input);
  }

  @ResolveField(() => String, { description: 'Human reference, e.g. CASE-000042.' })
  reference(@Parent() kase: CaseEntity) {
    return caseReference(kase);
  }

  @ResolveField(() => AgencyEntity, { description: 'The agency leading the case.' })
  leadAgency(@Parent() kase: CaseEntity, @Context() ctx: GraphqlContext) {
    return ctx.loaders.byId(AgencyEntity).load(kase.leadAgencyId);
  }

  @ResolveField(() => TaskForceUnitEntity, { description: 'The task-force unit the case is handled in.' })
  unit(@Parent() kase: CaseEntity, @Context() ctx: GraphqlContext) {
    return ctx.loaders.byId(TaskForceUnitEntity).load(kase.unitId);
  }

  @ResolveField(() => [CaseEventEntity], { description: 'Every change to the case, oldest first.' })
  history(@Parent() kase: CaseEntity, @Context() ctx: GraphqlContext) {
    return ctx.loaders.byKey('case-history', (ids) => this.service.historyOf(ids)).load(kase.id);
  }
}
