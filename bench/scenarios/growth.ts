import { BenchDataset } from '../dataset/dataset.types';
import { BenchEnv } from '../support/bench-env';
import { percentile, round } from '../support/stats';

import { fetchWorkQueue, sequentialLatencies, startApiSession } from './work-queue';

export interface GrowthReading {
  /** Tasks in the database when the reading was taken. */
  tasks: number;
  /** Open tasks in the liaison's queue. */
  queueLength: number;
  samples: number;
  p50Ms: number;
  p99Ms: number;
}

export interface GrowthResult {
  small: GrowthReading;
  large: GrowthReading;
  /** large.p50Ms / small.p50Ms (goal ≤ 1.5). */
  ratio: number;
}

/** D: the liaison's myWorkQueue, one request at a time, with `tasks` tasks loaded. */
export async function growthReading(env: BenchEnv, dataset: BenchDataset, tasks: number): Promise<GrowthReading> {
  const session = await startApiSession(env, dataset, `api-growth-${tasks}`);
  try {
    const queue = await fetchWorkQueue(session);
    const latencies = await sequentialLatencies(session, env.sizes.growthSamples);
    return {
      tasks,
      queueLength: queue.totalCount,
      samples: latencies.length,
      p50Ms: round(percentile(latencies, 50), 2),
      p99Ms: round(percentile(latencies, 99), 2),
    };
  } finally {
    await session.api.stop();
  }
}

export function growthResult(small: GrowthReading, large: GrowthReading): GrowthResult {
  return { small, large, ratio: round(large.p50Ms / small.p50Ms, 2) };
}
