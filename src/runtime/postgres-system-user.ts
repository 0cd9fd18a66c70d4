import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** The system user the embedded PostgreSQL runs as when Simpul runs as root (PostgreSQL refuses to run as root). */
export const POSTGRES_SYSTEM_USER = 'postgres';

export interface RunAs {
  uid: number;
  gid: number;
}

type Log = (msg: string) => void;

function idOf(flag: '-u' | '-g'): number | undefined {
  try {
    const out = execFileSync('id', [flag, POSTGRES_SYSTEM_USER], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const id = Number(out.trim());
    return Number.isInteger(id) ? id : undefined;
  } catch {
    return undefined;
  }
}

function lookUp(): RunAs | undefined {
  const uid = idOf('-u');
  const gid = idOf('-g');
  return uid === undefined || gid === undefined ? undefined : { uid, gid };
}

/**
 * Who the embedded PostgreSQL runs as: undefined (this process's own user) unless Simpul runs as root; then the
 * system user "postgres", created (as a system account without a home folder) when the machine has none.
 */
export function postgresRunAs(log: Log): RunAs | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const existing = lookUp();
  if (existing) return existing;
  try {
    if (idOf('-g') === undefined) execFileSync('groupadd', ['--system', POSTGRES_SYSTEM_USER], { stdio: 'pipe' });
    execFileSync(
      'useradd',
      [
        '--system',
        '--gid',
        POSTGRES_SYSTEM_USER,
        '--no-create-home',
        '--shell',
        '/usr/sbin/nologin',
        POSTGRES_SYSTEM_USER,
      ],
      { stdio: 'pipe' },
    );
  } catch (error) {
    const said = (error as { stderr?: Buffer }).stderr?.toString('utf8').trim() || (error as Error).message;
    throw new Error(
      `Simpul runs as root and PostgreSQL refuses to, so the embedded PostgreSQL needs the system user ` +
        `"${POSTGRES_SYSTEM_USER}", which does not exist and could not be created (${said}). Create it ` +
        `(\`useradd --system ${POSTGRES_SYSTEM_USER}\`), run Simpul as another user, or set DATABASE_URL to a ` +
        'PostgreSQL server you run.',
    );
  }
  const created = lookUp();
  if (!created) throw new Error(`The system user "${POSTGRES_SYSTEM_USER}" was created but \`id\` does not find it.`);
  log(`Created the system user "${POSTGRES_SYSTEM_USER}" to run the embedded PostgreSQL (it refuses to run as root)`);
  return created;
}

/** Runs a tiny sh script as `runAs` (no supplementary groups, as the server itself runs) and returns its result. */
function asUser(runAs: RunAs, script: string, args: string[]): { status: number | null; stdout: string } {
  const result = spawnSync('/bin/sh', ['-c', script, 'sh', ...args], {
    uid: runAs.uid,
    gid: runAs.gid,
    cwd: '/',
    env: { PATH: '/usr/bin:/bin' },
    encoding: 'utf8',
  });
  if (result.error) throw new Error(`Could not check access as "${POSTGRES_SYSTEM_USER}": ${result.error.message}`);
  return { status: result.status, stdout: result.stdout };
}

/** The existing folders from `/` down to `path` (inclusive), outermost first. */
function existingFolders(path: string): string[] {
  const folders: string[] = [];
  for (let dir = resolve(path); ; dir = dirname(dir)) {
    if (existsSync(dir)) folders.unshift(dir);
    if (dir === dirname(dir)) return folders;
  }
}

/**
 * The first folder on the way to `path` (itself included, when it exists) that `runAs` cannot enter, or undefined
 * when it can walk all the way. Checked as that user, so ownership, groups and ACLs all count.
 */
export function firstUnreachableFolder(runAs: RunAs, path: string): string | undefined {
  const { status, stdout } = asUser(
    runAs,
    'for d do cd -- "$d" 2>/dev/null || { printf "%s" "$d"; exit 3; }; done',
    existingFolders(path),
  );
  if (status === 0) return undefined;
  if (status === 3) return stdout;
  throw new Error(`Could not check access as "${POSTGRES_SYSTEM_USER}" to ${path} (sh exited with ${status}).`);
}

/** Whether `runAs` may run every one of `files`. */
export function canExecute(runAs: RunAs, files: string[]): boolean {
  return asUser(runAs, 'for f do [ -x "$f" ] || exit 3; done', files).status === 0;
}
