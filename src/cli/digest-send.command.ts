import { NestFactory } from '@nestjs/core';
import { Command, Option } from 'nest-commander';
import { DataSource } from 'typeorm';

import { JsonLogger } from '@app/kernel/json-logger';
import { DigestCliModule } from './digest-cli.module';
import { DigestScheduler } from '@app/modules/digests/digest-scheduler';
import { DigestSender } from '@app/modules/digests/digest-sender';
import { weekBounds } from '@app/modules/digests/iso-week';

import { cliConfig } from './cli-environment';
import { CliError, EXIT, OpsCommand } from './ops-command';
import { Progress } from './progress';

interface DigestSendOptions {
  week?: string;
  user?: string;
}

/**
 * `npm run digest:send -- --week 2026-W48 [--user <id or email>]`: sends a week's digests now, to everyone who gets
 * one (or one person), without waiting for Monday 07:00. Runs are unique per person and week, so running it again
 * (or after the scheduler) sends nothing twice. Shows progress while it sends and a summary at the end.
 */
@Command({ name: 'digest:send', description: "Send a week's digests now (--week 2026-W48 [--user <id or email>])." })
export class DigestSendCommand extends OpsCommand<DigestSendOptions> {
  protected readonly commandName = 'digest:send';

  @Option({ flags: '--week <week>', description: 'ISO week, e.g. 2026-W48.' })
  parseWeek(value: string): string {
    return value;
  }

  @Option({ flags: '--user <id-or-email>', description: 'Only this person.' })
  parseUser(value: string): string {
    return value;
  }

  protected async execute(options: DigestSendOptions): Promise<void> {
    const week = options.week;
    if (!week || !/^\d{4}-W\d{2}$/.test(week)) throw new CliError('Give the week as --week 2026-W48.', EXIT.usage);
    try {
      weekBounds(week, 'Asia/Jakarta');
    } catch {
      throw new CliError(`${week} is not a week of its year; give it as --week 2026-W48.`, EXIT.usage);
    }
    const config = cliConfig();
    if (!config.databaseUrl) throw new CliError('Set DATABASE_URL (and SMTP_URL) to send digests.', EXIT.config);
    if (!config.smtpUrl) throw new CliError('Set SMTP_URL to send digests.', EXIT.config);
    const context = await NestFactory.createApplicationContext(DigestCliModule.forRoot(config), {
      logger: new JsonLogger('warn', (line) => process.stderr.write(`${line}\n`)),
    });
    try {
      const dataSource = context.get(DataSource);
      let userIds: string[] | undefined;
      if (options.user) {
        const rows: { id: string }[] = await dataSource.query(
          `SELECT id FROM app_user WHERE id::text = $1 OR lower(email) = lower($1)`,
          [options.user],
        );
        if (rows.length === 0) throw new CliError(`No user ${options.user}.`, EXIT.usage);
        userIds = rows.map((row) => row.id);
      }
      const started = await context.get(DigestScheduler).fanOut(new Date(), { isoWeek: week, userIds, enqueue: false });
      const pending: { id: string }[] = await dataSource.query(
        `SELECT id FROM digest_run WHERE iso_week = $1 AND status = 'PENDING'
           AND ($2::uuid[] IS NULL OR user_id = ANY($2::uuid[]))`,
        [week, userIds ?? null],
      );
      const sender = context.get(DigestSender);
      const progress = new Progress(`digest:send ${week}`, pending.length);
      let sent = 0;
      let failed = 0;
      let busy = 0;
      for (const { id } of pending) {
        try {
          if ((await sender.send(id, false)) === 'sent') sent += 1;
        } catch (error) {
          // A worker holding the run is sending it right now: not a failure.
          if (/another worker is sending/.test((error as Error).message)) busy += 1;
          else {
            failed += 1;
            this.warn(`Digest run ${id} failed: ${(error as Error).message}`);
          }
        }
        progress.tick();
      }
      progress.finish();
      this.say(
        `Digests for ${week}: ${sent} sent, ${started.skipped} skipped, ${failed} failed (will be retried)` +
          (busy > 0 ? `, ${busy} being sent by a worker.` : '.'),
      );
    } finally {
      await context.close();
    }
  }
}
