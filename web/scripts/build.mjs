// Builds the web console into web/dist: GraphQL types, typecheck, Vite bundle, then gzip and brotli copies of
// every text asset (served as they are by src/web). Skipped when nothing it reads has changed since the last
// build (a hash of the sources, schema.gql and the lockfile), so `npm start` stays quick on a warm checkout.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const web = join(dirname(fileURLToPath(import.meta.url)), '..');
const root = join(web, '..');
const dist = join(web, 'dist');
const stamp = join(dist, '.build-hash');

function files(folder) {
  return readdirSync(folder)
    .sort()
    .flatMap((name) => {
      const path = join(folder, name);
      if (name === 'gql' && folder.endsWith('src')) return [];
      return statSync(path).isDirectory() ? files(path) : [path];
    });
}

function inputsHash() {
  const hash = createHash('sha256');
  const inputs = [
    ...files(join(web, 'src')),
    ...files(join(web, 'public')),
    ...['index.html', 'graphiql.html', 'vite.config.mts', 'tsconfig.json', 'scripts/build.mjs', 'scripts/codegen.mjs'].map(
      (name) => join(web, name),
    ),
    join(root, 'schema.gql'),
    join(root, 'package-lock.json'),
  ];
  for (const path of inputs) hash.update(path.slice(root.length)).update(readFileSync(path));
  return hash.digest('hex');
}

const force = process.argv.includes('--force');
const hash = inputsHash();
if (!force && existsSync(stamp) && readFileSync(stamp, 'utf8') === hash && existsSync(join(dist, 'index.html'))) {
  process.stdout.write('Web console: up to date (web/dist)\n');
  process.exit(0);
}

const started = Date.now();
// Imported only when there is something to build: GraphQL Codegen takes half a second to load, which every warm
// `npm start` paid for nothing.
const { generate } = await import('./codegen.mjs');
await generate();
const tsc = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(web, 'tsconfig.json'), '--noEmit'], {
  stdio: 'inherit',
});
if (tsc.status !== 0) {
  process.stderr.write('Web console: the typecheck failed (see above).\n');
  process.exit(1);
}
const { build } = await import('vite');
await build({ configFile: join(web, 'vite.config.mts'), logLevel: 'warn' });

for (const path of files(dist)) {
  if (!/\.(js|css|html|svg|json|txt|map)$/.test(path)) continue;
  const body = readFileSync(path);
  if (body.length < 1024) continue;
  writeFileSync(`${path}.gz`, gzipSync(body, { level: 9 }));
  writeFileSync(`${path}.br`, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
}
writeFileSync(stamp, hash);
process.stdout.write(`Web console: built into web/dist in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
