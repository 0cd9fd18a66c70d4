import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { Clock } from '@app/kernel/clock';
import { updateReturning } from '@app/database/update-returning';
import { JobHandler } from '@app/queue/job-handler.decorator';
import { JobName } from '@app/queue/queue.names';

/** Hourly: an export past its expiry loses its file (the row stays, EXPIRED, for the requester's list and the audit). */
@Injectable()
export class ExpireExportsJob {
  private readonly logger = new Logger('Exports');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  @JobHandler(JobName.EXPIRE_EXPORTS)
  async run(): Promise<{ expired: number }> {
    const expired = await this.expire(this.clock.now());
    if (expired > 0) this.logger.log({ msg: 'exports expired', expired });
    return { expired };
  }

  async expire(now: Date): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const rows = await updateReturning<{ id: string }>(
        manager,
        `UPDATE data_export SET status = 'EXPIRED', updated_at = now()
          WHERE status = 'READY' AND expires_at <= $1 RETURNING id`,
        [now],
      );
      const ids = rows.map((row) => row.id);
      if (ids.length > 0) await manager.query(`DELETE FROM export_file_chunk WHERE export_id = ANY($1::uuid[])`, [ids]);
      return ids.length;
    });
  }
}
