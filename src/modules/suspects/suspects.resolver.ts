import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';

import { Allow } from '@app/auth/access.decorators';
import { CASE_HOLDERS } from '@app/auth/access.service';
import { Actor } from '@app/auth/actor';
import { CurrentActor } from '@app/auth/current-actor.decorator';
import { Role } from '@app/kernel/role.enum';
import { GraphqlContext } from '@app/graphql/graphql-context';
import { CaseEntity } from '@app/modules/cases/case.entity';

import { ChangeSuspectStatusInput, RecordSuspectInput, SuspectIdentityView } from './dto/suspect.inputs';
import { SuspectEventEntity } from './suspect-event.entity';
import { SuspectEntity } from './suspect.entity';
import { SuspectsService } from './suspects.service';

/** Who reads suspects: the case holders of investigating and prosecuting agencies, and secretariats (codes). */
const READERS = [...CASE_HOLDERS, Role.SECRETARIAT] as const;

@Resolver(() => SuspectEntity)
export class SuspectsResolver {
  constructor(private readonly service: SuspectsService) {}

  @Allow(...READERS)
  @Query(() => SuspectEntity, { description: 'One suspect you may see (others answer NOT_FOUND).' })
  suspect(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string) {
    return this.service.suspect(actor, id);
  }

  @Allow(...CASE_HOLDERS)
  @Mutation(() => SuspectEntity, {
    description:
      'Record a suspect in a case your agency investigates or prosecutes: identity sealed, code everywhere else.',
  })
  recordSuspect(@CurrentActor() actor: Actor, @Args('input') input: RecordSuspectInput) {
    return this.service.recordSuspect(actor, input);
  }

  @Allow(...CASE_HOLDERS)
  @Mutation(() => SuspectEntity, { description: 'Move a suspect one step in the criminal process, with its day.' })
  changeSuspectStatus(@CurrentActor() actor: Actor, @Args('input') input: ChangeSuspectStatusInput) {
    return this.service.changeSuspectStatus(actor, input);
  }

  @ResolveField(() => SuspectIdentityView, {
    nullable: true,
    description: "Identity: only for the case's investigators and prosecutors, every read audited; empty otherwise.",
  })
  identity(@CurrentActor() actor: Actor, @Parent() suspect: SuspectEntity) {
    return this.service.identity(actor, suspect);
  }

  @ResolveField(() => [SuspectEventEntity], { description: 'Every step, in the order it happened.' })
  history(@Parent() suspect: SuspectEntity, @Context() ctx: GraphqlContext) {
    return ctx.loaders.byKey('suspect-history', (ids) => this.service.historyOf(ids)).load(suspect.id);
  }
}

/** The suspects of a case, on the case: its investigators and prosecutors and the secretariat see them. */
@Resolver(() => CaseEntity)
export class CaseSuspectsResolver {
  constructor(private readonly service: SuspectsService) {}

  @ResolveField(() => [SuspectEntity], {
    description:
      "The case's suspects, by code: for its investigators and prosecutors and the unit secretariat; empty for other participants.",
  })
  suspects(@CurrentActor() actor: Actor, @Parent() kase: CaseEntity, @Context() ctx: GraphqlContext) {
    return ctx.loaders.byKey('case-suspects', (ids) => this.service.suspectsOfCases(actor, ids)).load(kase.id);
  }
}
