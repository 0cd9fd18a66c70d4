import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One line of a work item's history, for every kind in one table: who (acting for which agency) did what, when,
 * from which status to which, and why. Escalation firings are entries by the system (no actor).
 */
@Entity('work_item_event')
@Index('IDX_work_item_event_item', ['itemId', 'occurredAt'])
export class WorkItemEventEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_work_item_event' })
  id: string;

  /** TASK, REFERRAL, CROSS_BORDER_REQUEST. */
  @Column({ type: 'varchar', length: 40 })
  itemType: string;

  @Column({ type: 'uuid' })
  itemId: string;

  @Column({ type: 'timestamptz', default: () => 'clock_timestamp()' })
  occurredAt: Date;

  @Column({ type: 'uuid', nullable: true })
  actorUserId: string | null;

  @Column({ type: 'uuid', nullable: true })
  actingAgencyId: string | null;

  /** CREATED, TRANSITION, ESCALATED … (each kind adds its own, e.g. RESCHEDULED, COUNTERPART_REPLY). */
  @Column({ type: 'varchar', length: 40 })
  kind: string;

  /** For lifecycle steps: the action taken (ACKNOWLEDGE, ACCEPT …). */
  @Column({ type: 'varchar', length: 40, nullable: true })
  action: string | null;

  @Column({ type: 'varchar', length: 30, nullable: true })
  fromStatus: string | null;

  @Column({ type: 'varchar', length: 30, nullable: true })
  toStatus: string | null;

  /** Why (a decline, a block, a new date), the outcome, or the comment. */
  @Column({ type: 'text', nullable: true })
  reason: string | null;

  /** An armed rung's entry is written ahead and shown from this instant (its fire time); null: at once. */
  @Column({ type: 'timestamptz', nullable: true })
  visibleAt: Date | null;

  /** Changed fields before and after, ids, codes, rung keys: never identity. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  details: Record<string, unknown>;
}
