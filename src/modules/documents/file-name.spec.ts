import { DOCX, JPEG, PDF } from './content-sniffing';
import { attachmentDisposition, sanitiseFileName } from './file-name';

describe('sanitiseFileName', () => {
  it('keeps an ordinary name as it is, Indonesian and accented letters included', () => {
    expect(sanitiseFileName('Surat Kemlu 2023-10-04 (final).pdf', PDF)).toBe('Surat Kemlu 2023-10-04 (final).pdf');
    expect(sanitiseFileName('Laporan_Wawancara_Pénélope.docx', DOCX)).toBe('Laporan_Wawancara_Pénélope.docx');
  });

  it('drops any path a client sends, and hidden-file dots', () => {
    expect(sanitiseFileName('C:\\Users\\kbri\\Desktop\\clearance.pdf', PDF)).toBe('clearance.pdf');
    expect(sanitiseFileName('../../etc/passwd', PDF)).toBe('passwd.pdf');
    expect(sanitiseFileName('.htaccess', PDF)).toBe('htaccess.pdf');
  });

  it('removes control and header-breaking characters', () => {
    expect(sanitiseFileName('a\r\nSet-Cookie: x=1;.pdf', PDF)).toBe('aSet-Cookie_ x_1_.pdf');
    expect(sanitiseFileName('"quoted"<script>.pdf', PDF)).toBe('_quoted_script_.pdf');
    expect(sanitiseFileName('right\u202Eto-left.pdf', PDF)).toBe('rightto-left.pdf');
  });

  it('ends the name in an extension of the recognised type', () => {
    expect(sanitiseFileName('invoice.exe', PDF)).toBe('invoice.exe.pdf');
    expect(sanitiseFileName('photo.JPEG', JPEG)).toBe('photo.JPEG');
    expect(sanitiseFileName('scan', JPEG)).toBe('scan.jpg');
  });

  it('names an empty or all-refused name "document"', () => {
    expect(sanitiseFileName(undefined, PDF)).toBe('document.pdf');
    expect(sanitiseFileName('\u0000\u0001', PDF)).toBe('document.pdf');
    expect(sanitiseFileName('...', PDF)).toBe('document.pdf');
  });

  it('shortens a long name to 120 characters, keeping the extension', () => {
    const sut = sanitiseFileName(`${'x'.repeat(300)}.pdf`, PDF);
    expect(sut).toHaveLength(120);
    expect(sut.endsWith('x.pdf')).toBe(true);
  });
});

describe('attachmentDisposition', () => {
  it('gives an ASCII fallback and the exact UTF-8 name', () => {
    expect(attachmentDisposition('Pénélope (1).pdf')).toBe(
      `attachment; filename="Penelope (1).pdf"; filename*=UTF-8''P%C3%A9n%C3%A9lope%20%281%29.pdf`,
    );
  });
});
