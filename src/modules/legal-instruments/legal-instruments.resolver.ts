import { Args, Context, ID, Mutation, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';

import { Allow, Authenticated } from '@app/auth/access.decorators';
import { Actor } from '@app/auth/actor';
import { CurrentActor } from '@app/auth/current-actor.decorator';
import { GraphqlContext } from '@app/graphql/graphql-context';
import { ConnectionType } from '@app/graphql/pagination';
import { AgencyEntity } from '@app/modules/agencies/agency.entity';
import { Role } from '@app/kernel/role.enum';

import { AgreementCommitmentEntity } from './agreement-commitment.entity';
import {
  AddAgreementCommitmentInput,
  CreateLegalInstrumentInput,
  LegalInstrumentsArgs,
  UpdateAgreementCommitmentInput,
  UpdateLegalInstrumentInput,
} from './dto/legal-instrument.inputs';
import { LegalInstrumentEntity } from './legal-instrument.entity';
import { LegalInstrumentsService } from './legal-instruments.service';

@ObjectType()
export class LegalInstrumentConnection extends ConnectionType(LegalInstrumentEntity, 'LegalInstrument') {}

@Resolver(() => LegalInstrumentEntity)
export class LegalInstrumentsResolver {
  constructor(private readonly service: LegalInstrumentsService) {}

  @Authenticated()
  @Query(() => LegalInstrumentConnection, { description: 'Legal instruments, ordered by code.' })
  legalInstruments(@Args() args: LegalInstrumentsArgs) {
    return this.service.list(args);
  }

  @Authenticated()
  @Query(() => LegalInstrumentEntity, { description: 'One legal instrument by id.' })
  legalInstrument(@Args('id', { type: () => ID }) id: string) {
    return this.service.findInstrument(id);
  }

  @Allow(Role.ADMINISTRATOR)
  @Mutation(() => LegalInstrumentEntity, { description: 'Record a legal instrument (administrators).' })
  createLegalInstrument(@CurrentActor() actor: Actor, @Args('input') input: CreateLegalInstrumentInput) {
    return this.service.createInstrument(actor, input);
  }

  @Allow(Role.ADMINISTRATOR)
  @Mutation(() => LegalInstrumentEntity, {
    description: 'Edit a legal instrument, or end it by setting effectiveTo (administrators).',
  })
  updateLegalInstrument(@CurrentActor() actor: Actor, @Args('input') input: UpdateLegalInstrumentInput) {
    return this.service.updateInstrument(actor, input);
  }

  @Allow(Role.ADMINISTRATOR)
  @Mutation(() => AgreementCommitmentEntity, { description: 'Add a commitment area to an instrument.' })
  addAgreementCommitment(@CurrentActor() actor: Actor, @Args('input') input: AddAgreementCommitmentInput) {
    return this.service.addCommitment(actor, input);
  }

  @Allow(Role.ADMINISTRATOR)
  @Mutation(() => AgreementCommitmentEntity, { description: 'Edit a commitment: owner, status, stall threshold.' })
  updateAgreementCommitment(@CurrentActor() actor: Actor, @Args('input') input: UpdateAgreementCommitmentInput) {
    return this.service.updateCommitment(actor, input);
  }

  @ResolveField(() => [AgreementCommitmentEntity], { description: 'The areas this instrument commits to, in order.' })
  commitments(@Parent() instrument: LegalInstrumentEntity, @Context() ctx: GraphqlContext) {
    return ctx.loaders.byKey('instrument-commitments', (ids) => this.service.commitmentsOf(ids)).load(instrument.id);
  }

  @ResolveField(() => [AgencyEntity], { description: 'Directory agencies that are party to this instrument.' })
  async parties(@Parent() instrument: LegalInstrumentEntity, @Context() ctx: GraphqlContext) {
    const ids = await ctx.loaders
      .byKey('instrument-party-ids', (instrumentIds) => this.service.partyAgencyIdsOf(instrumentIds))
      .load(instrument.id);
    const agencies = await ctx.loaders.byId(AgencyEntity).loadMany(ids);
    return agencies.filter((agency): agency is AgencyEntity => agency instanceof AgencyEntity);
  }
}

@Resolver(() => AgreementCommitmentEntity)
export class AgreementCommitmentFieldsResolver {
  @ResolveField(() => LegalInstrumentEntity, { description: 'The instrument.' })
  instrument(@Parent() commitment: AgreementCommitmentEntity, @Context() ctx: GraphqlContext) {
    return ctx.loaders.byId(LegalInstrumentEntity).load(commitment.instrumentId);
  }

  @ResolveField(() => AgencyEntity, { nullable: true, description: 'Agency answerable for progress.' })
  ownerAgency(@Parent() commitment: AgreementCommitmentEntity, @Context() ctx: GraphqlContext) {
    return commitment.ownerAgencyId ? ctx.loaders.byId(AgencyEntity).load(commitment.ownerAgencyId) : null;
  }
}
