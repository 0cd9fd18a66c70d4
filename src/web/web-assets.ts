import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';

/** One built file of the console, with the compressed variants the build wrote beside it. */
export interface WebAsset {
  body: Buffer;
  br?: Buffer;
  gzip?: Buffer;
  type: string;
  etag: string;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/** Where `npm run build` leaves the console: web/dist at the root of the checkout (dist/src/web or src/web here). */
export function webDistDir(): string | undefined {
  const candidates = [join(__dirname, '..', '..', 'web', 'dist'), join(__dirname, '..', '..', '..', 'web', 'dist')];
  return candidates.find((dir) => existsSync(join(dir, 'index.html')));
}

/**
 * Every file of the build, read once at boot (a few hundred kB plus the playground): serving from memory keeps
 * the console fast on a busy API and needs no file-system access per request.
 */
export function loadWebAssets(dir: string): Map<string, WebAsset> {
  const assets = new Map<string, WebAsset>();
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) {
        walk(path);
        continue;
      }
      if (name.endsWith('.br') || name.endsWith('.gz') || name.startsWith('.')) continue;
      const body = readFileSync(path);
      const urlPath = `/${relative(dir, path).split(sep).join('/')}`;
      const stat = statSync(path);
      assets.set(urlPath, {
        body,
        br: existsSync(`${path}.br`) ? readFileSync(`${path}.br`) : undefined,
        gzip: existsSync(`${path}.gz`) ? readFileSync(`${path}.gz`) : undefined,
        type: TYPES[extname(name)] ?? 'application/octet-stream',
        etag: `"${body.length.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`,
      });
    }
  };
  walk(dir);
  return assets;
}
