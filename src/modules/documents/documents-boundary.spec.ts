import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

const files = sources(join(ROOT, 'src')).map((path) => ({
  path: relative(ROOT, path),
  text: readFileSync(path, 'utf8'),
}));

/**
 * A document's file leaves the database in one place, after its access check and audit entry; the sealer stays
 * inside the documents module (the CLI reaches it only through the rotation).
 */
describe('documents module boundary', () => {
  it('only the download opens a file (and the rotation, inside the sealer, to seal it again)', () => {
    const openers = files.filter((file) => /\.contentOf\(/.test(file.text)).map((file) => file.path);
    expect(openers.sort()).toEqual([
      'src/modules/documents/document-sealer.ts',
      'src/modules/documents/queries/download-document.ts',
    ]);
  });

  it('no file outside the documents module imports the sealer', () => {
    const users = files.filter(
      (file) => /document-sealer'/.test(file.text) && !file.path.startsWith('src/modules/documents/'),
    );
    expect(users.map((file) => file.path)).toEqual([]);
  });
});
