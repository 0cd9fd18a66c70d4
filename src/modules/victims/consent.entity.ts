import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';

import { BaseEntity } from '@app/kernel/base.entity';
import { AgencyEntity } from '@app/modules/agencies/agency.entity';

import { ConsentMethod, ConsentPurpose } from './victim.enums';
import { VictimEntity } from './victim.entity';

/**
 * A person's consent to share their identity with one recipient agency for one purpose, recorded by the
 * owning agency. Revoking it ends the recipient's access to the identity at once (the access rule reads it).
 */
@ObjectType('Consent', { description: 'Consent to share a victim’s identity with one agency for one purpose.' })
@Entity('consent')
@Index('UQ_consent_active', ['victimId', 'recipientAgencyId', 'purpose'], {
  unique: true,
  where: '"revoked_at" IS NULL',
})
@Index('IDX_consent_recipient', ['recipientAgencyId'])
export class ConsentEntity extends BaseEntity {
  @Field(() => ID, { description: 'The person.' })
  @Column({ type: 'uuid' })
  victimId: string;

  @ManyToOne(() => VictimEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'victim_id', foreignKeyConstraintName: 'FK_consent_victim' })
  victim?: VictimEntity;

  @Field(() => ID, { description: 'The agency that may receive the identity.' })
  @Column({ type: 'uuid' })
  recipientAgencyId: string;

  @ManyToOne(() => AgencyEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'recipient_agency_id', foreignKeyConstraintName: 'FK_consent_recipient_agency' })
  recipientAgency?: AgencyEntity;

  @Field(() => ConsentPurpose, { description: 'What it may be shared for.' })
  @Column({ type: 'enum', enum: ConsentPurpose, enumName: 'consent_purpose' })
  purpose: ConsentPurpose;

  @Field(() => ConsentMethod, { description: 'How the person gave it.' })
  @Column({ type: 'enum', enum: ConsentMethod, enumName: 'consent_method' })
  method: ConsentMethod;

  @Field(() => GraphQLISODateTime, { description: 'When the person gave it.' })
  @Column({ type: 'timestamptz' })
  givenAt: Date;

  @Field(() => ID, { description: 'Who recorded it (a user of the owning agency).' })
  @Column({ type: 'uuid' })
  recordedByUserId: string;

  @Field(() => ID, { description: 'The agency that recorded it (the owning agency).' })
  @Column({ type: 'uuid' })
  recordedByAgencyId: string;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When it was revoked; empty while in force.' })
  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Field(() => ID, { nullable: true, description: 'Who recorded the revocation.' })
  @Column({ type: 'uuid', nullable: true })
  revokedByUserId: string | null;

  @Field(() => String, { nullable: true, description: 'Why it was revoked, as the person or officer stated.' })
  @Column({ type: 'varchar', length: 500, nullable: true })
  revocationReason: string | null;
}
