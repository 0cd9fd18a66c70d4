import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

import { AgencyEntity } from '@app/modules/agencies/agency.entity';
import { ReferralService } from '@app/modules/referrals/referral.enums';

import { VictimEntity } from './victim.entity';

/**
 * A service delivered to a person, as the agency that knows of it recorded it: what, by which provider, on which
 * days (may be historical: the 2023 shelter stay entered now). Recorded by the owning agency or an agency taking
 * part in the person's case; the note never holds identity.
 */
@ObjectType('VictimServiceRecord', { description: 'A service delivered to a person, with its dates and provider.' })
@Entity('victim_service')
@Index('IDX_victim_service_victim', ['victimId', 'deliveredOn'])
export class VictimServiceEntity {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_victim_service' })
  id: string;

  @Field(() => ID, { description: 'The person.' })
  @Column({ type: 'uuid' })
  victimId: string;

  @ManyToOne(() => VictimEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'victim_id', foreignKeyConstraintName: 'FK_victim_service_victim' })
  victim?: VictimEntity;

  @Field(() => ReferralService, { description: 'The service delivered.' })
  @Column({ type: 'enum', enum: ReferralService, enumName: 'referral_service' })
  service: ReferralService;

  @Field(() => ID, { description: 'The agency that delivered it (a provider, a hospital, a mission …).' })
  @Column({ type: 'uuid' })
  providerAgencyId: string;

  @ManyToOne(() => AgencyEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'provider_agency_id', foreignKeyConstraintName: 'FK_victim_service_provider' })
  providerAgency?: AgencyEntity;

  @Field(() => String, { description: 'The day it was delivered, or began (YYYY-MM-DD).' })
  @Column({ type: 'date' })
  deliveredOn: string;

  @Field(() => String, { nullable: true, description: 'The last day, for a service over a period (a shelter stay).' })
  @Column({ type: 'date', nullable: true })
  deliveredUntil: string | null;

  @Field(() => String, { nullable: true, description: 'A note on the service (never identity: codes only).' })
  @Column({ type: 'varchar', length: 1000, nullable: true })
  note: string | null;

  @Field(() => ID, { description: 'Who recorded it.' })
  @Column({ type: 'uuid' })
  recordedByUserId: string;

  @Field(() => ID, { description: 'The agency that recorded it.' })
  @Column({ type: 'uuid' })
  recordedByAgencyId: string;

  @Field(() => GraphQLISODateTime, { description: 'When it was recorded.' })
  @CreateDateColumn({ type: 'timestamptz' })
  recordedAt: Date;
}
