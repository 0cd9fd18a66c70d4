import { once } from 'node:events';
import { finished } from 'node:stream/promises';

import type ExcelJS from 'exceljs';

import { ExportFormat } from '../export.enums';
import { ChunkSink } from './chunk-sink';

export type Cell = string | number | null;

/** Writes tables (a header and rows) into a file of one format, streaming into the sink. */
export interface TableWriter {
  /** Starts a table; XLSX gives each its own sheet, CSV holds exactly one. */
  table(sheet: string, columns: readonly string[]): Promise<void>;
  rows(rows: readonly (readonly Cell[])[]): Promise<void>;
  /** Finishes the file: every byte is in the sink when this resolves. */
  end(): Promise<void>;
}

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  CSV: 'text/csv; charset=utf-8',
  XLSX: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export const EXTENSIONS: Record<ExportFormat, string> = { CSV: 'csv', XLSX: 'xlsx' };

export async function tableWriter(format: ExportFormat, sink: ChunkSink): Promise<TableWriter> {
  if (format === ExportFormat.CSV) return new CsvWriter(sink);
  // Loaded on the first XLSX export, not at start: exceljs takes 0.3 s to load.
  const { default: excel } = await import('exceljs');
  return new XlsxWriter(sink, excel);
}

/** RFC 4180: quoted when needed; a cell that a spreadsheet would run as a formula is prefixed with an apostrophe. */
export function csvCell(value: Cell): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

class CsvWriter implements TableWriter {
  private tables = 0;

  constructor(private readonly sink: ChunkSink) {}

  async table(_sheet: string, columns: readonly string[]): Promise<void> {
    if (this.tables++ > 0) throw new Error('A CSV file holds one table.');
    await this.write(`${columns.map(csvCell).join(',')}\r\n`);
  }

  async rows(rows: readonly (readonly Cell[])[]): Promise<void> {
    if (rows.length === 0) return;
    await this.write(rows.map((row) => `${row.map(csvCell).join(',')}\r\n`).join(''));
  }

  async end(): Promise<void> {
    this.sink.end();
    await finished(this.sink);
  }

  private async write(text: string): Promise<void> {
    if (!this.sink.write(Buffer.from(text, 'utf8'))) await once(this.sink, 'drain');
  }
}

/** exceljs's streaming writer: each row is written out when committed, so memory stays flat however many rows. */
class XlsxWriter implements TableWriter {
  private readonly workbook: ExcelJS.stream.xlsx.WorkbookWriter;
  private sheet: ExcelJS.Worksheet | null = null;

  constructor(
    private readonly sink: ChunkSink,
    excel: typeof ExcelJS,
  ) {
    this.workbook = new excel.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: false, useSharedStrings: false });
    this.workbook.creator = 'Simpul';
  }

  async table(sheet: string, columns: readonly string[]): Promise<void> {
    this.sheet?.commit();
    this.sheet = this.workbook.addWorksheet(sheet.slice(0, 31));
    this.sheet.addRow([...columns]).commit();
  }

  async rows(rows: readonly (readonly Cell[])[]): Promise<void> {
    if (!this.sheet) throw new Error('Start a table before its rows.');
    for (const row of rows) this.sheet.addRow([...row]).commit();
    // Let the zip stream hand what it compressed to the sink before the next page is read.
    if (this.sink.writableNeedDrain) await once(this.sink, 'drain');
  }

  async end(): Promise<void> {
    this.sheet?.commit();
    await this.workbook.commit();
  }
}
