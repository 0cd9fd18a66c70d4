import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Generated, Index, JoinColumn, ManyToOne, VersionColumn } from 'typeorm';

import { BaseEntity } from '@app/kernel/base.entity';
import { AgencyEntity } from '@app/modules/agencies/agency.entity';
import { AgreementCommitmentEntity } from '@app/modules/legal-instruments/agreement-commitment.entity';
import { LegalInstrumentEntity } from '@app/modules/legal-instruments/legal-instrument.entity';

import {
  RequestCategory,
  RequestChannel,
  RequestConfidentiality,
  RequestDirection,
  RequestStage,
  RequestStatus,
  RequestUrgency,
} from './cross-border.enums';

/**
 * A request between an Indonesian agency and a Cambodian or Malaysian counterpart, filed (typically by an
 * immigration attaché or an embassy officer) on behalf of a home agency, with three staged deadlines in the
 * counterpart's calendar. Instants of the steps (submitted, acknowledged, answered) feed the response-time
 * statistics per counterpart.
 */
@ObjectType('CrossBorderRequest', {
  description: 'A request to (or from) a foreign counterpart, with staged deadlines.',
})
@Entity('cross_border_request')
@Index('UQ_cross_border_request_number', ['number'], { unique: true })
@Index('IDX_cross_border_request_counterpart', ['counterpartAgencyId', 'status'])
@Index('IDX_cross_border_request_home', ['onBehalfOfAgencyId', 'status'])
@Index('IDX_cross_border_request_filer', ['filedByUserId'])
@Index('IDX_cross_border_request_filing', ['filingAgencyId', 'status'])
@Index('IDX_cross_border_request_commitment', ['agreementCommitmentId'])
export class CrossBorderRequestEntity extends BaseEntity {
  /** Running number behind the reference code CBR-000123. */
  @Column({ type: 'int' })
  @Generated('increment')
  number: number;

  @Field(() => RequestDirection, { description: 'OUTGOING (Indonesia asks) or INCOMING (the counterpart asks).' })
  @Column({ type: 'enum', enum: RequestDirection, enumName: 'cross_border_direction' })
  direction: RequestDirection;

  @Field(() => String, { description: 'Counterpart country, ISO 3166-1 alpha-2 (KH, MY …).' })
  @Column({ type: 'char', length: 2 })
  counterpartCountry: string;

  @Field(() => ID, { description: 'The counterpart agency.' })
  @Column({ type: 'uuid' })
  counterpartAgencyId: string;

  @ManyToOne(() => AgencyEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'counterpart_agency_id', foreignKeyConstraintName: 'FK_cross_border_request_counterpart' })
  counterpartAgency?: AgencyEntity;

  @Field(() => RequestChannel, { description: 'How it travels.' })
  @Column({ type: 'enum', enum: RequestChannel, enumName: 'cross_border_channel' })
  channel: RequestChannel;

  @Field(() => ID, { nullable: true, description: 'The instrument it rests on (must bind the counterpart country).' })
  @Column({ type: 'uuid', nullable: true })
  legalInstrumentId: string | null;

  @ManyToOne(() => LegalInstrumentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'legal_instrument_id', foreignKeyConstraintName: 'FK_cross_border_request_instrument' })
  legalInstrument?: LegalInstrumentEntity;

  @Field(() => ID, { nullable: true, description: 'The commitment area of that instrument it serves.' })
  @Column({ type: 'uuid', nullable: true })
  agreementCommitmentId: string | null;

  @ManyToOne(() => AgreementCommitmentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agreement_commitment_id', foreignKeyConstraintName: 'FK_cross_border_request_commitment' })
  agreementCommitment?: AgreementCommitmentEntity;

  @Field(() => RequestCategory, { description: 'What is asked.' })
  @Column({ type: 'enum', enum: RequestCategory, enumName: 'cross_border_category' })
  category: RequestCategory;

  @Field(() => RequestUrgency, { description: 'URGENT deadlines count in hours.' })
  @Column({ type: 'enum', enum: RequestUrgency, enumName: 'cross_border_urgency' })
  urgency: RequestUrgency;

  @Field(() => RequestConfidentiality, { description: 'Handling level.' })
  @Column({ type: 'enum', enum: RequestConfidentiality, enumName: 'cross_border_confidentiality' })
  confidentiality: RequestConfidentiality;

  @Field(() => String, { description: 'Subject line (reference codes, no names).' })
  @Column({ type: 'varchar', length: 300 })
  subject: string;

  @Field(() => String, { description: 'What is asked, in full (victims by code only).' })
  @Column({ type: 'text' })
  body: string;

  @Field(() => ID, { description: 'Who filed it (an attaché or embassy officer, usually).' })
  @Column({ type: 'uuid' })
  filedByUserId: string;

  @Field(() => ID, { description: 'The agency of the person who filed it.' })
  @Column({ type: 'uuid' })
  filingAgencyId: string;

  @Field(() => ID, { description: 'The home agency it is filed on behalf of.' })
  @Column({ type: 'uuid' })
  onBehalfOfAgencyId: string;

  @ManyToOne(() => AgencyEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'on_behalf_of_agency_id', foreignKeyConstraintName: 'FK_cross_border_request_home_agency' })
  onBehalfOfAgency?: AgencyEntity;

  @Field(() => RequestStatus, { description: 'Where it stands.' })
  @Column({ type: 'enum', enum: RequestStatus, enumName: 'cross_border_status' })
  status: RequestStatus;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Acknowledge by (set on submission).' })
  @Column({ type: 'timestamptz', nullable: true })
  acknowledgeBy: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Decide (accept or refuse) by.' })
  @Column({ type: 'timestamptz', nullable: true })
  decideBy: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Execute (answer in full) by.' })
  @Column({ type: 'timestamptz', nullable: true })
  executeBy: Date | null;

  /**
   * Versions of the three deadlines: a change (extension, pause) restarts that stage's ladder. (The default is
   * written as PostgreSQL prints jsonb, keys by length, so the drift check sees no difference.)
   */
  @Column({ type: 'jsonb', default: () => `'{"DECIDE": 1, "EXECUTE": 1, "ACKNOWLEDGE": 1}'` })
  deadlineVersions: Record<RequestStage, number>;

  @Field(() => [RequestStage], { description: 'Stages whose deadline passed without the step being done.' })
  @Column({ type: 'varchar', length: 12, array: true, default: () => "'{}'" })
  overdueStages: RequestStage[];

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the clock was paused; empty when running.' })
  @Column({ type: 'timestamptz', nullable: true })
  pausedAt: Date | null;

  @Field(() => String, { nullable: true, description: 'Why the clock is paused (e.g. awaiting documents).' })
  @Column({ type: 'varchar', length: 500, nullable: true })
  pauseReason: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When it went to the counterpart.' })
  @Column({ type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the counterpart acknowledged it.' })
  @Column({ type: 'timestamptz', nullable: true })
  acknowledgedAt: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the counterpart accepted it.' })
  @Column({ type: 'timestamptz', nullable: true })
  acceptedAt: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the counterpart answered in full.' })
  @Column({ type: 'timestamptz', nullable: true })
  answeredAt: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When it closed, was refused, withdrawn or lapsed.' })
  @Column({ type: 'timestamptz', nullable: true })
  endedAt: Date | null;

  @Field(() => String, { nullable: true, description: "The counterpart's own reference number." })
  @Column({ type: 'varchar', length: 100, nullable: true })
  counterpartReference: string | null;

  @Field(() => String, { nullable: true, description: 'Grounds of a refusal, or why it was withdrawn.' })
  @Column({ type: 'varchar', length: 2000, nullable: true })
  statusReason: string | null;

  @Field(() => ID, { nullable: true, description: 'The informal request this formal one was proposed from.' })
  @Column({ type: 'uuid', nullable: true })
  proposedFromId: string | null;

  @ManyToOne(() => CrossBorderRequestEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'proposed_from_id', foreignKeyConstraintName: 'FK_cross_border_request_proposed_from' })
  proposedFrom?: CrossBorderRequestEntity;

  /** The escalation policy frozen at submission. */
  @Column({ type: 'jsonb', nullable: true })
  escalationPolicy: Record<string, unknown> | null;

  @Field(() => Int, { description: 'Increases with every change; send it back as expectedVersion to act safely.' })
  @VersionColumn({ default: 1 })
  version: number;
}
