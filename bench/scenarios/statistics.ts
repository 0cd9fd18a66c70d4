import { BenchDataset } from '../dataset/dataset.types';
import { BenchEnv, benchClient } from '../support/bench-env';
import { graphql, login } from '../support/graphql-client';
import { percentile, round } from '../support/stats';
import { startApiSession } from './work-queue';

export interface StatisticsBenchResult {
  /** People in the register and those counted in the year read. */
  victims: number;
  counted: number;
  year: number;
  samples: number;
  /** `statistics` through GraphQL, as the national secretariat (no suppression, whole register). */
  oneBreakdownP50Ms: number;
  oneBreakdownP95Ms: number;
  twoBreakdownP50Ms: number;
  twoBreakdownP95Ms: number;
}

const STATISTICS_QUERY = `query Statistics($from: String!, $to: String!, $breakdowns: [StatisticsBreakdown!]!) {
  statistics(indicator: "VICTIMS_IDENTIFIED", from: $from, to: $to, breakdowns: $breakdowns) {
    computedAt total { value } cells { keys value suppressed }
  }
}`;

/**
 * G (issue 19): people identified as victims in one year, by origin province (one breakdown, goal p50 ≤ 300 ms)
 * and by province and sex (two, goal ≤ 1 s), through GraphQL as the national secretariat, sequential requests.
 */
export async function statisticsBench(
  env: BenchEnv,
  dataset: BenchDataset,
  samples = 30,
): Promise<StatisticsBenchResult> {
  const db = await benchClient(env);
  let secretariat: { email: string } | undefined;
  let year: number;
  let victims: number;
  try {
    [secretariat] = (
      await db.query(
        `SELECT u.email FROM app_user u
           JOIN membership m ON m.agency_id = u.agency_id AND m.role = 'SECRETARIAT'
           JOIN task_force_unit t ON t.id = m.unit_id AND t.level = 'NATIONAL'
          WHERE 'SECRETARIAT' = ANY(u.roles) AND u.active ORDER BY u.email LIMIT 1`,
      )
    ).rows;
    const stats = (
      await db.query(`SELECT count(*)::int AS n, extract(year FROM max(identified_at))::int AS year FROM victim`)
    ).rows[0];
    victims = stats.n;
    year = stats.year ?? new Date().getUTCFullYear();
  } finally {
    await db.end();
  }
  if (!secretariat) throw new Error('the bench dataset has no national secretariat user');
  const session = await startApiSession(env, dataset, 'api-statistics');
  try {
    const token = await login(session.url, secretariat.email, dataset.password);
    const variables = { from: `${year}-01-01`, to: `${year}-12-31` };
    const read = (breakdowns: string[]) =>
      graphql<{ statistics: { total: { value: number } } }>(
        session.url,
        STATISTICS_QUERY,
        { ...variables, breakdowns },
        token,
      );
    const measure = async (breakdowns: string[]) => {
      for (let i = 0; i < 3; i++) await read(breakdowns);
      const latencies: number[] = [];
      for (let i = 0; i < samples; i++) {
        const started = performance.now();
        await read(breakdowns);
        latencies.push(performance.now() - started);
      }
      return latencies;
    };
    const counted = (await read(['ORIGIN_PROVINCE'])).statistics.total.value;
    const one = await measure(['ORIGIN_PROVINCE']);
    const two = await measure(['ORIGIN_PROVINCE', 'SEX']);
    return {
      victims,
      counted,
      year,
      samples,
      oneBreakdownP50Ms: round(percentile(one, 50)),
      oneBreakdownP95Ms: round(percentile(one, 95)),
      twoBreakdownP50Ms: round(percentile(two, 50)),
      twoBreakdownP95Ms: round(percentile(two, 95)),
    };
  } finally {
    await session.api.stop();
  }
}
