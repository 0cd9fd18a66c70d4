import { Client } from 'pg';

import { PasswordHasher } from '@app/modules/users/password-hasher';
import { PolicySnapshot } from '@app/modules/escalations/escalation.types';

import { BenchEnv, benchClient } from '../support/bench-env';
import { Calendars } from './calendars';
import { CaseloadGenerator } from './caseload';
import { BenchDataset } from './dataset.types';
import { Directory, DirectoryBuilder } from './directory';
import { SeededRandom } from './random';
import { TaskGenerator } from './tasks';

/** The password of every generated user (public: bench data only, on a throw-away database). */
/** Open tasks the benchmark liaison's office gets first: more than a page (50) at every reading. */
const FOCUS_OPEN_TASKS = 60;

export const BENCH_PASSWORD = 'Simpul-bench-2026!';

/** Tables the generator writes, vacuumed and analysed once loading is done. */
const LOADED_TABLES = [
  'task_force_unit',
  'agency',
  'membership',
  'app_user',
  'task',
  'work_item_event',
  'escalation_rung',
  'victim',
  'victim_event',
  'consent',
  'referral',
  'cross_border_request',
  'cross_border_request_victim',
  'agreement_commitment',
];

/**
 * The seeded national-scale dataset of issue 8, loaded into the bench database (already migrated and holding the
 * reference data) with COPY, relative to the moment the generator is made. The same seed makes the same choices
 * (offices, people, tasks, cases); sealed identities differ by their random IVs, and where a deadline must avoid
 * the sweep horizon the redraws depend on the weekday the load runs.
 *
 * Nothing is written to outbox_event, notification or digest_run: a worker started afterwards finds no event to
 * relay and, by construction (see ladders.ts), no escalation rung due within three days.
 */
export class DatasetGenerator {
  private readonly now = new Date();
  private readonly random: { directory: SeededRandom; tasks: SeededRandom; caseload: SeededRandom };
  private readonly counts: Record<string, number> = {};
  private readonly loadMs: Record<string, number> = {};
  private directory: Directory | undefined;
  private calendars: Calendars | undefined;
  private tasks: TaskGenerator | undefined;
  private taskCalls = 0;

  constructor(
    private readonly env: BenchEnv,
    seed = 20_261_123,
  ) {
    // One stream per step, so that loading more tasks does not change the caseload.
    this.random = {
      directory: new SeededRandom(seed),
      tasks: new SeededRandom(seed ^ 0x7a5c_11ed),
      caseload: new SeededRandom(seed ^ 0x3c1e_ab0d),
    };
  }

  /** Task-force units, agency offices, memberships and users. */
  async loadDirectory(): Promise<void> {
    await this.step('directory', 1, async ([client]) => {
      const passwordHash = await new PasswordHasher().hash(BENCH_PASSWORD);
      this.calendars = await Calendars.load(client);
      const builder = new DirectoryBuilder(this.env.sizes, this.random.directory, this.now, passwordHash);
      this.directory = await builder.build(client);
      for (const batch of [builder.units, builder.agencies, builder.memberships, builder.users]) {
        this.count(batch.table, await batch.copyTo(client));
      }
    });
  }

  /** Appends `count` tasks with their history and, for open ones, their escalation ladders. */
  async loadTasks(count: number): Promise<void> {
    const directory = this.requireDirectory();
    this.taskCalls += 1;
    await this.step(`tasks:${this.taskCalls}`, 3, async ([tasks, events, rungs]) => {
      if (!this.tasks) {
        const policy = await activePolicy(tasks, 'TASK');
        const first = Number((await tasks.query(`SELECT COALESCE(MAX(number), 0) + 1 AS n FROM task`)).rows[0].n);
        this.tasks = new TaskGenerator(directory, this.requireCalendars(), policy, this.random.tasks, this.now, first);
        this.tasks.focusOn(directory.liaison.agencyId, FOCUS_OPEN_TASKS);
      }
      const loaded = await this.tasks.load({ tasks, events, rungs }, count);
      for (const [table, rows] of Object.entries(loaded)) this.count(table, rows);
      await advanceSequence(tasks, 'task', this.tasks.lastNumber);
    });
  }

  /** Victims (identity sealed as the app seals it), consents, referrals and cross-border requests. */
  async loadCaseload(): Promise<void> {
    const directory = this.requireDirectory();
    await this.step('caseload', 3, async (clients) => {
      const policies = {
        referral: await activePolicy(clients[0], 'REFERRAL'),
        crossBorder: await activePolicy(clients[0], 'CROSS_BORDER_REQUEST'),
      };
      const generator = new CaseloadGenerator(
        this.env,
        directory,
        this.requireCalendars(),
        policies,
        this.random.caseload,
        this.now,
      );
      const loaded = await generator.load(clients);
      for (const [table, rows] of Object.entries(loaded)) this.count(table, rows);
      await advanceSequence(clients[0], 'referral', generator.lastReferralNumber);
      await advanceSequence(clients[0], 'cross_border_request', generator.lastRequestNumber);
    });
  }

  /** VACUUM ANALYZE of the loaded tables: fresh statistics and visibility maps, as after a night of autovacuum. */
  async analyze(): Promise<void> {
    await this.step('analyze', 2, async (clients) => {
      const queue = [...LOADED_TABLES];
      await Promise.all(
        clients.map(async (client) => {
          for (let table = queue.shift(); table; table = queue.shift()) await client.query(`VACUUM (ANALYZE) ${table}`);
        }),
      );
    });
  }

  dataset(): BenchDataset {
    return {
      password: BENCH_PASSWORD,
      liaison: this.requireDirectory().liaison,
      counts: { ...this.counts },
      loadMs: { ...this.loadMs },
    };
  }

  private async step(name: string, connections: number, work: (clients: Client[]) => Promise<void>): Promise<void> {
    const started = Date.now();
    const clients = await Promise.all(Array.from({ length: connections }, () => benchClient(this.env)));
    try {
      // Losing the last moments of a load to a crash only means loading again: no need to wait for each flush.
      await Promise.all(clients.map((client) => client.query('SET synchronous_commit = off')));
      await work(clients);
    } finally {
      await Promise.all(clients.map((client) => client.end()));
    }
    this.loadMs[name] = Date.now() - started;
    this.env.log(`dataset: ${name} took ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }

  private count(table: string, rows: number): void {
    this.counts[table] = (this.counts[table] ?? 0) + rows;
  }

  private requireDirectory(): Directory {
    if (!this.directory) throw new Error('Load the directory first (loadDirectory)');
    return this.directory;
  }

  private requireCalendars(): Calendars {
    if (!this.calendars) throw new Error('Load the directory first (loadDirectory)');
    return this.calendars;
  }
}

/** The policy items of a type freeze when their ladder starts (EscalationsService.policyFor, urgency ANY). */
async function activePolicy(client: Client, itemType: string): Promise<PolicySnapshot> {
  const rows: PolicySnapshot[] = (
    await client.query(
      `SELECT name, rungs FROM escalation_policy WHERE item_type = $1 AND urgency = 'ANY' AND active`,
      [itemType],
    )
  ).rows;
  if (rows.length !== 1) throw new Error(`Expected one active ${itemType} escalation policy, found ${rows.length}`);
  return { name: rows[0].name, rungs: rows[0].rungs };
}

/** Moves a number sequence past the numbers loaded, so the app's next insert takes the following one. */
async function advanceSequence(client: Client, table: string, lastNumber: number): Promise<void> {
  if (lastNumber > 0)
    await client.query(`SELECT setval(pg_get_serial_sequence($1, 'number'), $2)`, [table, lastNumber]);
}
