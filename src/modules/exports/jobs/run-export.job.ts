import { randomUUID } from 'node:crypto';

import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Job } from 'bullmq';
import { DataSource, QueryRunner } from 'typeorm';

import { AppConfig } from '@app/config/app-config';
import { APP_CONFIG } from '@app/config/config.module';
import { Clock } from '@app/kernel/clock';
import { updateReturning } from '@app/database/update-returning';
import { AnnualReportService } from '@app/modules/statistics/annual-report.service';
import { JobHandler, SweepStep } from '@app/queue/job-handler.decorator';
import { payloadUuid } from '@app/queue/job-errors';
import { isTransientFailure } from '@app/queue/job-failures';
import { recordEvents } from '@app/queue/outbox';
import { JobIds, JobName } from '@app/queue/queue.names';
import { SweepRound } from '@app/queue/sweep-round';

import { areaOf, SecretariatUnit } from '../export-entitlement';
import { ExportEntity } from '../export.entity';
import { ExportStatus } from '../export.enums';
import { EXPORT_KINDS } from '../kinds/export-kinds';
import { ChunkSink } from '../writers/chunk-sink';
import { CONTENT_TYPES, EXTENSIONS, tableWriter } from '../writers/table-writer';

/** The reference an export goes by in notifications (no number of its own: its id's first characters). */
export const exportReference = (id: string): string => `EXPORT-${id.slice(0, 8).toUpperCase()}`;

/**
 * Builds one export's file. The kind reads one REPEATABLE READ snapshot; the file's chunks are written in a second
 * transaction that also makes the export READY (with its expiry and the `export.ready` event), so the file exists
 * exactly when the export is READY: a failure at any point rolls the chunks back. Progress is written apart, as it
 * goes, for the requester's myExports. Safe to run twice: only a QUEUED or RUNNING export is built.
 */
@Injectable()
export class RunExportJob {
  private readonly logger = new Logger('Exports');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly annualReports: AnnualReportService,
  ) {}

  @JobHandler(JobName.RUN_EXPORT)
  async run(job: Job): Promise<{ status: ExportStatus; rows?: number; bytes?: number } | 'nothing to do'> {
    const exportId = payloadUuid(JobName.RUN_EXPORT, job.data, 'exportId');
    const claimed = await updateReturning<{ id: string }>(
      this.dataSource.manager,
      `UPDATE data_export SET status = 'RUNNING', progress_percent = 0, rows_written = 0, updated_at = now()
        WHERE id = $1 AND status IN ('QUEUED', 'RUNNING') RETURNING id`,
      [exportId],
    );
    if (claimed.length === 0) return 'nothing to do';
    const row = await this.dataSource.getRepository(ExportEntity).findOneByOrFail({ id: exportId });
    this.logger.log({ msg: 'export started', exportId, kind: row.kind, format: row.format });
    try {
      const result = await this.build(row);
      this.logger.log({ msg: 'export ready', exportId, ...result });
      return { status: ExportStatus.READY, ...result };
    } catch (error) {
      const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      if (isTransientFailure(error) && !lastAttempt) {
        // The database or Redis went away: the next attempt starts the file again from nothing.
        await this.dataSource.query(`UPDATE data_export SET status = 'QUEUED' WHERE id = $1 AND status = 'RUNNING'`, [
          exportId,
        ]);
        throw error;
      }
      const errorId = randomUUID();
      this.logger.error({
        msg: 'export failed',
        exportId,
        errorId,
        error: error instanceof Error ? error.message : String(error),
      });
      await this.dataSource.query(
        `UPDATE data_export SET status = 'FAILED', failure = $2, updated_at = now() WHERE id = $1 AND status = 'RUNNING'`,
        [
          exportId,
          `The export failed while it was being built (error ${errorId}); nothing was kept. Ask for it again.`,
        ],
      );
      return { status: ExportStatus.FAILED };
    }
  }

  private async build(row: ExportEntity): Promise<{ rows: number; bytes: number }> {
    const kind = EXPORT_KINDS[row.kind];
    const reader = this.dataSource.createQueryRunner();
    const writer = this.dataSource.createQueryRunner();
    try {
      await reader.connect();
      await writer.connect();
      await reader.startTransaction('REPEATABLE READ');
      await reader.query('SET TRANSACTION READ ONLY');
      await writer.startTransaction();
      const [unit] = (await reader.query(
        `SELECT id, code, level::text AS level, region_code AS "regionCode" FROM task_force_unit WHERE id = $1`,
        [row.unitId],
      )) as SecretariatUnit[];
      const sink = new ChunkSink((seq, bytes) =>
        writer
          .query(`INSERT INTO export_file_chunk (export_id, seq, bytes) VALUES ($1, $2, $3)`, [row.id, seq, bytes])
          .then(() => undefined),
      );
      const tables = await tableWriter(row.format, sink);
      let rows = 0;
      let lastReport = 0;
      const summary = await kind.build({
        snapshot: reader.manager,
        area: areaOf(unit, row.parameters.year ?? null),
        format: row.format,
        parameters: row.parameters,
        writer: tables,
        annualReport: (year) => this.annualReports.annualReportOfUnit(reader.manager, unit.id, year),
        progress: async (written, total) => {
          rows = written;
          const now = Date.now();
          if (written !== 0 && written < total && now - lastReport < 500) return;
          lastReport = now;
          await this.dataSource.query(
            `UPDATE data_export SET rows_written = $2, rows_total = $3, progress_percent = $4 WHERE id = $1`,
            [row.id, written, total, total === 0 ? 99 : Math.min(99, Math.floor((written / total) * 100))],
          );
        },
      });
      await tables.end();
      await this.finish(writer, row, summary, rows, sink.bytes);
      await writer.commitTransaction();
      return { rows, bytes: sink.bytes };
    } finally {
      await rollbackQuietly(writer);
      await rollbackQuietly(reader);
    }
  }

  /** READY, with its file's facts, expiry and the notification's event, in the chunks' transaction. */
  private async finish(
    writer: QueryRunner,
    row: ExportEntity,
    summary: ExportEntity['summary'],
    rows: number,
    bytes: number,
  ): Promise<void> {
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + this.config.exports.ttlHours * 3_600_000);
    const day = now.toISOString().slice(0, 10);
    const kind = EXPORT_KINDS[row.kind];
    const fileName = `${kind.fileStem}-${row.unitCode.toLowerCase()}-${day}.${EXTENSIONS[row.format]}`;
    await writer.query(
      `UPDATE data_export SET status = 'READY', progress_percent = 100, rows_written = $2, rows_total = $2,
              file_name = $3, content_type = $4, byte_size = $5, ready_at = $6, expires_at = $7, summary = $8,
              failure = NULL, updated_at = now()
        WHERE id = $1`,
      [row.id, rows, fileName, CONTENT_TYPES[row.format], bytes, now, expiresAt, JSON.stringify(summary)],
    );
    await recordEvents(writer.manager, [
      {
        topic: 'export.ready',
        aggregateType: 'Export',
        aggregateId: row.id,
        payload: {
          exportId: row.id,
          reference: exportReference(row.id),
          requestedByUserId: row.requestedByUserId,
          kind: row.kind,
          format: row.format,
          expiresAt: expiresAt.toISOString(),
        },
      },
    ]);
  }

  /** Exports still to build whose job Redis lost (or that used their attempts while the database was away). */
  @SweepStep('exports')
  async sweep(round: SweepRound): Promise<void> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM data_export WHERE status IN ('QUEUED', 'RUNNING') AND updated_at < $1 ORDER BY created_at LIMIT 1000`,
      [round.staleBefore(new Date())],
    );
    for (const { id } of rows) {
      await round.ensure(
        { name: JobName.RUN_EXPORT, data: { exportId: id }, jobId: JobIds.export(id) },
        { promoteDelayed: false },
      );
    }
  }
}

async function rollbackQuietly(runner: QueryRunner): Promise<void> {
  try {
    if (runner.isTransactionActive) await runner.rollbackTransaction();
  } finally {
    await runner.release();
  }
}
