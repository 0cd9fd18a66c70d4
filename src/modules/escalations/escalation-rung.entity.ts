import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

import { RungAction, RungStatus, RungTarget } from './escalation.types';

/**
 * One rung of one item's ladder for one version of one deadline. The unique key (item, deadline kind,
 * deadline version, rung) plus the SCHEDULED -> FIRED update make each rung fire at most once, and its leading
 * columns serve every lookup of an item's rungs (no index of its own: migration 1797900000006); the (status, fire_at)
 * index is what the sweep reads to fire anything Redis lost.
 */
@Entity('escalation_rung')
@Index('UQ_escalation_rung', ['itemType', 'itemId', 'deadlineKind', 'deadlineVersion', 'rungKey'], { unique: true })
@Index('IDX_escalation_rung_due', ['fireAt'], { where: `"status" = 'SCHEDULED'` })
@Index('IDX_escalation_rung_armed', ['fireAt'], { where: `"status" = 'SCHEDULED' AND "armed_at" IS NOT NULL` })
// Fired rungs with the columns the digest reads (INCLUDE …, migration 1797900000002), which TypeORM cannot declare.
@Index('IDX_escalation_rung_fired', { synchronize: false })
export class EscalationRungEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'timestamptz', default: () => 'clock_timestamp()' })
  createdAt: Date;

  @Column({ type: 'varchar', length: 40 })
  itemType: string;

  @Column({ type: 'uuid' })
  itemId: string;

  /** Which deadline of the item: DUE for tasks; ACKNOWLEDGE / DECIDE / EXECUTE / RESPOND for others. */
  @Column({ type: 'varchar', length: 20 })
  deadlineKind: string;

  @Column({ type: 'int' })
  deadlineVersion: number;

  @Column({ type: 'timestamptz' })
  deadlineAt: Date;

  @Column({ type: 'varchar', length: 80 })
  policyName: string;

  @Column({ type: 'varchar', length: 40 })
  rungKey: string;

  @Column({ type: 'int' })
  rungIndex: number;

  @Column({ type: 'timestamptz' })
  fireAt: Date;

  @Column({ type: 'varchar', array: true, length: 30 })
  targets: RungTarget[];

  @Column({ type: 'varchar', length: 30, nullable: true })
  action: RungAction | null;

  @Column({ type: 'enum', enum: RungStatus, enumName: 'escalation_rung_status' })
  status: RungStatus;

  @Column({ type: 'timestamptz', nullable: true })
  settledAt: Date | null;

  /**
   * When the rung was armed: what it does is written already, each row visible from `fireAt`, and at that time the
   * rung is only settled (FIRED). Null for a rung still to be decided. An armed rung stays SCHEDULED until then.
   */
  @Column({ type: 'timestamptz', nullable: true })
  armedAt: Date | null;

  /** Why a rung was cancelled or skipped. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  note: string | null;

  /** How many people the rung reached when it fired. */
  @Column({ type: 'int', nullable: true })
  recipientCount: number | null;
}
