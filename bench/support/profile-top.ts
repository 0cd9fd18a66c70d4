import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Where a process spent its CPU, from the V8 profiles `BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=…"` leaves: self
 * time per function and per package (node_modules/<name>, or the project's own folders), largest first. The same
 * .cpuprofile files open as flame graphs in Chrome's DevTools (Performance, "Load profile") or speedscope.
 *
 *   npx ts-node --transpile-only bench/support/profile-top.ts .data/profiles [--top 25] [--window 41-50]
 *
 * `--window a-b` keeps the samples from a to b seconds after the profile began (its file name holds the wall-clock
 * start, CPU.<yyyymmdd>.<hhmmss>…), e.g. only the storm, leaving out the boot and the waiting around it.
 */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

function packageOf(url: string): string {
  if (!url) return '(V8 / native)';
  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (modules) return modules[1];
  if (url.startsWith('node:')) return 'node core';
  const own = /\/(dist\/)?(src|libs)\/([^/]+)/.exec(url);
  return own ? `${own[2]}/${own[3]}` : url;
}

function main(): void {
  const [target, ...rest] = process.argv.slice(2);
  if (!target) throw new Error('Name a .cpuprofile file or a folder of them.');
  const option = (name: string) => (rest.includes(name) ? rest[rest.indexOf(name) + 1] : undefined);
  const top = Number(option('--top')) || 25;
  const [from, to] = (option('--window') ?? '-')
    .split('-')
    .map((value, i) => (value === '' ? (i === 0 ? -Infinity : Infinity) : Number(value) * 1_000_000));
  const files = statSync(target).isDirectory()
    ? readdirSync(target)
        .filter((name) => name.endsWith('.cpuprofile'))
        .map((name) => join(target, name))
    : [target];
  for (const file of files) {
    const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
    const byId = new Map(profile.nodes.map((node) => [node.id, node]));
    const selfMs = new Map<number, number>();
    // Sample times are microseconds after startTime (V8's own clock).
    let at = 0;
    profile.samples.forEach((id, i) => {
      at += profile.timeDeltas[i] ?? 0;
      if (at < from || at > to) return;
      selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
    });
    const total = [...selfMs.values()].reduce((sum, ms) => sum + ms, 0);
    const functions = new Map<string, number>();
    const packages = new Map<string, number>();
    for (const [id, ms] of selfMs) {
      const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
      const name = `${functionName || '(anonymous)'} ${url.split('/').slice(-2).join('/')}:${lineNumber + 1}`;
      functions.set(name, (functions.get(name) ?? 0) + ms);
      packages.set(packageOf(url), (packages.get(packageOf(url)) ?? 0) + ms);
    }
    const show = (title: string, entries: Map<string, number>) => {
      process.stdout.write(`\n${title}\n`);
      for (const [name, ms] of [...entries].sort((a, b) => b[1] - a[1]).slice(0, top)) {
        process.stdout.write(
          `${((100 * ms) / total).toFixed(1).padStart(5)} %  ${ms.toFixed(0).padStart(7)} ms  ${name}\n`,
        );
      }
    };
    process.stdout.write(`\n${file}: ${(total / 1000).toFixed(1)} s of samples`);
    show('self time by package', packages);
    show('self time by function', functions);
  }
}

main();
