/**
 * What a file is, judged by its bytes alone (the name and the client's Content-Type are never believed): PDF, PNG,
 * JPEG, Word and Excel in their zip (OOXML) and legacy OLE containers. Anything else is refused, a plain zip or an
 * OLE file that holds no Word or Excel stream included.
 */
export interface RecognisedType {
  contentType: string;
  /** The extensions a name of this type may end with; the first is added to a name that has none of them. */
  extensions: readonly string[];
}

export const PDF: RecognisedType = { contentType: 'application/pdf', extensions: ['.pdf'] };
export const PNG: RecognisedType = { contentType: 'image/png', extensions: ['.png'] };
export const JPEG: RecognisedType = { contentType: 'image/jpeg', extensions: ['.jpg', '.jpeg'] };
export const DOCX: RecognisedType = {
  contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  extensions: ['.docx'],
};
export const XLSX: RecognisedType = {
  contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  extensions: ['.xlsx'],
};
export const DOC: RecognisedType = { contentType: 'application/msword', extensions: ['.doc'] };
export const XLS: RecognisedType = { contentType: 'application/vnd.ms-excel', extensions: ['.xls'] };

/** What the refusal message lists. */
export const ACCEPTED_TYPES = 'PDF, PNG, JPEG, Word (DOCX, DOC) or Excel (XLSX, XLS)';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const JPEG_SIGNATURE = Buffer.from([0xff, 0xd8, 0xff]);
const PDF_SIGNATURE = Buffer.from('%PDF-', 'latin1');
const ZIP_SIGNATURE = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

export function recogniseContent(file: Buffer): RecognisedType | null {
  const startsWith = (signature: Buffer) =>
    file.length >= signature.length && file.subarray(0, signature.length).equals(signature);
  if (startsWith(PDF_SIGNATURE)) return PDF;
  if (startsWith(PNG_SIGNATURE)) return PNG;
  if (startsWith(JPEG_SIGNATURE)) return JPEG;
  if (startsWith(ZIP_SIGNATURE)) return officeZip(file);
  if (startsWith(OLE_SIGNATURE)) return officeOle(file);
  return null;
}

/** An OOXML package: a zip whose central directory lists [Content_Types].xml and the Word or Excel part folder. */
function officeZip(file: Buffer): RecognisedType | null {
  const names = zipEntryNames(file);
  if (!names || !names.includes('[Content_Types].xml')) return null;
  if (names.includes('word/document.xml')) return DOCX;
  if (names.includes('xl/workbook.xml')) return XLSX;
  return null;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_ENTRY_SIGNATURE = 0x02014b50;

/** The names in a zip's central directory, or null when it has none that holds together. */
export function zipEntryNames(file: Buffer): string[] | null {
  // The end-of-central-directory record sits in the last 22 bytes plus a comment of up to 65535.
  const from = Math.max(0, file.length - 22 - 0xffff);
  let eocd = -1;
  for (let at = file.length - 22; at >= from; at--) {
    if (file.readUInt32LE(at) === EOCD_SIGNATURE) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) return null;
  const entries = file.readUInt16LE(eocd + 10);
  let at = file.readUInt32LE(eocd + 16);
  const names: string[] = [];
  for (let index = 0; index < entries; index++) {
    if (at + 46 > file.length || file.readUInt32LE(at) !== CENTRAL_ENTRY_SIGNATURE) return null;
    const nameLength = file.readUInt16LE(at + 28);
    const extraLength = file.readUInt16LE(at + 30);
    const commentLength = file.readUInt16LE(at + 32);
    if (at + 46 + nameLength > file.length) return null;
    names.push(file.subarray(at + 46, at + 46 + nameLength).toString('utf8'));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

const END_OF_CHAIN = 0xfffffffe;
const MAX_DIRECTORY_SECTORS = 4096;

/**
 * A legacy Office file: an OLE compound file whose directory holds a `WordDocument` stream (Word 97–2003) or a
 * `Workbook`/`Book` stream (Excel). The directory is read by following its sector chain through the FAT.
 */
function officeOle(file: Buffer): RecognisedType | null {
  const names = oleDirectoryNames(file);
  if (!names) return null;
  if (names.includes('WordDocument')) return DOC;
  if (names.includes('Workbook') || names.includes('Book')) return XLS;
  return null;
}

export function oleDirectoryNames(file: Buffer): string[] | null {
  if (file.length < 512) return null;
  const sectorShift = file.readUInt16LE(0x1e);
  if (sectorShift !== 9 && sectorShift !== 12) return null;
  const sectorSize = 1 << sectorShift;
  const sectorOffset = (sector: number) => (sector + 1) * sectorSize;
  // The FAT's own sectors: the first 109 are listed in the header (enough for files up to ~7 MB at 512-byte
  // sectors; larger ones chain further DIFAT sectors, followed below).
  const fatSectors: number[] = [];
  for (let index = 0; index < 109; index++) {
    const sector = file.readUInt32LE(0x4c + index * 4);
    if (sector >= END_OF_CHAIN) break;
    fatSectors.push(sector);
  }
  let difat = file.readUInt32LE(0x44);
  for (let hops = 0; difat < END_OF_CHAIN && hops < MAX_DIRECTORY_SECTORS; hops++) {
    const at = sectorOffset(difat);
    if (at + sectorSize > file.length) return null;
    for (let index = 0; index < sectorSize / 4 - 1; index++) {
      const sector = file.readUInt32LE(at + index * 4);
      if (sector < END_OF_CHAIN) fatSectors.push(sector);
    }
    difat = file.readUInt32LE(at + sectorSize - 4);
  }
  const next = (sector: number): number | null => {
    const perSector = sectorSize / 4;
    const fatSector = fatSectors[Math.floor(sector / perSector)];
    if (fatSector === undefined) return null;
    const at = sectorOffset(fatSector) + (sector % perSector) * 4;
    return at + 4 <= file.length ? file.readUInt32LE(at) : null;
  };

  const names: string[] = [];
  let sector: number | null = file.readUInt32LE(0x30);
  for (let hops = 0; sector !== null && sector < END_OF_CHAIN; hops++) {
    if (hops >= MAX_DIRECTORY_SECTORS) return null;
    const at = sectorOffset(sector);
    if (at + sectorSize > file.length) return null;
    for (let entry = at; entry < at + sectorSize; entry += 128) {
      const nameBytes = file.readUInt16LE(entry + 64);
      if (nameBytes >= 2 && nameBytes <= 64) {
        names.push(file.subarray(entry, entry + nameBytes - 2).toString('utf16le'));
      }
    }
    sector = next(sector);
  }
  return names;
}
