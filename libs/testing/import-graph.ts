import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..', '..');
const ALIASES: [string, string][] = [
  ['@app/', 'src/'],
  ['@libs/', 'libs/'],
];
/** import … from 'x', export … from 'x', import 'x', import('x'), require('x'); type-only imports count too. */
const SPECIFIER =
  /(?:^|[\s;])(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]|(?:^|[\s;])import\s*['"]([^'"]+)['"]|(?:import|require)\(\s*['"]([^'"]+)['"]\s*\)/g;

/** Every .ts file under `dir` (a path from the repository root), specs included. */
export function sourceFiles(dir: string): string[] {
  const found: string[] = [];
  const walk = (absolute: string) => {
    for (const name of readdirSync(absolute)) {
      const path = join(absolute, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.ts')) found.push(relative(ROOT, path));
    }
  };
  walk(join(ROOT, dir));
  return found.sort();
}

/** The module specifiers a file imports, as written. */
export function importsOf(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  return [...text.matchAll(SPECIFIER)].map((match) => match[1] ?? match[2] ?? match[3]);
}

/** The repository file a specifier of `from` names, or null for a package (or a file outside src/ and libs/). */
function resolveSpecifier(from: string, specifier: string): string | null {
  let base: string | null = null;
  if (specifier.startsWith('.')) base = join(dirname(from), specifier);
  for (const [alias, dir] of ALIASES) if (specifier.startsWith(alias)) base = dir + specifier.slice(alias.length);
  if (base === null) return null;
  for (const candidate of [`${base}.ts`, join(base, 'index.ts')]) {
    if (existsSync(join(ROOT, candidate))) return candidate;
  }
  return null;
}

/**
 * Import cycles that pass through a file under one of `dirs`, each as the list of files around it (the first file
 * repeated at the end). The walk follows imports anywhere in src/ and libs/, so a cycle that leaves the folder and
 * comes back is found too.
 */
export function importCycles(dirs: string[]): string[][] {
  const inScope = (file: string) => dirs.some((dir) => file.startsWith(`${dir}/`));
  const edges = new Map<string, string[]>();
  const next = (file: string): string[] => {
    let targets = edges.get(file);
    if (!targets) {
      targets = [
        ...new Set(
          importsOf(file)
            .map((specifier) => resolveSpecifier(file, specifier))
            .filter((target): target is string => target !== null),
        ),
      ];
      edges.set(file, targets);
    }
    return targets;
  };
  const cycles: string[][] = [];
  const seen = new Set<string>();
  const done = new Set<string>();
  const visit = (file: string, path: string[]) => {
    if (done.has(file)) return;
    const at = path.indexOf(file);
    if (at >= 0) {
      const cycle = [...path.slice(at), file];
      if (cycle.some(inScope)) {
        const key = [...cycle.slice(0, -1)].sort().join('|');
        if (!seen.has(key)) {
          seen.add(key);
          cycles.push(cycle);
        }
      }
      return;
    }
    for (const target of next(file)) visit(target, [...path, file]);
    done.add(file);
  };
  for (const dir of dirs) for (const file of sourceFiles(dir)) visit(file, []);
  return cycles;
}
