import { Args, Context, ID, Mutation, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';

import { Allow } from '@app/auth/access.decorators';
import { CASE_PARTICIPANT_STAFF } from '@app/auth/access.service';
import { recordedLate } from '@app/kernel/event-date';
import { Actor } from '@app/auth/actor';
import { CurrentActor } from '@app/auth/current-actor.decorator';
import { GraphqlContext } from '@app/graphql/graphql-context';
import { ConnectionType } from '@app/graphql/pagination';
import { AgencyEntity } from '@app/modules/agencies/agency.entity';
import { CaseEntity } from '@app/modules/cases/case.entity';
import { Role } from '@app/kernel/role.enum';

import { ConsentEntity } from './consent.entity';
import { DuplicateFlagEntity } from './duplicate-flag.entity';
import {
  ChangeProtectionStatusInput,
  RecordConsentInput,
  RecordIdentificationDecisionInput,
  RecordServiceDeliveredInput,
  RegisterVictimInput,
  ResolvePossibleDuplicateInput,
  RevokeConsentInput,
  VictimIdentityView,
  VictimsArgs,
} from './dto/victim.inputs';
import {
  ConsentGroupRecording,
  RecordConsentForGroupInput,
  RegisterVictimGroupInput,
  VictimGroupRegistration,
} from './dto/victim-group.inputs';
import { VictimEventEntity } from './victim-event.entity';
import { VictimServiceEntity } from './victim-service.entity';
import { VictimEntity } from './victim.entity';
import { VictimsService } from './victims.service';

@ObjectType()
export class VictimConnection extends ConnectionType(VictimEntity, 'Victim') {}

/**
 * Who works with the register: officers and liaisons register and refer; officers and attachés of an agency in a
 * person's case record what their agency did; others read what they may.
 */
const OFFICERS = [Role.CASE_OFFICER, Role.LIAISON, Role.SUPERVISOR] as const;
const READERS = [...CASE_PARTICIPANT_STAFF, Role.SECRETARIAT, Role.PARTNER] as const;

@Resolver(() => VictimEntity)
export class VictimsResolver {
  constructor(private readonly service: VictimsService) {}

  @Allow(...READERS)
  @Query(() => VictimEntity, { description: 'One victim record you may see (others answer NOT_FOUND).' })
  victim(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string) {
    return this.service.victim(actor, id);
  }

  @Allow(...READERS)
  @Query(() => VictimConnection, { description: 'Victim records you may see, newest first.' })
  victims(@CurrentActor() actor: Actor, @Args() args: VictimsArgs) {
    return this.service.victims(actor, args);
  }

  @Allow(Role.SECRETARIAT)
  @Query(() => [DuplicateFlagEntity], {
    description:
      'Registrations that matched a record the registering agency may not see (open flags on records you may see), for the secretariat to reconcile.',
  })
  possibleDuplicates(@CurrentActor() actor: Actor) {
    return this.service.possibleDuplicates(actor);
  }

  @Allow(Role.SECRETARIAT)
  @Mutation(() => DuplicateFlagEntity, {
    description: 'Close a possible-duplicate flag once the two agencies are reconciled (secretariat).',
  })
  resolvePossibleDuplicate(@CurrentActor() actor: Actor, @Args('input') input: ResolvePossibleDuplicateInput) {
    return this.service.resolvePossibleDuplicate(actor, input);
  }

  @Allow(Role.CASE_OFFICER, Role.LIAISON)
  @Mutation(() => VictimEntity, {
    description:
      'Register a person; your agency owns the record. Refused when the passport or NIK is in a record you can see (DUPLICATE_VICTIM), and until confirmed when a record you can see is a close match (CLOSE_MATCH). A match with a record you cannot see does not change the answer: the unit secretariat is asked to reconcile the two.',
  })
  registerVictim(@CurrentActor() actor: Actor, @Args('input') input: RegisterVictimInput) {
    return this.service.registerVictim(actor, input);
  }

  @Allow(Role.CASE_OFFICER, Role.LIAISON)
  @Mutation(() => VictimGroupRegistration, {
    description:
      'Register many people from one intake (a rescue) in one call: shared case, place and date, each with their own identity. All or nothing, with every invalid row and field named; a retry with the same operationKey answers with the first call’s records and writes nothing.',
  })
  registerVictimGroup(@CurrentActor() actor: Actor, @Args('input') input: RegisterVictimGroupInput) {
    return this.service.registerVictimGroup(actor, input);
  }

  @Allow(...OFFICERS)
  @Mutation(() => ConsentGroupRecording, {
    description:
      'Record one consent (recipient, purpose) for a selection of people your agency owns. All or nothing; idempotent on operationKey.',
  })
  recordConsentForGroup(@CurrentActor() actor: Actor, @Args('input') input: RecordConsentForGroupInput) {
    return this.service.recordConsentForGroup(actor, input);
  }

  @Allow(...CASE_PARTICIPANT_STAFF)
  @Mutation(() => VictimServiceEntity, {
    description:
      "Record a service a person received (what, from which provider, on which days; may be historical): the owning agency or an agency taking part in the person's case.",
  })
  recordServiceDelivered(@CurrentActor() actor: Actor, @Args('input') input: RecordServiceDeliveredInput) {
    return this.service.recordServiceDelivered(actor, input);
  }

  @Allow(...OFFICERS)
  @Mutation(() => ConsentEntity, { description: 'Record consent to share identity with an agency (owning agency).' })
  recordConsent(@CurrentActor() actor: Actor, @Args('input') input: RecordConsentInput) {
    return this.service.recordConsent(actor, input);
  }

  @Allow(...OFFICERS)
  @Mutation(() => ConsentEntity, { description: 'Revoke a consent; the recipient loses the identity at once.' })
  revokeConsent(@CurrentActor() actor: Actor, @Args('input') input: RevokeConsentInput) {
    return this.service.revokeConsent(actor, input);
  }

  @Allow(...CASE_PARTICIPANT_STAFF)
  @Mutation(() => VictimEntity, {
    description:
      "Move a person along the protection track, with the day of the step: the owning agency or an agency taking part in the person's case.",
  })
  changeProtectionStatus(@CurrentActor() actor: Actor, @Args('input') input: ChangeProtectionStatusInput) {
    return this.service.changeProtectionStatus(actor, input);
  }

  @Allow(...CASE_PARTICIPANT_STAFF)
  @Mutation(() => VictimEntity, {
    description:
      "Record an identification decision taken by your agency, with its day: the owning agency or an agency taking part in the person's case.",
  })
  recordIdentificationDecision(@CurrentActor() actor: Actor, @Args('input') input: RecordIdentificationDecisionInput) {
    return this.service.recordIdentificationDecision(actor, input);
  }

  @ResolveField(() => VictimIdentityView, {
    nullable: true,
    description:
      "Identity fields: only for the owning agency, agencies holding a consent-backed referral, and agencies in the person's case holding consent for a purpose their role serves; empty for everyone else. Every read is audited.",
  })
  identity(@CurrentActor() actor: Actor, @Parent() victim: VictimEntity) {
    return this.service.identity(actor, victim);
  }

  @ResolveField(() => Boolean, { description: 'Whether you may see the identity fields (reading them is audited).' })
  canSeeIdentity(@CurrentActor() actor: Actor, @Parent() victim: VictimEntity) {
    return this.service.canSeeIdentity(actor, victim.id);
  }

  @ResolveField(() => CaseEntity, { nullable: true, description: 'The case, when you may see it.' })
  case(@CurrentActor() actor: Actor, @Parent() victim: VictimEntity) {
    return this.service.caseOf(actor, victim);
  }

  @ResolveField(() => AgencyEntity, { description: 'The agency that owns the record.' })
  owningAgency(@Parent() victim: VictimEntity, @Context() ctx: GraphqlContext) {
    return ctx.loaders.byId(AgencyEntity).load(victim.owningAgencyId);
  }

  @ResolveField(() => AgencyEntity, { description: 'The agency that took the identification decision.' })
  identifiedByAgency(@Parent() victim: VictimEntity, @Context() ctx: GraphqlContext) {
    return ctx.loaders.byId(AgencyEntity).load(victim.identifiedByAgencyId);
  }

  @ResolveField(() => [ConsentEntity], {
    description: 'Consents: all of them for the owning agency, your agency’s own for a recipient.',
  })
  consents(@CurrentActor() actor: Actor, @Parent() victim: VictimEntity) {
    return this.service.consents(actor, victim);
  }

  @ResolveField(() => [VictimServiceEntity], {
    description: 'Services the person received, in the order delivered, with provider and dates.',
  })
  services(@Parent() victim: VictimEntity, @Context() ctx: GraphqlContext) {
    return ctx.loaders.byKey('victim-services', (ids) => this.service.servicesOf(ids)).load(victim.id);
  }

  @ResolveField(() => Boolean, {
    description: 'Whether the person was registered more than 30 days after the rescue or identification (historical).',
  })
  recordedLate(@Parent() victim: VictimEntity) {
    return recordedLate(victim.rescuedOn ?? victim.identifiedOn, victim.createdAt);
  }

  @ResolveField(() => [VictimEventEntity], {
    description:
      'Changes to the record, oldest first: all of them for the owning agency; for anyone else, consent entries only about their own agency (as in consents).',
  })
  history(@CurrentActor() actor: Actor, @Parent() victim: VictimEntity) {
    return this.service.historyFor(actor, victim);
  }
}

@Resolver(() => VictimEventEntity)
export class VictimEventResolver {
  @ResolveField(() => Boolean, {
    description: 'Whether the entry was recorded more than 30 days after the event it records (occurredOn).',
  })
  recordedLate(@Parent() event: VictimEventEntity) {
    return recordedLate(event.occurredOn, event.occurredAt);
  }
}

@Resolver(() => VictimServiceEntity)
export class VictimServiceResolver {
  @ResolveField(() => AgencyEntity, { description: 'The agency that delivered it.' })
  providerAgency(@Parent() record: VictimServiceEntity, @Context() ctx: GraphqlContext) {
    return ctx.loaders.byId(AgencyEntity).load(record.providerAgencyId);
  }

  @ResolveField(() => Boolean, { description: 'Whether it was recorded more than 30 days after it was delivered.' })
  recordedLate(@Parent() record: VictimServiceEntity) {
    return recordedLate(record.deliveredOn, record.recordedAt);
  }
}

/** The people of a case, on the case: by code, as far as the reader may see them. */
@Resolver(() => CaseEntity)
export class CaseVictimsResolver {
  constructor(private readonly service: VictimsService) {}

  @ResolveField(() => [VictimEntity], {
    description: 'The people of the case you may see, by code (identity on each only where you may see it).',
  })
  victims(@CurrentActor() actor: Actor, @Parent() kase: CaseEntity, @Context() ctx: GraphqlContext) {
    return ctx.loaders.byKey('case-victims', (ids) => this.service.victimsOfCases(actor, ids)).load(kase.id);
  }
}

@Resolver(() => ConsentEntity)
export class ConsentResolver {
  @ResolveField(() => AgencyEntity, { description: 'The agency that may receive the identity.' })
  recipientAgency(@Parent() consent: ConsentEntity, @Context() ctx: GraphqlContext) {
    return ctx.loaders.byId(AgencyEntity).load(consent.recipientAgencyId);
  }
}
