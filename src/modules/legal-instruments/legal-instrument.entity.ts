import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, VersionColumn } from 'typeorm';

import { BaseEntity } from '@app/kernel/base.entity';

import { LegalInstrumentKind } from './legal-instrument.enums';

@ObjectType('LegalInstrument', {
  description: 'A law, regulation, MoU, bilateral framework or treaty the task force works under.',
})
@Entity('legal_instrument')
@Index('UQ_legal_instrument_code', ['code'], { unique: true })
export class LegalInstrumentEntity extends BaseEntity {
  @Field(() => String, { description: 'Short stable code, e.g. UU-21-2007 or KH-ID-IMM-2024.' })
  @Column({ type: 'varchar', length: 60 })
  code: string;

  @Field(() => LegalInstrumentKind, { description: 'Kind of instrument.' })
  @Column({ type: 'enum', enum: LegalInstrumentKind, enumName: 'legal_instrument_kind' })
  kind: LegalInstrumentKind;

  @Field(() => String, { description: 'Title in Bahasa Indonesia.' })
  @Column({ type: 'varchar', length: 500 })
  titleId: string;

  @Field(() => String, { description: 'Title in English.' })
  @Column({ type: 'varchar', length: 500 })
  titleEn: string;

  @Field(() => String, { nullable: true, description: 'Official number, e.g. "49/2023".' })
  @Column({ type: 'varchar', length: 60, nullable: true })
  number: string | null;

  @Field(() => String, { nullable: true, description: 'Date signed or enacted (YYYY-MM-DD).' })
  @Column({ type: 'date', nullable: true })
  signedOn: string | null;

  @Field(() => String, { nullable: true, description: 'Where it was signed, e.g. Labuan Bajo.' })
  @Column({ type: 'varchar', length: 200, nullable: true })
  signedAt: string | null;

  @Field(() => String, { nullable: true, description: 'Last day it applies, when it has ended.' })
  @Column({ type: 'date', nullable: true })
  effectiveTo: string | null;

  @Field(() => [String], {
    description: 'Parties as named in the instrument (states, ministries), including ones not in the directory.',
  })
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  partyNames: string[];

  @Field(() => String, { nullable: true, description: 'Notes: caveats on dates, where the text is kept.' })
  @Column({ type: 'text', nullable: true })
  notes: string | null;

  @Field(() => Int, { description: 'Increases with every change; pass it back as expectedVersion to edit safely.' })
  @VersionColumn({ default: 1 })
  version: number;
}
