import fc from 'fast-check';
import { encodeQuotedPrintable } from './quoted-printable';

/** RFC 2045's decoding, written out: soft breaks go, each =XX is its byte. */
function decode(encoded: string): Buffer {
  const joined = encoded.replace(/=\r\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    if (joined[i] === '=') {
      bytes.push(parseInt(joined.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(joined.charCodeAt(i));
    }
  }
  return Buffer.from(bytes);
}

const lines = (encoded: Buffer) => encoded.toString('latin1').split('\r\n');

describe('encodeQuotedPrintable', () => {
  it('decodes back to the text, line breaks as CRLF, for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        const decoded = decode(encodeQuotedPrintable(text).toString('latin1')).toString('utf8');
        expect(decoded).toBe(text.replace(/\r?\n/g, '\r\n'));
      }),
      { numRuns: 2_000 },
    );
  });

  it('keeps every line within 76 characters, never splits an escape and never ends a line on a space', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', ' ', '\t', '=', 'é', '\n', '.', '€'), maxLength: 600 }),
        (text) => {
          for (const line of lines(encodeQuotedPrintable(text))) {
            expect(line.length).toBeLessThanOrEqual(76);
            expect(line).not.toMatch(/[ \t]$/);
            // Every "=" starts an escape of two hex digits, or is the soft break ending the line.
            expect(line).toMatch(/^(?:[^=]|=[0-9A-F]{2})*=?$/);
          }
        },
      ),
      { numRuns: 1_000 },
    );
  });

  it('writes what a reader of the raw message recognises', () => {
    expect(encodeQuotedPrintable('Tugas TSK-2026-00042 = terlambat 3 hari.\nSelesai ').toString()).toBe(
      'Tugas TSK-2026-00042 =3D terlambat 3 hari.\r\nSelesai=20',
    );
    expect(encodeQuotedPrintable('Kamboja — Poipet').toString()).toBe('Kamboja =E2=80=94 Poipet');
    const long = encodeQuotedPrintable('x'.repeat(200)).toString();
    expect(long).toBe(`${'x'.repeat(75)}=\r\n${'x'.repeat(75)}=\r\n${'x'.repeat(50)}`);
  });
});
