import {
  docFile,
  docxFile,
  jpegFile,
  oleFile,
  pdfFile,
  pngFile,
  xlsFile,
  xlsxFile,
  zipFile,
} from '@libs/testing/document-files';

import { DOC, DOCX, JPEG, PDF, PNG, recogniseContent, XLS, XLSX } from './content-sniffing';

describe('recogniseContent', () => {
  it.each([
    ['a PDF', pdfFile(), PDF],
    ['a PNG', pngFile(), PNG],
    ['a JPEG', jpegFile(), JPEG],
    ['a Word document (DOCX)', docxFile(), DOCX],
    ['an Excel workbook (XLSX)', xlsxFile(), XLSX],
    ['a legacy Word document (DOC)', docFile(), DOC],
    ['a legacy Excel workbook (XLS)', xlsFile(), XLS],
  ])('recognises %s by its bytes', (_name, file, type) => {
    expect(recogniseContent(file)).toBe(type);
  });

  it.each([
    ['HTML', Buffer.from('<!doctype html><script>alert(1)</script>')],
    ['plain text', Buffer.from('Nama: Siti Aminah')],
    ['a Windows program', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200)])],
    ['SVG', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>')],
    ['a plain zip', zipFile({ 'payload.exe': 'MZ' })],
    ['a zip that only claims to be an office package', zipFile({ '[Content_Types].xml': '<Types/>', 'x.bin': '' })],
    ['an OLE file without a Word or Excel stream (an installer, say)', oleFile(['SummaryInformation'])],
    ['a truncated zip', docxFile().subarray(0, 40)],
    ['a truncated OLE file', docFile().subarray(0, 600)],
    ['a PDF signature not at the start', Buffer.concat([Buffer.from('<html>'), pdfFile()])],
    ['nothing', Buffer.alloc(0)],
  ])('refuses %s', (_name, file) => {
    expect(recogniseContent(file)).toBeNull();
  });
});
