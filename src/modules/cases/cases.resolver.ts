import { Args, Context, ID, Mutation, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';

import { Allow, Authenticated } from '@app/auth/access.decorators';
import { CASE_HOLDERS, CASE_OPENERS, CASE_PARTICIPANT_STAFF } from '@app/auth/access.service';
import { Actor } from '@app/auth/actor';
import { CurrentActor } from '@app/auth/current-actor.decorator';
import { recordedLate } from '@app/kernel/event-date';
import { Role } from '@app/kernel/role.enum';
import { GraphqlContext } from '@app/graphql/graphql-context';
import { ConnectionType } from '@app/graphql/pagination';
import { AgencyEntity } from '@app/modules/agencies/agency.entity';
import { TaskForceUnitEntity } from '@app/modules/task-forces/task-force-unit.entity';

import {
  AddCaseParticipantInput,
  CommentOnCaseInput,
  EndCaseParticipationInput,
  HandOverCaseLeadInput,
} from './dto/case-team.inputs';
import { CasesArgs, ChangeCaseStatusInput, OpenCaseInput, UpdateCaseInput } from './dto/case.inputs';
import { CaseEventEntity } from './case-event.entity';
import { CaseParticipantEntity } from './case-participant.entity';
import { CaseEntity } from './case.entity';
import { caseReference, CasesService } from './cases.service';

@ObjectType()
export class CaseConnection extends ConnectionType(CaseEntity, 'Case') {}

/** Who changes a case's team: the lead agency's officers and the unit secretariat (checked per case). */
const TEAM_MANAGERS = [...CASE_HOLDERS, Role.SECRETARIAT] as const;

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
  @Query(() => CaseConnection, { description: 'Cases you may see (led by or shared with your agency), newest first.' })
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

  @Allow(...TEAM_MANAGERS)
  @Mutation(() => CaseParticipantEntity, {
    description:
      "Add an agency to a case's team (lead agency or unit secretariat). Its officers then see the case and its people by code; identity only with consent for it and a purpose its role serves.",
  })
  addCaseParticipant(@CurrentActor() actor: Actor, @Args('input') input: AddCaseParticipantInput) {
    return this.service.addCaseParticipant(actor, input);
  }

  @Allow(...TEAM_MANAGERS)
  @Mutation(() => CaseParticipantEntity, {
    description: "End an agency's participation (not the lead's); its officers no longer see the case.",
  })
  endCaseParticipation(@CurrentActor() actor: Actor, @Args('input') input: EndCaseParticipationInput) {
    return this.service.endCaseParticipation(actor, input);
  }

  @Allow(...TEAM_MANAGERS)
  @Mutation(() => CaseEntity, { description: 'Hand the lead to another agency of the team, with the reason.' })
  handOverCaseLead(@CurrentActor() actor: Actor, @Args('input') input: HandOverCaseLeadInput) {
    return this.service.handOverCaseLead(actor, input);
  }

  @Allow(...CASE_PARTICIPANT_STAFF, Role.SECRETARIAT)
  @Mutation(() => CaseEntity, { description: 'Comment on a case you work (people by code only).' })
  commentOnCase(@CurrentActor() actor: Actor, @Args('input') input: CommentOnCaseInput) {
    return this.service.commentOnCase(actor, input);
  }

  @ResolveField(() => String, { description: 'Human reference, e.g. CASE-000042.' })
  reference(@Parent() kase: CaseEntity) {
    return caseReference(kase);
  }

  @ResolveField(() => Boolean, {
    description: 'Whether the case was entered more than 30 days after it was reported (a historical entry).',
  })
  recordedLate(@Parent() kase: CaseEntity) {
    return recordedLate(kase.reportedOn ?? kase.rescuedOn, kase.createdAt);
  }

  @ResolveField(() => AgencyEntity, { description: 'The agency leading the case.' })
  leadAgency(@Parent() kase: CaseEntity, @Context() ctx: GraphqlContext) {
    return ctx.loaders.byId(AgencyEntity).load(kase.leadAgencyId);
  }

  @ResolveField(() => TaskForceUnitEntity, { description: 'The task-force unit the case is handled in.' })
  unit(@Parent() kase: CaseEntity, @Context() ctx: GraphqlContext) {
    return ctx.loaders.byId(TaskForceUnitEntity).load(kase.unitId);
  }

  @ResolveField(() => [CaseEventEntity], { description: 'Every change to the case and its team, oldest first.' })
  history(@Parent() kase: CaseEntity, @Context() ctx: GraphqlContext) {
    return ctx.loaders.byKey('case-history', (ids) => this.service.historyOf(ids)).load(kase.id);
  }

  @ResolveField(() => [CaseParticipantEntity], {
    description: "The case's team: the lead and every participant, current and past, in the order they joined.",
  })
  participants(@Parent() kase: CaseEntity, @Context() ctx: GraphqlContext) {
    return ctx.loaders.byKey('case-participants', (ids) => this.service.participantsOf(ids)).load(kase.id);
  }
}

@Resolver(() => CaseParticipantEntity)
export class CaseParticipantResolver {
  @ResolveField(() => AgencyEntity, { description: 'The agency taking part.' })
  agency(@Parent() participant: CaseParticipantEntity, @Context() ctx: GraphqlContext) {
    return ctx.loaders.byId(AgencyEntity).load(participant.agencyId);
  }

  @ResolveField(() => Boolean, { description: 'Whether the agency takes part now (its officers see the case).' })
  current(@Parent() participant: CaseParticipantEntity) {
    return participant.endedAt === null;
  }

  @ResolveField(() => Boolean, { description: 'Whether it was recorded more than 30 days after it began.' })
  recordedLate(@Parent() participant: CaseParticipantEntity) {
    return recordedLate(participant.since, participant.createdAt);
  }
}

@Resolver(() => CaseEventEntity)
export class CaseEventResolver {
  @ResolveField(() => Boolean, {
    description: 'Whether the entry was recorded more than 30 days after the event it records (occurredOn).',
  })
  recordedLate(@Parent() event: CaseEventEntity) {
    return recordedLate(event.occurredOn, event.occurredAt);
  }
}
