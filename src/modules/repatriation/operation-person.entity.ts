import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';

import { BaseEntity } from '@app/kernel/base.entity';

import { RepatriationOperationEntity } from './repatriation-operation.entity';

/**
 * A person on an operation, by code, for a period: joining and leaving are kept (a person who travels later leaves
 * one operation for another, and both keep the record). `onboard` holds while the person is on a planned or departed
 * operation; a unique index keeps anyone from being on two at once. The case is copied here so the access rules can
 * name the case teams without reading the victim register.
 */
@ObjectType('RepatriationOperationPerson', { description: 'A person on an operation (by code), with the period.' })
@Entity('repatriation_operation_person')
@Index('UQ_repatriation_person_onboard', ['victimId'], { unique: true, where: '"onboard"' })
@Index('IDX_repatriation_person_operation', ['operationId'])
@Index('IDX_repatriation_person_case', ['caseId'])
export class OperationPersonEntity extends BaseEntity {
  @Field(() => ID, { description: 'The operation.' })
  @Column({ type: 'uuid' })
  operationId: string;

  @ManyToOne(() => RepatriationOperationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'operation_id', foreignKeyConstraintName: 'FK_repatriation_person_operation' })
  operation?: RepatriationOperationEntity;

  @Field(() => ID, { description: "The person's record (open it as victim when you may see it)." })
  @Column({ type: 'uuid' })
  victimId: string;

  @Field(() => String, { description: 'The pseudonymous code, e.g. VCT-7K3QX9MB.' })
  @Column({ type: 'varchar', length: 20 })
  victimCode: string;

  @Field(() => ID, { nullable: true, description: "The person's case." })
  @Column({ type: 'uuid', nullable: true })
  caseId: string | null;

  @Field(() => String, { description: 'The day the person joined the operation.' })
  @Column({ type: 'date' })
  joinedOn: string;

  @Field(() => String, { nullable: true, description: 'The day the person left it (moved to another, or dropped).' })
  @Column({ type: 'date', nullable: true })
  leftOn: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the leaving was recorded.' })
  @Column({ type: 'timestamptz', nullable: true })
  leftAt: Date | null;

  @Field(() => String, { nullable: true, description: 'Why the person left.' })
  @Column({ type: 'varchar', length: 500, nullable: true })
  leaveReason: string | null;

  @Field(() => ID, { nullable: true, description: 'The operation the person moved to, if any.' })
  @Column({ type: 'uuid', nullable: true })
  movedToOperationId: string | null;

  @Field(() => Boolean, { description: 'On the operation now, and it has not arrived or been called off.' })
  @Column({ type: 'boolean', default: true })
  onboard: boolean;

  @Field(() => Boolean, { description: 'Travelled with the operation (it arrived with the person on it).' })
  @Column({ type: 'boolean', default: false })
  arrived: boolean;
}
