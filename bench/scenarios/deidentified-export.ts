import { Queue } from 'bullmq';
import Redis from 'ioredis';

import { BenchEnv, benchClient, clearRedis, processEnv } from '../support/bench-env';
import { BenchProcess } from '../support/processes';
import { round, seconds, waitFor } from '../support/stats';

export interface ExportFormatResult {
  format: 'CSV' | 'XLSX';
  /** From the job being queued until the export is READY (its file committed). */
  seconds: number;
  rows: number;
  peopleSuppressed: number;
  fileMiB: number;
}

export interface DeidentifiedExportResult {
  /** People in the national unit's area (identified or presumed). */
  people: number;
  csv: ExportFormatResult;
  xlsx: ExportFormatResult;
  /** The worker process's peak resident set size over both exports (boot included). */
  peakRssMiB: number;
}

/**
 * G: the de-identified person-level export of the national unit's area (every person in the register), CSV then
 * XLSX, each built by a worker process from the built code: count the combinations, choose the generalisation, then
 * stream the people page by page into the file's chunks. The export rows are written as requestExport writes them
 * (the request path itself is not what is measured); the job is queued as the outbox relay queues it.
 */
export async function deidentifiedExport(env: BenchEnv): Promise<DeidentifiedExportResult> {
  await clearRedis(env);
  const db = await benchClient(env);
  const connection = new Redis(env.redisUrl, { maxRetriesPerRequest: null });
  const queue = new Queue('exports', { connection, prefix: env.redisPrefix });
  let worker: BenchProcess | undefined;
  try {
    const [unit] = (
      await db.query(`SELECT id, code FROM task_force_unit WHERE level = 'NATIONAL' ORDER BY created_at LIMIT 1`)
    ).rows as { id: string; code: string }[];
    const [{ id: requester, agency_id: agency }] = (
      await db.query(`SELECT id, agency_id FROM app_user ORDER BY created_at LIMIT 1`)
    ).rows as { id: string; agency_id: string }[];
    const [{ people }] = (
      await db.query(
        `SELECT count(*)::int AS people FROM victim WHERE identification_status IN ('PRESUMED', 'IDENTIFIED')`,
      )
    ).rows as { people: number }[];
    worker = await BenchProcess.worker(processEnv(env), 'worker-export');

    const run = async (format: 'CSV' | 'XLSX'): Promise<ExportFormatResult> => {
      const [{ id }] = (
        await db.query(
          `INSERT INTO data_export (kind, format, requested_by_user_id, requested_by_agency_id, unit_id, unit_code,
                                    parameters)
           VALUES ('DEIDENTIFIED_PERSONS', $1, $2, $3, $4, $5, '{"k": 11}') RETURNING id`,
          [format, requester, agency, unit.id, unit.code],
        )
      ).rows as { id: string }[];
      const started = Date.now();
      await queue.add('export.run', { exportId: id }, { jobId: `export.${id}` });
      env.log(`G: ${format} export of ${people} people queued`);
      const done = await waitFor(
        `the ${format} export`,
        async () => {
          const [row] = (
            await db.query(
              `SELECT status, rows_written AS rows, byte_size AS bytes,
                      (summary->>'peopleSuppressed')::int AS suppressed
                 FROM data_export WHERE id = $1`,
              [id],
            )
          ).rows as { status: string; rows: number; bytes: number | null; suppressed: number | null }[];
          return row.status === 'READY' || row.status === 'FAILED' ? row : undefined;
        },
        30 * 60_000,
        100,
      );
      if (done.status !== 'READY') throw new Error(`the ${format} export failed (see ${worker!.logFile})`);
      return {
        format,
        seconds: seconds(Date.now() - started),
        rows: done.rows,
        peopleSuppressed: done.suppressed ?? 0,
        fileMiB: round((done.bytes ?? 0) / 1024 / 1024, 2),
      };
    };
    const csv = await run('CSV');
    const xlsx = await run('XLSX');
    return { people, csv, xlsx, peakRssMiB: worker.peakRssMiB() };
  } finally {
    await worker?.stop();
    await queue.close();
    connection.disconnect();
    await db.end();
  }
}
