import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, VersionColumn } from 'typeorm';

import { BaseEntity } from '@app/kernel/base.entity';
import { AgencyEntity } from '@app/modules/agencies/agency.entity';
import { CaseEntity } from '@app/modules/cases/case.entity';

import { AgeBand, IdentificationStatus, ProtectionStatus, SelfIdentification, Sex } from './victim.enums';

/**
 * A person in the register. Everything here but `identitySealed` and the blind indexes is safe to show to
 * anyone who may see the record; the identity is sealed (AES-256-GCM, bound to this row) and only opened for
 * the owning agency and agencies holding a consent-backed referral, each opening audited.
 */
@ObjectType('Victim', {
  description:
    'A person in the register, known everywhere by a pseudonymous code. Identity fields are shown only to the owning agency and to agencies holding a consent-backed referral.',
})
@Entity('victim')
@Index('UQ_victim_code', ['code'], { unique: true })
// One record per document within an agency. Across agencies a second record exists only when the first was
// hidden from the registering agency, and then with a flag for the secretariat (commands/register-victim.ts).
@Index('UQ_victim_passport_index_owner', ['passportIndex', 'owningAgencyId'], {
  unique: true,
  where: '"passport_index" IS NOT NULL',
})
@Index('UQ_victim_national_id_index_owner', ['nationalIdIndex', 'owningAgencyId'], {
  unique: true,
  where: '"national_id_index" IS NOT NULL',
})
@Index('IDX_victim_birth_origin_index', ['birthOriginIndex'])
@Index('IDX_victim_owning_agency', ['owningAgencyId'])
@Index('IDX_victim_case', ['caseId'])
export class VictimEntity extends BaseEntity {
  @Field(() => String, { description: 'Pseudonymous code used everywhere, e.g. VCT-7K3QX9MB.' })
  @Column({ type: 'varchar', length: 20 })
  code: string;

  @Field(() => ID, { nullable: true, description: 'The case the person belongs to.' })
  @Column({ type: 'uuid', nullable: true })
  caseId: string | null;

  @ManyToOne(() => CaseEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'FK_victim_case' })
  case?: CaseEntity;

  @Field(() => ID, { description: 'The agency that registered the person and owns the record.' })
  @Column({ type: 'uuid' })
  owningAgencyId: string;

  @ManyToOne(() => AgencyEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'owning_agency_id', foreignKeyConstraintName: 'FK_victim_owning_agency' })
  owningAgency?: AgencyEntity;

  @Column({ type: 'uuid' })
  registeredByUserId: string;

  @Field(() => IdentificationStatus, { description: 'The formal identification decision.' })
  @Column({ type: 'enum', enum: IdentificationStatus, enumName: 'victim_identification_status' })
  identificationStatus: IdentificationStatus;

  @Field(() => ID, { description: 'The agency that took the identification decision.' })
  @Column({ type: 'uuid' })
  identifiedByAgencyId: string;

  @Field(() => GraphQLISODateTime, { description: 'When the identification decision was taken.' })
  @Column({ type: 'timestamptz' })
  identifiedAt: Date;

  @Field(() => SelfIdentification, { description: 'What the person says of themselves.' })
  @Column({ type: 'enum', enum: SelfIdentification, enumName: 'victim_self_identification' })
  selfIdentification: SelfIdentification;

  @Field(() => ProtectionStatus, { description: 'Where the person is on the protection track.' })
  @Column({ type: 'enum', enum: ProtectionStatus, enumName: 'victim_protection_status' })
  protectionStatus: ProtectionStatus;

  @Field(() => Sex, { description: 'Sex as recorded.' })
  @Column({ type: 'enum', enum: Sex, enumName: 'victim_sex' })
  sex: Sex;

  @Field(() => AgeBand, { description: 'Age band at registration.' })
  @Column({ type: 'enum', enum: AgeBand, enumName: 'victim_age_band' })
  ageBand: AgeBand;

  @Field(() => String, { description: 'Nationality, ISO 3166-1 alpha-2 (e.g. ID).' })
  @Column({ type: 'char', length: 2 })
  nationality: string;

  @Field(() => String, { nullable: true, description: 'Region of origin: province (32) or regency/city (32.12).' })
  @Column({ type: 'varchar', length: 5, nullable: true })
  originRegion: string | null;

  @Field(() => [String], { description: 'Languages the person needs (ISO 639-1, e.g. id, jv, km).' })
  @Column({ type: 'varchar', length: 3, array: true, default: () => "'{}'" })
  languageNeeds: string[];

  @Field(() => Boolean, { description: 'Whether an interpreter is needed.' })
  @Column({ type: 'boolean', default: false })
  interpreterNeeded: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'The day the formal identification decision was taken (YYYY-MM-DD), as it happened.',
  })
  @Column({ type: 'date', nullable: true })
  identifiedOn: string | null;

  @Field(() => String, { nullable: true, description: "The day of the person's rescue or exit (YYYY-MM-DD)." })
  @Column({ type: 'date', nullable: true })
  rescuedOn: string | null;

  @Field(() => String, { nullable: true, description: 'Where the rescue or exit took place (a town or district).' })
  @Column({ type: 'varchar', length: 200, nullable: true })
  rescuePlace: string | null;

  @Field(() => String, { nullable: true, description: 'Country of the rescue or exit (ISO 3166-1 alpha-2).' })
  @Column({ type: 'char', length: 2, nullable: true })
  rescueCountry: string | null;

  /** The sealed identity (VictimIdentity as JSON), bound to this row's id. */
  @Column({ type: 'text' })
  identitySealed: string;

  /** Keyed hashes for duplicate detection; never shown. */
  @Column({ type: 'char', length: 64, nullable: true })
  passportIndex: string | null;

  @Column({ type: 'char', length: 64, nullable: true })
  nationalIdIndex: string | null;

  @Column({ type: 'char', length: 64, nullable: true })
  birthOriginIndex: string | null;

  @Field(() => Int, { description: 'Increases with every change; send it back to detect concurrent edits.' })
  @VersionColumn({ default: 1 })
  version: number;
}
