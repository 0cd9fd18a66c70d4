import { Client } from 'pg';

import { loadConfig } from '@app/config/load-config';
import { CROSS_BORDER_ITEM_TYPE } from '@app/modules/cross-border/cross-border.constants';
import { RequestStage, RequestUrgency } from '@app/modules/cross-border/cross-border.enums';
import { PolicySnapshot } from '@app/modules/escalations/escalation.types';
import { REFERRAL_ITEM_TYPE } from '@app/modules/referrals/referral.constants';
import { IdentityVault } from '@app/modules/victims/identity-vault';

import { BenchEnv } from '../support/bench-env';
import { Calendars } from './calendars';
import { breathe, CopyBatch, LoadPipeline } from './copy';
import { CrossBorderGenerator, LegalBases, REQUEST_COLUMNS, REQUEST_VICTIM_COLUMNS, StagePolicy } from './cross-border';
import { Directory } from './directory';
import { RUNG_COLUMNS } from './ladders';
import { SeededRandom } from './random';
import { HistoryBatch } from './history';
import { CONSENT_COLUMNS, REFERRAL_COLUMNS, ReferralGenerator } from './referrals';
import { VICTIM_COLUMNS, VICTIM_EVENT_COLUMNS, VictimGenerator } from './victims';

/** Rows built before they go to PostgreSQL; the next batch is built while this one loads. */
const BATCH_ITEMS = 20_000;

/**
 * The caseload: the victim register, then the referrals (with the consents they rest on), then the cross-border
 * requests, each loaded in batches on three connections, parents before the rows that reference them.
 */
export class CaseloadGenerator {
  private readonly counts: Record<string, number> = {};
  private referrals: ReferralGenerator | undefined;
  private requests: CrossBorderGenerator | undefined;

  constructor(
    private readonly env: BenchEnv,
    private readonly directory: Directory,
    private readonly calendars: Calendars,
    private readonly policies: { referral: PolicySnapshot; crossBorder: PolicySnapshot },
    private readonly random: SeededRandom,
    private readonly now: Date,
  ) {}

  get lastReferralNumber(): number {
    return this.referrals?.lastNumber ?? 0;
  }

  get lastRequestNumber(): number {
    return this.requests?.lastNumber ?? 0;
  }

  async load([main, second, third]: Client[]): Promise<Record<string, number>> {
    const sizes = this.env.sizes;
    // Sealed exactly as the API seals them: the app's vault, keyed from the environment the bench gives the app.
    const config = loadConfig({
      NODE_ENV: 'test',
      PII_ENCRYPTION_KEY: this.env.piiKey,
      AUTH_TOKEN_SECRET: this.env.tokenSecret,
    });
    const victims = new VictimGenerator(this.directory, new IdentityVault(config), this.random, this.now);
    await this.inBatches(sizes.victims, async (size) => {
      const batch = {
        victims: new CopyBatch('victim', VICTIM_COLUMNS),
        events: new CopyBatch('victim_event', VICTIM_EVENT_COLUMNS),
      };
      for (let i = 0; i < size; i++) {
        victims.add(batch.victims, batch.events);
        if (i % 1_000 === 999) await breathe();
      }
      return {
        added: size,
        stages: [() => this.copy([[main, batch.victims]]), () => this.copy([[second, batch.events]])],
      };
    });

    const referrals = (this.referrals = new ReferralGenerator(
      this.directory,
      victims.victims,
      this.calendars,
      this.policies.referral,
      this.random,
      this.now,
      await nextNumber(main, 'referral'),
    ));
    await this.inBatches(sizes.referrals, async (size) => {
      const batch = {
        consents: new CopyBatch('consent', CONSENT_COLUMNS),
        victimEvents: new CopyBatch('victim_event', VICTIM_EVENT_COLUMNS),
        referrals: new CopyBatch('referral', REFERRAL_COLUMNS),
        events: new HistoryBatch(REFERRAL_ITEM_TYPE, false),
        rungs: new CopyBatch('escalation_rung', RUNG_COLUMNS),
      };
      let added = 0;
      while (added < size) {
        added += referrals.add(batch, size - added);
        if (added % 1_000 === 0) await breathe();
      }
      return {
        added,
        stages: [
          async () => {
            await this.copy([[main, batch.consents]], [[third, batch.rungs]]);
            await this.copy([[main, batch.referrals]]);
          },
          () =>
            this.copy([
              [second, batch.events],
              [second, batch.victimEvents],
            ]),
        ],
      };
    });

    const requests = (this.requests = new CrossBorderGenerator(
      this.directory,
      victims.victims,
      this.calendars,
      this.policies.crossBorder,
      await stagePolicies(main),
      await legalBases(main),
      this.random,
      this.now,
      await nextNumber(main, 'cross_border_request'),
    ));
    await this.inBatches(sizes.crossBorderRequests, async (size) => {
      const batch = {
        requests: new CopyBatch('cross_border_request', REQUEST_COLUMNS),
        events: new HistoryBatch(CROSS_BORDER_ITEM_TYPE, false),
        victims: new CopyBatch('cross_border_request_victim', REQUEST_VICTIM_COLUMNS),
        rungs: new CopyBatch('escalation_rung', RUNG_COLUMNS),
      };
      let added = 0;
      while (added < size) {
        added += requests.add(batch, size - added);
        if (added % 1_000 === 0) await breathe();
      }
      return {
        added,
        stages: [
          () => this.copy([[main, batch.requests]], [[third, batch.rungs]]),
          () => this.copy([[second, batch.events]], [[third, batch.victims]]),
        ],
      };
    });
    // What recordCommitmentActivity does when a request under a commitment moves.
    for (const [commitmentId, at] of requests.activity) {
      await main.query(
        `UPDATE agreement_commitment SET last_activity_at = GREATEST(COALESCE(last_activity_at, $2), $2) WHERE id = $1`,
        [commitmentId, new Date(at)],
      );
    }
    return this.counts;
  }

  /** Builds `total` items in batches, each loaded while the next is built. */
  private async inBatches(
    total: number,
    build: (size: number) => Promise<{ added: number; stages: (() => Promise<void>)[] }>,
  ): Promise<void> {
    const pipeline = new LoadPipeline();
    for (let done = 0; done < total;) {
      const { added, stages } = await build(Math.min(BATCH_ITEMS, total - done));
      done += added;
      await pipeline.submit(...stages);
    }
    await pipeline.drain();
  }

  /** Copies batches, each group on its connection at the same time. */
  private async copy(...groups: [Client, CopyBatch][][]): Promise<void> {
    await Promise.all(
      groups.map(async (group) => {
        for (const [client, batch] of group) {
          const table = batch.table;
          this.counts[table] = (this.counts[table] ?? 0) + (await batch.copyTo(client));
        }
      }),
    );
  }
}

async function nextNumber(client: Client, table: string): Promise<number> {
  return Number((await client.query(`SELECT COALESCE(MAX(number), 0) + 1 AS n FROM ${table}`)).rows[0].n);
}

async function stagePolicies(client: Client): Promise<StagePolicy[]> {
  const rows: {
    urgency: RequestUrgency;
    stage: RequestStage;
    clock_hours: number | null;
    working_days: number | null;
    calendar_days: number | null;
  }[] = (
    await client.query(
      `SELECT urgency, stage, clock_hours, working_days, calendar_days FROM cross_border_deadline_policy`,
    )
  ).rows;
  return rows.map((row) => ({
    urgency: row.urgency,
    stage: row.stage,
    clockHours: row.clock_hours,
    workingDays: row.working_days,
    calendarDays: row.calendar_days,
  }));
}

async function legalBases(client: Client): Promise<LegalBases> {
  const instruments: { code: string; id: string }[] = (await client.query(`SELECT code, id FROM legal_instrument`))
    .rows;
  const commitments: { code: string; id: string }[] = (await client.query(`SELECT code, id FROM agreement_commitment`))
    .rows;
  return {
    instruments: new Map(instruments.map((row) => [row.code, row.id])),
    commitments: new Map(commitments.map((row) => [row.code, row.id])),
  };
}
