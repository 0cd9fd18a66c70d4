/**
 * `npm run digest:send -- --week 2026-W48 [--user <id or email>]`: sends a week's digests now, to everyone who
 * gets one (or one person), without waiting for Monday 07:00. Runs are unique per person and week, so
 * running it again (or after the scheduler) sends nothing twice. Prints what it did.
 */
import 'reflect-metadata';

import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';

import { JsonLogger } from '@app/kernel/json-logger';
import { loadConfig } from '@app/config/load-config';
import { DigestCliModule } from '@app/modules/digests/digest-cli.module';
import { DigestScheduler } from '@app/modules/digests/digest-scheduler';
import { DigestSender } from '@app/modules/digests/digest-sender';
import { weekBounds } from '@app/modules/digests/iso-week';
import { loadOrCreateDevSecrets } from '@app/runtime/dev-secrets';

function option(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

async function main(): Promise<void> {
  const week = option('week');
  if (!week || !/^\d{4}-W\d{2}$/.test(week)) throw new Error('Give the week as --week 2026-W48.');
  weekBounds(week, 'Asia/Jakarta');
  const production = process.env.NODE_ENV === 'production';
  const config = loadConfig(
    process.env,
    production ? undefined : loadOrCreateDevSecrets(process.env.DATA_DIR || '.data'),
  );
  if (!config.databaseUrl) throw new Error('Set DATABASE_URL (and SMTP_URL) to send digests.');
  if (!config.smtpUrl) throw new Error('Set SMTP_URL to send digests.');
  const context = await NestFactory.createApplicationContext(DigestCliModule.forRoot(config), {
    logger: new JsonLogger('warn'),
  });
  try {
    const user = option('user');
    let userIds: string[] | undefined;
    if (user) {
      const rows: { id: string }[] = await context
        .get(DataSource)
        .query(`SELECT id FROM app_user WHERE id::text = $1 OR lower(email) = lower($1)`, [user]);
      if (rows.length === 0) throw new Error(`No user ${user}.`);
      userIds = rows.map((row) => row.id);
    }
    const started = await context.get(DigestScheduler).fanOut(new Date(), { isoWeek: week, userIds, enqueue: false });
    const pending: { id: string }[] = await context
      .get(DataSource)
      .query(
        `SELECT id FROM digest_run WHERE iso_week = $1 AND status = 'PENDING' AND ($2::uuid[] IS NULL OR user_id = ANY($2::uuid[]))`,
        [week, userIds ?? null],
      );
    const sender = context.get(DigestSender);
    let sent = 0;
    let failed = 0;
    for (const { id } of pending) {
      try {
        if ((await sender.send(id)) === 'sent') sent += 1;
      } catch (error) {
        // A worker holding the run is sending it right now: not a failure.
        if (/another worker is sending/.test((error as Error).message)) continue;
        failed += 1;
        console.error(`Digest run ${id} failed: ${(error as Error).message}`);
      }
    }
    console.log(`Digests for ${week}: ${sent} sent, ${started.skipped} skipped, ${failed} failed (will be retried).`);
  } finally {
    await context.close();
  }
}

main().catch((error) => {
  console.error(`Sending digests failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
