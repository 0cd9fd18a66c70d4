import { createHash } from 'node:crypto';
import { chmodSync, existsSync, lstatSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';

import { firstUnreachableFolder, POSTGRES_SYSTEM_USER, RunAs } from './postgres-system-user';

type Log = (msg: string) => void;

/**
 * Where a root-run Simpul keeps what the "postgres" user must reach when the checkout sits in a private folder:
 * the system's state directory, else the temp directory. The first one that is usable wins.
 */
export const DEFAULT_STATE_DIRS = ['/var/lib/simpul', join(tmpdir(), 'simpul-root')];

const slug = (part: string) =>
  part
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[.-]+/, '')
    .slice(0, 40) || 'simpul';

/**
 * The folder name a relocated cluster gets: the project folder, the data folder's own name (so the app's `postgres`
 * and the test command's `test-postgres` differ) and a short hash of the absolute path (so two checkouts that share
 * a folder name differ too), e.g. `simpul-postgres-3f9a1c2e`.
 */
export function relocatedClusterName(dataDir: string): string {
  const absolute = resolve(dataDir);
  const hash = createHash('sha256').update(absolute).digest('hex').slice(0, 8);
  return `${slug(basename(dirname(dirname(absolute))))}-${slug(basename(absolute))}-${hash}`;
}

/** Why `dir` cannot serve as a state directory, or undefined when it can (created, root's, 0755, reachable). */
function unusableBecause(dir: string, runAs: RunAs): string | undefined {
  try {
    if (!existsSync(dir)) {
      mkdirSync(dir, { recursive: true, mode: 0o755 });
      chmodSync(dir, 0o755); // mkdir's mode passes through the umask, which may be 077
    }
    const stat = lstatSync(dir);
    if (!stat.isDirectory()) return 'it is not a folder';
    if (stat.uid !== process.getuid?.()) return 'it belongs to another user';
    if ((stat.mode & 0o022) !== 0) return 'others may write to it';
    const blocked = firstUnreachableFolder(runAs, dir);
    return blocked ? `"${POSTGRES_SYSTEM_USER}" cannot enter ${blocked}` : undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

/** The first of `candidates` that can hold folders for the "postgres" user; throws naming each one's problem. */
export function usableStateDir(candidates: string[], runAs: RunAs, purpose: string): string {
  const problems: string[] = [];
  for (const dir of candidates) {
    const problem = unusableBecause(dir, runAs);
    if (!problem) return dir;
    problems.push(`${dir}: ${problem}`);
  }
  throw new Error(
    `Simpul runs as root and found no folder for ${purpose} that the system user "${POSTGRES_SYSTEM_USER}" can ` +
      `reach and nobody else can change (${problems.join('; ')}). Set DATABASE_URL to a PostgreSQL server you run, ` +
      'or run Simpul as another user.',
  );
}

const remedies = (blocked: string) =>
  `Run \`chmod o+x ${blocked}\`, or set DATABASE_URL to a PostgreSQL server you run`;

/**
 * Where the embedded PostgreSQL keeps its cluster. Normally `dataDir`. When Simpul runs as root, PostgreSQL runs as
 * the system user "postgres", which must walk down to the cluster; a checkout in a private folder (a home folder,
 * `mktemp -d`) stops it. Then, if the data folder is the default (`relocatable`), the cluster goes to a folder of
 * its own under a state directory, owned by "postgres" with mode 0700, and later starts find it there again; an
 * explicit DATA_DIR is never moved, only explained.
 */
export function clusterLocation(opts: {
  dataDir: string;
  relocatable: boolean;
  runAs: RunAs | undefined;
  stateDirs: string[];
  log: Log;
}): string {
  const { dataDir, runAs, log } = opts;
  if (!runAs) return dataDir;
  const user = `the system user "${POSTGRES_SYSTEM_USER}"`;
  mkdirSync(dirname(dataDir), { recursive: true });
  const blockedOnTheWay = () => firstUnreachableFolder(runAs, dirname(dataDir));

  if (existsSync(join(dataDir, 'PG_VERSION'))) {
    const blocked = blockedOnTheWay();
    if (blocked) {
      throw new Error(
        `${dataDir} holds the embedded PostgreSQL's cluster, but Simpul runs as root, so PostgreSQL runs as ${user}, ` +
          `which cannot reach it: ${blocked} is not searchable by other users. ${remedies(blocked)}.`,
      );
    }
    return dataDir;
  }

  const name = relocatedClusterName(dataDir);
  if (opts.relocatable) {
    const kept = opts.stateDirs.map((dir) => join(dir, name)).find((dir) => existsSync(join(dir, 'PG_VERSION')));
    if (kept) {
      log(`The embedded PostgreSQL keeps its cluster in ${kept} (${user} that runs it cannot reach ${dataDir})`);
      return kept;
    }
  }

  const blocked = blockedOnTheWay();
  if (!blocked) return dataDir;
  if (!opts.relocatable) {
    throw new Error(
      `DATA_DIR puts the embedded PostgreSQL's cluster in ${dataDir}, but Simpul runs as root, so PostgreSQL runs as ` +
        `${user}, which cannot reach it: ${blocked} is not searchable by other users. ${remedies(blocked)}, set ` +
        'DATA_DIR to a folder it can reach, or leave DATA_DIR unset (Simpul then keeps the cluster in a private ' +
        'folder of its own).',
    );
  }
  const target = join(usableStateDir(opts.stateDirs, runAs, "the embedded PostgreSQL's cluster"), name);
  log(
    `Simpul runs as root, so the embedded PostgreSQL runs as ${user}, which cannot reach ${dataDir} ` +
      `(${blocked} is private). Its cluster is kept in ${target} instead (owned by "${POSTGRES_SYSTEM_USER}", ` +
      'mode 0700), and later starts use it again.',
  );
  return target;
}
