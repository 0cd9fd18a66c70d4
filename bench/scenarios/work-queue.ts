import { execFile } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

import autocannon from 'autocannon';
// The pg driver's own conversion of a JS parameter to its wire text (dates, arrays, buffers).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { prepareValue } = require('pg/lib/utils') as { prepareValue: (value: unknown) => unknown };

import { BenchDataset } from '../dataset/dataset.types';
import { BenchEnv, processEnv } from '../support/bench-env';
import { graphql, login, WORK_QUEUE_QUERY } from '../support/graphql-client';
import { BenchProcess, freePort, LOG_DIR } from '../support/processes';
import { round } from '../support/stats';

const run = promisify(execFile);

export interface WorkQueueResult {
  /** Open tasks in the liaison's queue (totalCount) and rows on the page. */
  queueLength: number;
  pageSize: number;
  connections: number;
  seconds: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  /** The same statements one request sends, replayed by pgbench at the same concurrency. */
  sqlStatements: number;
  pgbenchTps: number;
  pgbenchLatencyMs: number;
  /** requestsPerSecond / pgbenchTps (goal ≥ 0.5). */
  ratio: number;
  /** The same load on `start:api` as one process per core (API_PROCESSES=auto), beside the one-process figures. */
  cluster: {
    processes: number;
    requestsPerSecond: number;
    p50Ms: number;
    p99Ms: number;
    errors: number;
    ratio: number;
  };
}

/** A running API process with a logged-in liaison. */
export interface ApiSession {
  api: BenchProcess;
  url: string;
  token: string;
}

export async function startApiSession(
  env: BenchEnv,
  dataset: BenchDataset,
  name = 'api',
  extraEnv: Record<string, string> = {},
  nodeArgs: string[] = [],
): Promise<ApiSession> {
  const port = await freePort();
  const api = nodeArgs.length
    ? BenchProcess.start(name, [...nodeArgs, 'dist/src/main.js', '--role', 'api'], {
        ...processEnv(env, extraEnv),
        PORT: String(port),
      })
    : await BenchProcess.api(processEnv(env, extraEnv), port, name);
  if (nodeArgs.length) await api.waitForHttp(`http://127.0.0.1:${port}/health/ready`, 120_000);
  const url = `http://127.0.0.1:${port}/graphql`;
  const token = await login(url, dataset.liaison.email, dataset.password);
  return { api, url, token };
}

interface WorkQueueData {
  myWorkQueue: { totalCount: number; edges: unknown[] };
}

export async function fetchWorkQueue(session: ApiSession): Promise<WorkQueueData['myWorkQueue']> {
  return (await graphql<WorkQueueData>(session.url, WORK_QUEUE_QUERY, {}, session.token)).myWorkQueue;
}

/** D's reading: sequential requests (no queueing), their latencies in ms. */
export async function sequentialLatencies(session: ApiSession, samples: number): Promise<number[]> {
  for (let i = 0; i < Math.min(50, samples); i++) await fetchWorkQueue(session);
  const latencies: number[] = [];
  for (let i = 0; i < samples; i++) {
    const started = performance.now();
    await fetchWorkQueue(session);
    latencies.push(performance.now() - started);
  }
  return latencies;
}

/** A: myWorkQueue over HTTP at N clients (autocannon), then its own SQL at N clients (pgbench). */
export async function workQueue(env: BenchEnv, dataset: BenchDataset): Promise<WorkQueueResult> {
  const { connections, loadSeconds } = env.sizes;
  const statements = await captureWorkQueueSql(env, dataset);
  const session = await startApiSession(env, dataset);
  try {
    const first = await fetchWorkQueue(session);
    await sequentialLatencies(session, 200); // warm-up: JIT, pools, plan and page caches
    env.log(`A: myWorkQueue (${first.totalCount} open tasks) at ${connections} clients for ${loadSeconds} s`);
    const http = await load(session, connections, loadSeconds);
    const errors = http.errors + http.timeouts + http.non2xx;
    await session.api.stop();
    const processes = availableParallelism();
    env.log(`A: the same on ${processes} API processes (API_PROCESSES=auto)`);
    const clustered = await startApiSession(env, dataset, 'api-cluster', { API_PROCESSES: 'auto' });
    let many: autocannon.Result;
    try {
      await sequentialLatencies(clustered, 200);
      many = await load(clustered, connections, loadSeconds);
    } finally {
      await clustered.api.stop();
    }
    env.log(`A: pgbench with the ${statements.length} statements of one request`);
    const pgbench = await runPgbench(env, statements, connections, loadSeconds);
    const requestsPerSecond = round(http.requests.average, 0);
    return {
      queueLength: first.totalCount,
      pageSize: first.edges.length,
      connections,
      seconds: loadSeconds,
      requestsPerSecond,
      p50Ms: http.latency.p50,
      p99Ms: http.latency.p99,
      errors,
      sqlStatements: statements.length,
      pgbenchTps: pgbench.tps,
      pgbenchLatencyMs: pgbench.latencyMs,
      ratio: round(requestsPerSecond / pgbench.tps, 2),
      cluster: {
        processes,
        requestsPerSecond: round(many.requests.average, 0),
        p50Ms: many.latency.p50,
        p99Ms: many.latency.p99,
        errors: many.errors + many.timeouts + many.non2xx,
        ratio: round(many.requests.average / pgbench.tps, 2),
      },
    };
  } finally {
    await session.api.stop();
  }
}

function load(session: ApiSession, connections: number, duration: number): Promise<autocannon.Result> {
  return autocannon({
    url: session.url,
    method: 'POST',
    connections,
    duration,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${session.token}` },
    body: JSON.stringify({ query: WORK_QUEUE_QUERY }),
  });
}

/**
 * The SQL of one myWorkQueue request, recorded inside a separate API process (support/record-sql.js), with
 * the parameters written in as literals the way the pg driver would send them.
 */
async function captureWorkQueueSql(env: BenchEnv, dataset: BenchDataset): Promise<string[]> {
  const logFile = join(LOG_DIR, 'work-queue-sql.jsonl');
  mkdirSync(LOG_DIR, { recursive: true });
  writeFileSync(logFile, '');
  const session = await startApiSession(env, dataset, 'api-sql-capture', { BENCH_SQL_LOG: logFile }, [
    '-r',
    join(__dirname, '..', 'support', 'record-sql.js'),
  ]);
  try {
    await fetchWorkQueue(session); // first request: anything lazily loaded happens here
    writeFileSync(logFile, '');
    await fetchWorkQueue(session);
    const recorded = readFileSync(logFile, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { query: string; parameters: unknown[] });
    if (recorded.length === 0) throw new Error('No SQL was recorded for myWorkQueue');
    return recorded.map(({ query, parameters }) => inlineParameters(query, parameters));
  } finally {
    await session.api.stop();
  }
}

function literal(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  const prepared = prepareValue(value);
  if (prepared === null) return 'NULL';
  return `'${String(prepared as string).replace(/'/g, "''")}'`;
}

export function inlineParameters(query: string, parameters: unknown[]): string {
  const sql = query.replace(/\$(\d+)/g, (_, index: string) => literal(parameters[Number(index) - 1]));
  return `${sql.replace(/\s+/g, ' ').trim()};`;
}

async function runPgbench(
  env: BenchEnv,
  statements: string[],
  clients: number,
  seconds: number,
): Promise<{ tps: number; latencyMs: number }> {
  const script = join(LOG_DIR, 'work-queue.pgbench.sql');
  writeFileSync(script, statements.join('\n') + '\n');
  const { stdout } = await run(
    'pgbench',
    ['-n', '-M', 'extended', '-c', String(clients), '-j', '2', '-T', String(seconds), '-f', script, env.databaseUrl],
    { timeout: (seconds + 60) * 1000, maxBuffer: 16 * 1024 * 1024 },
  );
  const tps = /tps = ([\d.]+) \(without initial connection time\)/.exec(stdout)?.[1];
  const latency = /latency average = ([\d.]+) ms/.exec(stdout)?.[1];
  if (!tps) throw new Error(`pgbench printed no tps:\n${stdout}`);
  return { tps: round(Number(tps), 0), latencyMs: Number(latency ?? NaN) };
}
