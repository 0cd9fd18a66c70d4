import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Event payloads carry ids, codes, statuses and instants as strings: never personal data. */
export type EventPayload = Record<string, string | number | boolean | null>;

/**
 * A domain event or job request written in the same transaction as the change that caused it. The relay
 * moves unpublished rows to BullMQ after commit, so nothing is enqueued for a change that rolled back and
 * nothing is lost when Redis is. A row is processed once its job has done its work (or, for job requests
 * whose own table tracks delivery, once published); the sweep re-enqueues published rows never processed.
 */
@Entity('outbox_event')
@Index('IDX_outbox_event_unpublished', ['createdAt'], { where: '"published_at" IS NULL' })
@Index('IDX_outbox_event_unprocessed', ['publishedAt'], { where: '"processed_at" IS NULL' })
@Index('IDX_outbox_event_armed', ['aggregateId'], { where: '"available_at" IS NOT NULL AND "published_at" IS NULL' })
@Index('IDX_outbox_event_dispatch_batch', ['dispatchBatchId'], {
  where: '"processed_at" IS NULL AND "dispatch_batch_id" IS NOT NULL',
})
export class OutboxEventEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'timestamptz', default: () => 'clock_timestamp()' })
  createdAt: Date;

  /** e.g. task.assigned, task.completed. */
  @Column({ type: 'varchar', length: 80 })
  topic: string;

  @Column({ type: 'varchar', length: 60 })
  aggregateType: string;

  @Column({ type: 'uuid' })
  aggregateId: string;

  /** Ids and codes only: never personal data. */
  @Column({ type: 'jsonb' })
  payload: EventPayload;

  /** An armed rung's event is written ahead and published from this instant (its fire time); null: at once. */
  @Column({ type: 'timestamptz', nullable: true })
  availableAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  processedAt: Date | null;

  /** W3C traceparent of the request or job that wrote the row (ids only), so its job continues the same trace. */
  @Column({ type: 'varchar', length: 55, nullable: true })
  traceParent: string | null;

  /** The transaction that wrote it: events written together are dispatched together (see routeOutboxRows). */
  @Column({ type: 'bigint', nullable: true, default: () => 'txid_current()' })
  transactionId: string | null;

  /**
   * The batch job it was published in (`event-batch.<dispatchBatchId>`, events the relay published together): the
   * sweep makes sure that job will run rather than queue the event on its own. Null for events dispatched one by one.
   */
  @Column({ type: 'uuid', nullable: true })
  dispatchBatchId: string | null;
}
