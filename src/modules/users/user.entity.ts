import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, VersionColumn } from 'typeorm';

import { BaseEntity } from '@app/kernel/base.entity';
import { AgencyEntity } from '@app/modules/agencies/agency.entity';

import { Locale, Role } from '@app/kernel/role.enum';

@ObjectType('User', { description: 'A person who works in Simpul on behalf of one agency.' })
@Entity('app_user')
@Index('UQ_app_user_email', ['email'], { unique: true })
@Index('IDX_app_user_agency', ['agencyId'])
export class UserEntity extends BaseEntity {
  @Field(() => String, { description: 'Login and mail address (stored lower-case).' })
  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Field(() => String, { description: 'Name shown to colleagues.' })
  @Column({ type: 'varchar', length: 200 })
  displayName: string;

  @Field(() => ID, { description: 'The agency the user acts for.' })
  @Column({ type: 'uuid' })
  agencyId: string;

  @ManyToOne(() => AgencyEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agency_id', foreignKeyConstraintName: 'FK_app_user_agency' })
  agency?: AgencyEntity;

  @Field(() => [Role], { description: 'Roles held.' })
  @Column({ type: 'enum', enum: Role, enumName: 'user_role', array: true })
  roles: Role[];

  @Field(() => Locale, { description: 'Preferred language.' })
  @Column({ type: 'enum', enum: Locale, enumName: 'user_locale', default: Locale.ID })
  locale: Locale;

  @Field(() => String, { description: 'IANA time zone for digests and reminders.' })
  @Column({ type: 'varchar', length: 64, default: 'Asia/Jakarta' })
  timeZone: string;

  @Field(() => ID, { nullable: true, description: "The user's supervisor, next on the escalation ladder." })
  @Column({ type: 'uuid', nullable: true })
  supervisorUserId: string | null;

  @ManyToOne(() => UserEntity, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'supervisor_user_id', foreignKeyConstraintName: 'FK_app_user_supervisor' })
  supervisor?: UserEntity | null;

  /** argon2id hash; never selected unless asked for, never exposed. */
  @Column({ type: 'varchar', length: 255, select: false })
  passwordHash: string;

  /** Tokens issued before this instant are refused (set on password change). */
  @Column({ type: 'timestamptz', default: () => 'now()' })
  credentialsChangedAt: Date;

  @Field(() => Boolean, { description: 'Deactivated users cannot log in.' })
  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Last successful login.' })
  @Column({ type: 'timestamptz', nullable: true })
  lastLoginAt: Date | null;

  @Field(() => Int, { description: 'Increases with every change; pass it back as expectedVersion to edit safely.' })
  @VersionColumn({ default: 1 })
  version: number;
}
