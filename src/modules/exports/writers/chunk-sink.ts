import { Writable } from 'node:stream';

/** Where each full chunk goes (an INSERT in the export's transaction). */
export type ChunkWriter = (seq: number, bytes: Buffer) => Promise<void>;

/** About a megabyte per stored chunk: few rows, and a bounded buffer in the worker. */
export const CHUNK_BYTES = 1024 * 1024;

/**
 * A byte stream cut into chunks of CHUNK_BYTES, each handed to `store` in order before more is accepted (so a slow
 * database slows the writer instead of filling memory).
 */
export class ChunkSink extends Writable {
  private parts: Buffer[] = [];
  private buffered = 0;
  private seq = 0;
  bytes = 0;

  constructor(private readonly store: ChunkWriter) {
    super({ highWaterMark: CHUNK_BYTES });
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.parts.push(chunk);
    this.buffered += chunk.length;
    this.bytes += chunk.length;
    if (this.buffered < CHUNK_BYTES) return callback();
    this.flush().then(() => callback(), callback);
  }

  override _final(callback: (error?: Error | null) => void): void {
    this.flush().then(() => callback(), callback);
  }

  private async flush(): Promise<void> {
    if (this.buffered === 0) return;
    const bytes = Buffer.concat(this.parts, this.buffered);
    this.parts = [];
    this.buffered = 0;
    await this.store(this.seq++, bytes);
  }
}
