import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One group operation (a group registration, consent or referral for many people at once) under the key its client
 * chose. A retry with the same key finds it and answers with what the first call wrote, writing nothing more; the
 * row commits with the operation's own writes or not at all.
 */
@Entity('group_operation')
@Index('UQ_group_operation_key', ['agencyId', 'operationKey'], { unique: true })
export class GroupOperationEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_group_operation' })
  id: string;

  /** The client's key, unique per acting agency. */
  @Column({ type: 'varchar', length: 100 })
  operationKey: string;

  @Column({ type: 'uuid' })
  agencyId: string;

  @Column({ type: 'uuid' })
  userId: string;

  /** registerVictimGroup, recordConsentForGroup, proposeReferralsForGroup. */
  @Column({ type: 'varchar', length: 60 })
  kind: string;

  /** A keyed hash of the request (never its content): the same key with another request is refused. */
  @Column({ type: 'char', length: 64 })
  fingerprint: string;

  /** The records written, in the order of the request's rows. */
  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  resultIds: string[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
