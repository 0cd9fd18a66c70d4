import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Generated, Index, JoinColumn, ManyToOne, VersionColumn } from 'typeorm';

import { BaseEntity } from '@app/kernel/base.entity';
import { AgencyEntity } from '@app/modules/agencies/agency.entity';
import { ConsentEntity } from '@app/modules/victims/consent.entity';
import { VictimEntity } from '@app/modules/victims/victim.entity';

import { ReferralService, ReferralStatus, ReferralUrgency } from './referral.enums';

/**
 * A victim referred from one agency to a provider for one service. It rests on a consent for that provider
 * (required to propose it; the provider sees the identity only while the consent is in force). A re-routed
 * referral points back to the one it replaces, so the chain stays readable.
 */
@ObjectType('Referral', { description: 'A victim referred by one agency to a provider for a service.' })
@Entity('referral')
@Index('UQ_referral_number', ['number'], { unique: true })
@Index('IDX_referral_recipient_status', ['recipientAgencyId', 'status'])
@Index('IDX_referral_from_status', ['fromAgencyId', 'status'])
@Index('IDX_referral_victim', ['victimId'])
export class ReferralEntity extends BaseEntity {
  /** Running number behind the reference code REF-000123. */
  @Column({ type: 'int' })
  @Generated('increment')
  number: number;

  @Field(() => ID, { description: 'The person referred.' })
  @Column({ type: 'uuid' })
  victimId: string;

  @ManyToOne(() => VictimEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'victim_id', foreignKeyConstraintName: 'FK_referral_victim' })
  victim?: VictimEntity;

  @Field(() => ID, { description: 'The referring agency.' })
  @Column({ type: 'uuid' })
  fromAgencyId: string;

  @ManyToOne(() => AgencyEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'from_agency_id', foreignKeyConstraintName: 'FK_referral_from_agency' })
  fromAgency?: AgencyEntity;

  @Field(() => ID, { description: 'The provider asked to deliver the service.' })
  @Column({ type: 'uuid' })
  recipientAgencyId: string;

  @ManyToOne(() => AgencyEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'recipient_agency_id', foreignKeyConstraintName: 'FK_referral_recipient_agency' })
  recipientAgency?: AgencyEntity;

  @Field(() => ID, { description: 'Who proposed it.' })
  @Column({ type: 'uuid' })
  proposedByUserId: string;

  @Field(() => ReferralService, { description: 'The service asked for.' })
  @Column({ type: 'enum', enum: ReferralService, enumName: 'referral_service' })
  service: ReferralService;

  @Field(() => ReferralUrgency, { description: 'How fast the provider must answer.' })
  @Column({ type: 'enum', enum: ReferralUrgency, enumName: 'referral_urgency' })
  urgency: ReferralUrgency;

  @Field(() => ReferralStatus, { description: 'Where the referral stands.' })
  @Column({ type: 'enum', enum: ReferralStatus, enumName: 'referral_status' })
  status: ReferralStatus;

  @Field(() => GraphQLISODateTime, { description: "When the provider must answer by (in the provider's calendar)." })
  @Column({ type: 'timestamptz' })
  respondBy: Date;

  /** Bumped when the respond-by changes, so the escalation ladder restarts. */
  @Column({ type: 'int', default: 1 })
  deadlineVersion: number;

  /** The escalation policy frozen when the referral was proposed. */
  @Column({ type: 'jsonb' })
  escalationPolicy: Record<string, unknown>;

  @Field(() => ID, { description: 'The consent it rests on.' })
  @Column({ type: 'uuid' })
  consentId: string;

  @ManyToOne(() => ConsentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'consent_id', foreignKeyConstraintName: 'FK_referral_consent' })
  consent?: ConsentEntity;

  @Field(() => String, {
    nullable: true,
    description: 'For a referral to IOM (or another international organisation): why no national provider could serve.',
  })
  @Column({ type: 'varchar', length: 1000, nullable: true })
  capacityGapReason: string | null;

  @Field(() => String, { nullable: true, description: 'Why it was declined, withdrawn or discontinued.' })
  @Column({ type: 'varchar', length: 1000, nullable: true })
  statusReason: string | null;

  @Field(() => String, { nullable: true, description: 'The outcome, once completed.' })
  @Column({ type: 'varchar', length: 2000, nullable: true })
  outcome: string | null;

  @Field(() => ID, { nullable: true, description: 'The declined or expired referral this one re-routes.' })
  @Column({ type: 'uuid', nullable: true })
  previousReferralId: string | null;

  @ManyToOne(() => ReferralEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'previous_referral_id', foreignKeyConstraintName: 'FK_referral_previous' })
  previousReferral?: ReferralEntity;

  @Field(() => Int, { description: 'Increases with every change; send it back as expectedVersion to act safely.' })
  @VersionColumn({ default: 1 })
  version: number;
}
