import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/**
 * Bulk loading through COPY … FROM STDIN in PostgreSQL's text format. Values are encoded by the helpers below
 * (the row builders call them explicitly, so nothing is guessed from a JavaScript type), rows are gathered into
 * chunks of about a megabyte, and a table's chunks stream to the server with backpressure.
 */

/** The text format's NULL. */
export const NULL = '\\N';

const SPECIAL = /[\\\n\r\t]/;

/** A text value, escaped for the text format (backslash, newline, carriage return and tab). */
export function text(value: string | null): string {
  if (value === null) return NULL;
  if (!SPECIAL.test(value)) return value;
  return value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t');
}

const DAY_MS = 86_400_000;
const TWO_DIGITS = Array.from({ length: 100 }, (_, n) => String(n).padStart(2, '0'));
const THREE_DIGITS = Array.from({ length: 1000 }, (_, n) => String(n).padStart(3, '0'));
const DAYS = new Map<number, string>();

/** An instant as toISOString writes it (formatted by hand: millions of them, eight times faster). */
export function instant(value: Date | null): string {
  if (value === null) return NULL;
  const ms = value.getTime();
  const day = Math.floor(ms / DAY_MS);
  let date = DAYS.get(day);
  if (date === undefined) {
    date = new Date(day * DAY_MS).toISOString().slice(0, 10);
    DAYS.set(day, date);
  }
  let rest = ms - day * DAY_MS;
  const hours = Math.floor(rest / 3_600_000);
  rest -= hours * 3_600_000;
  const minutes = Math.floor(rest / 60_000);
  rest -= minutes * 60_000;
  const seconds = Math.floor(rest / 1_000);
  return `${date}T${TWO_DIGITS[hours]}:${TWO_DIGITS[minutes]}:${TWO_DIGITS[seconds]}.${THREE_DIGITS[rest - seconds * 1_000]}Z`;
}

export function json(value: unknown): string {
  return text(JSON.stringify(value));
}

/** An array literal ({A,B,"two words"}) of text or enum values. */
export function array(values: readonly string[]): string {
  const elements = values.map((value) =>
    /^[A-Za-z0-9_.-]+$/.test(value) ? value : `"${value.replace(/(["\\])/g, '\\$1')}"`,
  );
  return text(`{${elements.join(',')}}`);
}

export function bool(value: boolean): string {
  return value ? 't' : 'f';
}

const CHUNK_CHARS = 1 << 20;

/** The rows of one table waiting to be copied. */
export class CopyBatch {
  private readonly chunks: string[] = [];
  private current = '';
  rows = 0;

  constructor(
    readonly table: string,
    readonly columns: readonly string[],
  ) {}

  /** One row: already encoded values, in the order of `columns`. */
  add(values: readonly string[]): void {
    this.current += values.join('\t') + '\n';
    this.rows += 1;
    if (this.current.length >= CHUNK_CHARS) {
      this.chunks.push(this.current);
      this.current = '';
    }
  }

  /** Copies the rows (one COPY statement, hence one transaction) and empties the batch. */
  async copyTo(client: Client): Promise<number> {
    if (this.current.length > 0) this.chunks.push(this.current);
    const chunks = this.chunks.splice(0);
    this.current = '';
    const rows = this.rows;
    this.rows = 0;
    if (rows === 0) return 0;
    const sql = `COPY ${this.table} (${this.columns.join(', ')}) FROM STDIN`;
    await pipeline(Readable.from(chunks), client.query(copyFrom(sql)));
    return rows;
  }
}

/**
 * Loads batches in stages while the caller builds the next batch: a stage of a batch starts once the batch's
 * previous stage and the same stage of the previous batch are done (parents are committed before the rows that
 * reference them), so a batch's history loads while the next batch's parents do. At most two batches wait.
 */
export class LoadPipeline {
  private stages: Promise<void>[] = [];
  private finished: Promise<void>[] = [];

  /** Queues a batch's stages; returns once the pipeline can take it (the previous batch left its first stage). */
  async submit(...stages: (() => Promise<void>)[]): Promise<void> {
    await this.stages[0];
    await this.finished[this.finished.length - 2];
    let previous: Promise<void> = Promise.resolve();
    stages.forEach((stage, index) => {
      const run = Promise.all([previous, this.stages[index]]).then(stage);
      // Awaited by a later submit or by drain; this only keeps a failure meanwhile from counting as unhandled.
      run.catch(() => undefined);
      this.stages[index] = run;
      previous = run;
    });
    this.finished.push(previous);
  }

  async drain(): Promise<void> {
    await Promise.all(this.stages);
  }
}

/** Gives the event loop a turn, so sockets keep draining while a long synchronous build goes on. */
export function breathe(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
