import { extname } from 'node:path/posix';

import { RecognisedType } from './content-sniffing';

const MAX_NAME_LENGTH = 120;

/**
 * A file name safe to store and to send back in a Content-Disposition header: the last path segment only (a client
 * may send `C:\Users\…\surat.pdf` or `../../x`), NFC, no control or format characters, nothing but letters, digits,
 * spaces and `._()-` (anything else becomes `_`), no leading dots (no hidden files), at most 120 characters with the
 * extension kept, and ending in an extension of the type the content was recognised as (a PDF named `.exe` is
 * stored as `….exe.pdf`). An empty result becomes `document` with that extension.
 */
export function sanitiseFileName(given: string | undefined, type: RecognisedType): string {
  const lastSegment = (given ?? '').split(/[/\\]/).pop() ?? '';
  let name = lastSegment
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}]/gu, '')
    .replace(/[^\p{L}\p{M}\p{N} ._()-]/gu, '_')
    .replace(/\s+/g, ' ')
    .replace(/_{2,}/g, '_')
    .replace(/^[\s.]+/, '')
    .replace(/[\s.]+$/, '');
  const extension = extname(name).toLowerCase();
  if (!type.extensions.includes(extension)) name = `${name}${type.extensions[0]}`;
  if (name === type.extensions[0]) name = `document${type.extensions[0]}`;
  if ([...name].length > MAX_NAME_LENGTH) {
    const ext = extname(name);
    name = `${[...name.slice(0, name.length - ext.length)]
      .slice(0, MAX_NAME_LENGTH - ext.length)
      .join('')
      .trimEnd()}${ext}`;
  }
  return name;
}

/**
 * `attachment` with the name twice (RFC 6266): an ASCII fallback for old clients, and the exact UTF-8 name as
 * `filename*` (RFC 8187). The name is already sanitised, so neither part can break out of the header.
 */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
