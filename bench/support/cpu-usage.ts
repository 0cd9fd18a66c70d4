import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU time spent, read from Linux's /proc: the whole machine's busy time, PostgreSQL's processes and chosen
 * processes of the run. Taken at two instants, the difference says what a phase cost in core-seconds and who spent
 * it. PostgreSQL's figure is what the server's processes alive at the second instant spent since the first (a
 * process started in between counts from its start; one that exits in between takes its time with it, which the
 * workers' pooled connections do not). Elsewhere than Linux it reads null.
 */
export interface CpuReading {
  at: number;
  machineBusy: number;
  /** CPU seconds so far of each PostgreSQL process, by pid. */
  postgres: Map<number, number>;
  processes: Record<string, number>;
}

let clockTicks: number | undefined;

function ticksPerSecond(): number {
  if (clockTicks === undefined) {
    try {
      clockTicks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      clockTicks = 100;
    }
  }
  return clockTicks;
}

/** utime + stime of one process in seconds, and its command name; undefined when it is gone. */
function processCpu(pid: number): { name: string; seconds: number } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The name is in parentheses and may hold spaces; the fields after it are space-separated.
    const close = stat.lastIndexOf(')');
    const name = stat.slice(stat.indexOf('(') + 1, close);
    const fields = stat.slice(close + 2).split(' ');
    // After the name: state is field 3 of the man page, utime 14 and stime 15, so indexes 11 and 12 here.
    return { name, seconds: (Number(fields[11]) + Number(fields[12])) / ticksPerSecond() };
  } catch {
    return undefined;
  }
}

export function readCpu(pids: Record<string, number>): CpuReading | null {
  let machine: string;
  try {
    machine = readFileSync('/proc/stat', 'utf8').split('\n')[0];
  } catch {
    return null;
  }
  // cpu  user nice system idle iowait irq softirq steal …: busy is everything but idle and iowait.
  const values = machine.trim().split(/\s+/).slice(1).map(Number);
  const busyTicks = values.reduce((sum, value, i) => (i === 3 || i === 4 ? sum : sum + value), 0);
  const postgres = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const cpu = processCpu(Number(entry));
    if (cpu?.name === 'postgres') postgres.set(Number(entry), cpu.seconds);
  }
  const processes: Record<string, number> = {};
  for (const [name, pid] of Object.entries(pids)) processes[name] = processCpu(pid)?.seconds ?? 0;
  return { at: Date.now(), machineBusy: busyTicks / ticksPerSecond(), postgres, processes };
}

export interface CpuSpent {
  wallSeconds: number;
  machineBusyCoreSeconds: number;
  postgresCoreSeconds: number;
  processCoreSeconds: Record<string, number>;
}

export function cpuBetween(from: CpuReading | null, to: CpuReading | null): CpuSpent | null {
  if (!from || !to) return null;
  const round = (value: number) => Math.round(value * 100) / 100;
  return {
    wallSeconds: round((to.at - from.at) / 1000),
    machineBusyCoreSeconds: round(to.machineBusy - from.machineBusy),
    // Per process: the sum of the totals went negative when a busy backend exited in between (a run of B showed
    // PostgreSQL at -1.82 core-seconds).
    postgresCoreSeconds: round(
      [...to.postgres].reduce((sum, [pid, seconds]) => sum + seconds - (from.postgres.get(pid) ?? 0), 0),
    ),
    processCoreSeconds: Object.fromEntries(
      Object.keys(to.processes).map((name) => [name, round(to.processes[name] - (from.processes[name] ?? 0))]),
    ),
  };
}
