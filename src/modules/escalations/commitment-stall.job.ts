import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { Clock } from '@app/kernel/clock';
import { updateReturning } from '@app/database/update-returning';
import { JobHandler } from '@app/queue/job-handler.decorator';
import { recordEvents } from '@app/queue/outbox';
import { JobName } from '@app/queue/queue.names';

/**
 * Marks ACTIVE agreement commitments STALLED when nothing linked to them moved for their configured number of
 * days (stall_after_days; the commitment's creation counts as activity). Idempotent: a rerun finds none.
 */
@Injectable()
export class CommitmentStallJob {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  @JobHandler(JobName.DETECT_STALLED_COMMITMENTS)
  async detect(): Promise<{ stalled: number }> {
    return this.dataSource.transaction(async (manager) => {
      const rows = await updateReturning<{ id: string; instrument_id: string; code: string }>(
        manager,
        `UPDATE agreement_commitment SET status = 'STALLED', version = version + 1, updated_at = $1
         WHERE status = 'ACTIVE' AND COALESCE(last_activity_at, created_at) + make_interval(days => stall_after_days) <= $1
         RETURNING id, instrument_id, code`,
        [this.clock.now()],
      );
      await recordEvents(
        manager,
        rows.map((row) => ({
          topic: 'commitment.stalled',
          aggregateType: 'AgreementCommitment',
          aggregateId: row.id,
          payload: { commitmentId: row.id, instrumentId: row.instrument_id, code: row.code },
        })),
      );
      return { stalled: rows.length };
    });
  }
}
