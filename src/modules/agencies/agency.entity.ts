import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, VersionColumn } from 'typeorm';

import { BaseEntity } from '@app/kernel/base.entity';

import { AgencyCapability, AgencyType } from './agency.enums';

@ObjectType('Agency', {
  description: 'A ministry, agency, mission, provider, partner or foreign counterpart taking part in the task force.',
})
@Entity('agency')
@Index('UQ_agency_code', ['code'], { unique: true })
export class AgencyEntity extends BaseEntity {
  @Field(() => String, { description: 'Short stable code used in references, e.g. POLRI or KBRI-PNH.' })
  @Column({ type: 'varchar', length: 40 })
  code: string;

  @Field(() => String, { description: 'Name in Bahasa Indonesia (or the official local name for foreign bodies).' })
  @Column({ type: 'varchar', length: 300 })
  nameId: string;

  @Field(() => String, { description: 'Name in English.' })
  @Column({ type: 'varchar', length: 300 })
  nameEn: string;

  @Field(() => String, { description: 'The usual acronym, e.g. KemenPPPA.' })
  @Column({ type: 'varchar', length: 60 })
  acronym: string;

  @Field(() => [String], { description: 'Other names and acronyms the agency is known by (searchable).' })
  @Column({ type: 'text', array: true, default: '{}' })
  aliases: string[];

  @Field(() => AgencyType, { description: 'What kind of body this is.' })
  @Column({ type: 'enum', enum: AgencyType, enumName: 'agency_type' })
  type: AgencyType;

  @Field(() => String, { description: 'ISO 3166-1 alpha-2 country the agency belongs to (ID, KH, MY …).' })
  @Column({ type: 'char', length: 2 })
  country: string;

  @Field(() => [AgencyCapability], { description: 'Services the agency can deliver.' })
  @Column({ type: 'enum', enum: AgencyCapability, enumName: 'agency_capability', array: true, default: '{}' })
  capabilities: AgencyCapability[];

  @Field(() => String, {
    description: 'IANA time zone the agency works in; deadlines addressed to it are computed there.',
  })
  @Column({ type: 'varchar', length: 64 })
  timeZone: string;

  @Field(() => String, {
    nullable: true,
    description:
      "Region of the agency's office: a province (53) or regency/city (32.12) code; empty for national and foreign bodies. Work is grouped by province with it.",
  })
  @Column({ type: 'varchar', length: 5, nullable: true })
  regionCode: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Where the directory entry comes from (a source paper, an embassy practice), and what is inferred.',
  })
  @Column({ type: 'varchar', length: 500, nullable: true })
  basis: string | null;

  @Field(() => Boolean, { description: 'Inactive agencies keep their history but receive no new work.' })
  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Field(() => ID, { nullable: true, description: 'The agency this one is part of (e.g. Bareskrim within Polri).' })
  @Column({ type: 'uuid', nullable: true })
  parentAgencyId: string | null;

  @ManyToOne(() => AgencyEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_agency_id', foreignKeyConstraintName: 'FK_agency_parent' })
  parentAgency?: AgencyEntity | null;

  @Field(() => ID, { nullable: true, description: 'The agency this one replaced (e.g. BNP2TKI for BP2MI).' })
  @Column({ type: 'uuid', nullable: true })
  predecessorAgencyId: string | null;

  @ManyToOne(() => AgencyEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'predecessor_agency_id', foreignKeyConstraintName: 'FK_agency_predecessor' })
  predecessorAgency?: AgencyEntity | null;

  @Field(() => Int, { description: 'Increases with every change; pass it back as expectedVersion to edit safely.' })
  @VersionColumn({ default: 1 })
  version: number;
}
