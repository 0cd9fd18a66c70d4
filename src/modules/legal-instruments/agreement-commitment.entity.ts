import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, VersionColumn } from 'typeorm';

import { BaseEntity } from '@app/kernel/base.entity';
import { AgencyEntity } from '@app/modules/agencies/agency.entity';

import { CommitmentStatus } from './legal-instrument.enums';
import { LegalInstrumentEntity } from './legal-instrument.entity';

@ObjectType('AgreementCommitment', {
  description: 'One area an instrument commits its parties to, tracked so that stalled commitments become visible.',
})
@Entity('agreement_commitment')
@Index('UQ_agreement_commitment_instrument_sequence', ['instrumentId', 'sequence'], { unique: true })
@Index('UQ_agreement_commitment_code', ['code'], { unique: true })
export class AgreementCommitmentEntity extends BaseEntity {
  @Field(() => ID, { description: 'The instrument this commitment belongs to.' })
  @Column({ type: 'uuid' })
  instrumentId: string;

  @ManyToOne(() => LegalInstrumentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'instrument_id', foreignKeyConstraintName: 'FK_agreement_commitment_instrument' })
  instrument?: LegalInstrumentEntity;

  @Field(() => Int, { description: 'Position in the instrument (1-based).' })
  @Column({ type: 'int' })
  sequence: number;

  @Field(() => String, { description: 'Short stable code, e.g. KH-ID-IMM-2024-06.' })
  @Column({ type: 'varchar', length: 60 })
  code: string;

  @Field(() => String, { description: 'The area in Bahasa Indonesia.' })
  @Column({ type: 'varchar', length: 500 })
  titleId: string;

  @Field(() => String, { description: 'The area in English.' })
  @Column({ type: 'varchar', length: 500 })
  titleEn: string;

  @Field(() => ID, { nullable: true, description: 'The Indonesian agency answerable for progress.' })
  @Column({ type: 'uuid', nullable: true })
  ownerAgencyId: string | null;

  @ManyToOne(() => AgencyEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'owner_agency_id', foreignKeyConstraintName: 'FK_agreement_commitment_owner' })
  ownerAgency?: AgencyEntity | null;

  @Field(() => CommitmentStatus, { description: 'Progress status.' })
  @Column({ type: 'enum', enum: CommitmentStatus, enumName: 'commitment_status', default: CommitmentStatus.ACTIVE })
  status: CommitmentStatus;

  @Field(() => Int, { description: 'Days without linked activity after which the commitment counts as stalled.' })
  @Column({ type: 'int', default: 90 })
  stallAfterDays: number;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When anything linked to it last moved.' })
  @Column({ type: 'timestamptz', nullable: true })
  lastActivityAt: Date | null;

  @Field(() => Int, { description: 'Increases with every change; pass it back as expectedVersion to edit safely.' })
  @VersionColumn({ default: 1 })
  version: number;
}
