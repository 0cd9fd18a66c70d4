// Builds the server into dist/ with `nest build`, skipped when nothing it reads has changed since the last build (a
// hash of src/, libs/, migrations/, the TypeScript and Nest configuration and the lockfile), so `npm start` on a warm
// checkout goes straight to starting (issue 22, benchmark E). `--force` builds anyway. The stamp lives in dist/,
// which `nest build` deletes first (deleteOutDir), so a failed or interrupted build never leaves a stale stamp.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const stamp = join(dist, '.build-hash');

function files(folder) {
  return readdirSync(folder)
    .sort()
    .flatMap((name) => {
      const path = join(folder, name);
      return statSync(path).isDirectory() ? files(path) : [path];
    });
}

function inputsHash() {
  const hash = createHash('sha256');
  const inputs = [
    ...['src', 'libs', 'migrations'].flatMap((folder) => files(join(root, folder))),
    ...['tsconfig.json', 'tsconfig.build.json', 'nest-cli.json', 'package-lock.json', 'scripts/build-server.mjs'].map(
      (name) => join(root, name),
    ),
  ];
  for (const path of inputs) hash.update(path.slice(root.length)).update(readFileSync(path));
  return hash.digest('hex');
}

const force = process.argv.includes('--force');
const hash = inputsHash();
if (!force && existsSync(stamp) && readFileSync(stamp, 'utf8') === hash && existsSync(join(dist, 'src', 'main.js'))) {
  process.stdout.write('Server: up to date (dist)\n');
  process.exit(0);
}
const started = Date.now();
const nest = spawnSync(process.execPath, [join(root, 'node_modules/@nestjs/cli/bin/nest.js'), 'build'], {
  cwd: root,
  stdio: 'inherit',
});
if (nest.status !== 0) {
  process.stderr.write('Server: the build failed (see above).\n');
  process.exit(nest.status ?? 1);
}
writeFileSync(stamp, hash);
process.stdout.write(`Server: built in ${((Date.now() - started) / 1000).toFixed(1)} s (dist)\n`);
