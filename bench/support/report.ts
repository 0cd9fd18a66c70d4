import type { DeadlineStormResult } from '../scenarios/deadline-storm';
import type { DeidentifiedExportResult } from '../scenarios/deidentified-export';
import type { ColdStartResult } from '../scenarios/cold-start';
import type { DigestResult } from '../scenarios/digest';
import type { StatisticsBenchResult } from '../scenarios/statistics';
import type { GrowthResult } from '../scenarios/growth';
import type { WorkQueueResult } from '../scenarios/work-queue';
import type { WebConsoleResult } from '../scenarios/web-console';

import type { MachineDescription } from './machine';
import type { ScaleName } from './scale';

/** The results file (bench/results/<timestamp>.json). */
export interface BenchResults {
  startedAt: string;
  finishedAt: string;
  scale: ScaleName;
  machine: MachineDescription;
  dataset: { counts: Record<string, number>; loadMs: Record<string, number> };
  workQueue: WorkQueueResult;
  deadlineStorm: DeadlineStormResult;
  digest: DigestResult;
  growth: GrowthResult;
  coldStart: ColdStartResult;
  webConsole: WebConsoleResult;
  statistics: StatisticsBenchResult;
  deidentifiedExport: DeidentifiedExportResult;
}

interface Row {
  benchmark: string;
  figure: string;
  value: string;
  goal?: string;
  met?: boolean;
}

const num = (value: number, unit = ''): string =>
  `${Number.isFinite(value) ? value.toLocaleString('en-US', { maximumFractionDigits: 2 }) : String(value)}${unit}`;

/** The table printed at the end of a run (and pasted into the README's Performance section). */
export function resultRows(r: BenchResults): Row[] {
  const { workQueue: a, deadlineStorm: b, digest: c, growth: d, coldStart: e, webConsole: f, statistics: g } = r;
  const h = r.deidentifiedExport;
  return [
    { benchmark: 'A work queue', figure: 'GraphQL requests/s', value: num(a.requestsPerSecond) },
    {
      benchmark: 'A work queue',
      figure: 'p50 / p99 latency',
      value: `${num(a.p50Ms, ' ms')} / ${num(a.p99Ms, ' ms')}`,
      goal: 'p99 ≤ 50 ms',
      met: a.p99Ms <= 50,
    },
    { benchmark: 'A work queue', figure: 'pgbench, same SQL (tps)', value: num(a.pgbenchTps) },
    { benchmark: 'A work queue', figure: 'ratio', value: num(a.ratio), goal: '≥ 0.5', met: a.ratio >= 0.5 },
    {
      benchmark: 'A work queue',
      figure: `${a.cluster.processes} API processes: requests/s, p99`,
      value: `${num(a.cluster.requestsPerSecond)}, ${num(a.cluster.p99Ms, ' ms')}`,
    },
    {
      benchmark: 'A work queue',
      figure: `${a.cluster.processes} API processes: ratio`,
      value: num(a.cluster.ratio),
      goal: '≥ 0.5',
      met: a.cluster.ratio >= 0.5,
    },
    {
      benchmark: 'B deadline storm',
      figure: `${num(b.tasks)} first rungs fired + notified`,
      value: num(b.storm.seconds, ' s'),
      goal: '≤ 60 s',
      met: b.storm.seconds <= 60,
    },
    {
      benchmark: 'B deadline storm',
      figure: 'lateness p50 / p99',
      value: `${num(b.storm.latenessP50Ms, ' ms')} / ${num(b.storm.latenessP99Ms, ' ms')}`,
      goal: 'p99 ≤ 5 s',
      met: b.storm.latenessP99Ms <= 5000,
    },
    {
      benchmark: 'B deadline storm',
      figure: 'rungs/s vs raw BullMQ jobs/s',
      value: `${num(b.storm.rungsPerSecond)} / ${num(b.rawBullmq.jobsPerSecond)}`,
    },
    { benchmark: 'B deadline storm', figure: 'ratio', value: num(b.ratio), goal: '≥ 0.5', met: b.ratio >= 0.5 },
    {
      benchmark: 'B deadline storm',
      figure: 'CPU per rung (PostgreSQL + decision worker) → ceiling on this machine',
      // Older results files have no CPU readings.
      value:
        b.storm.cpuMicrosPerRung == null
          ? 'not read'
          : `${num(b.storm.cpuMicrosPerRung, ' µs')} → ${num(b.storm.ceilingRungsPerSecond ?? 0)} rungs/s`,
    },
    {
      benchmark: 'B deadline storm',
      figure: `${num(b.storm.emailsDrained)} emails out (T → last SENT, email worker apart)`,
      value: b.storm.emailDrainSeconds === null ? 'did not drain' : num(b.storm.emailDrainSeconds, ' s'),
      goal: '≤ 600 s (187k)',
      met: b.storm.emailDrainSeconds !== null && b.storm.emailDrainSeconds <= 600,
    },
    {
      benchmark: 'B deadline storm',
      figure: `Redis, this run's keys: before → ${num(b.rungRows)} rungs scheduled → first rungs armed (their emails waiting)`,
      value:
        `${num(b.redisMemory.prefixBytesBefore / 1024, ' KiB')} → ${num(b.redisMemory.prefixBytesScheduled / 1024, ' KiB')}` +
        // Older results files were read before arming existed.
        (b.redisMemory.prefixBytesArmed == null ? '' : ` → ${num(b.redisMemory.prefixBytesArmed / 1048576, ' MiB')}`),
    },
    {
      benchmark: 'B deadline storm',
      figure: 'Redis used_memory (whole server): before → scheduled → armed',
      value:
        `${num(b.redisMemory.usedMemoryBefore / 1048576, ' MiB')} → ${num(b.redisMemory.usedMemoryScheduled / 1048576, ' MiB')}` +
        (b.redisMemory.usedMemoryArmed == null ? '' : ` → ${num(b.redisMemory.usedMemoryArmed / 1048576, ' MiB')}`),
    },
    {
      benchmark: 'B deadline storm',
      figure: 'first rungs armed before T (at T only settled)',
      value: b.armedAtT == null ? 'not read' : `${num(b.armedAtT)} of ${num(b.tasks)}`,
    },
    {
      benchmark: 'C digest',
      figure: `${num(c.sent)} digests sent (${c.workers ?? 1} worker process${(c.workers ?? 1) > 1 ? 'es' : ''})`,
      value: num(c.wallSeconds, ' s'),
      goal: '≤ 300 s',
      met: c.wallSeconds <= 300,
    },
    { benchmark: 'C digest', figure: 'messages/s', value: num(c.messagesPerSecond) },
    {
      benchmark: 'C digest',
      figure: 'worker peak RSS (largest)',
      value: num(c.peakRssMiB, ' MiB'),
      goal: '≤ 512 MB',
      met: c.peakRssMiB <= 512,
    },
    { benchmark: 'C digest', figure: 'sent by the rerun', value: num(c.rerunSent), goal: '0', met: c.rerunSent === 0 },
    {
      benchmark: 'C digest',
      figure: 'same digest received twice',
      value: num(c.duplicateMessageIds),
      goal: '0',
      met: c.duplicateMessageIds === 0,
    },
    { benchmark: 'D growth', figure: `p50 at ${num(d.small.tasks)} tasks`, value: num(d.small.p50Ms, ' ms') },
    { benchmark: 'D growth', figure: `p50 at ${num(d.large.tasks)} tasks`, value: num(d.large.p50Ms, ' ms') },
    { benchmark: 'D growth', figure: 'ratio', value: num(d.ratio), goal: '≤ 1.5', met: d.ratio <= 1.5 },
    {
      benchmark: 'E cold start',
      figure: 'npm start, empty data folder',
      value: num(e.emptySeconds, ' s'),
      goal: '≤ 20 s',
      met: e.emptySeconds <= 20,
    },
    {
      benchmark: 'E cold start',
      figure: 'npm start, warm data folder',
      value: num(e.warmSeconds, ' s'),
      goal: '≤ 5 s',
      met: e.warmSeconds <= 5,
    },
    { benchmark: 'E cold start', figure: 'ratio (warm / empty)', value: num(e.ratio) },
    {
      benchmark: 'F web console',
      figure: 'initial JS, sign-in (compressed)',
      value: num(f.signInJsKB, ' KB'),
      goal: '≤ 250 KB',
      met: f.signInJsKB <= 250,
    },
    {
      benchmark: 'F web console',
      figure: 'initial JS, work queue (compressed)',
      value: num(f.workQueueJsKB, ' KB'),
      goal: '≤ 250 KB',
      met: f.workQueueJsKB <= 250,
    },
    {
      benchmark: 'F web console',
      figure: `work queue shown, CPU ${f.cpuThrottle}× slower (p50)`,
      value: num(f.workQueueInteractiveMs, ' ms'),
      goal: '≤ 1.5 s',
      met: f.workQueueInteractiveMs <= 1500,
    },
    {
      benchmark: 'G statistics',
      figure: `one-breakdown indicator for a year p50 (${num(g.counted)} of ${num(g.victims)} people)`,
      value: num(g.oneBreakdownP50Ms, ' ms'),
      goal: '≤ 300 ms',
      met: g.oneBreakdownP50Ms <= 300,
    },
    {
      benchmark: 'G statistics',
      figure: 'two-breakdown indicator for a year p50',
      value: num(g.twoBreakdownP50Ms, ' ms'),
      goal: '≤ 1 s',
      met: g.twoBreakdownP50Ms <= 1000,
    },
    ...(['csv', 'xlsx'] as const).map((format) => ({
      benchmark: 'H de-identified export',
      figure: `${num(h.people)} people streamed, ${format.toUpperCase()} (${num(h[format].fileMiB, ' MiB')})`,
      value: num(h[format].seconds, ' s'),
      goal: '≤ 60 s at 200k',
      met: h[format].seconds <= 60,
    })),
    {
      benchmark: 'H de-identified export',
      figure: 'worker peak RSS',
      value: num(h.peakRssMiB, ' MiB'),
      goal: '≤ 512 MB',
      met: h.peakRssMiB <= 512,
    },
  ];
}

export function printTable(results: BenchResults): void {
  const rows = resultRows(results);
  const header = { benchmark: 'Benchmark', figure: 'Figure', value: 'Value', goal: 'Goal', met: 'Met' };
  const cells = rows.map((row) => ({
    ...row,
    goal: row.goal ?? '',
    met: row.met === undefined ? '' : row.met ? 'yes' : 'no',
  }));
  const widths = (Object.keys(header) as (keyof typeof header)[]).map((key) =>
    Math.max(header[key].length, ...cells.map((cell) => String(cell[key]).length)),
  );
  const line = (values: string[]) => `| ${values.map((value, i) => value.padEnd(widths[i])).join(' | ')} |`;
  const m = results.machine;
  process.stdout.write(
    `\nSimpul benchmarks (${results.scale} scale) on ${m.cores} × ${m.cpu}, ${m.memoryGiB} GiB, ` +
      `Node ${m.node}, PostgreSQL ${m.postgres}, Redis ${m.redis}\n`,
  );
  process.stdout.write(`${line(Object.values(header))}\n`);
  process.stdout.write(`${line(widths.map((w) => '-'.repeat(w)))}\n`);
  for (const cell of cells) {
    process.stdout.write(`${line([cell.benchmark, cell.figure, cell.value, cell.goal, cell.met])}\n`);
  }
}
