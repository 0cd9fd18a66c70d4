/** Where progress goes: stderr in the CLI (stdout carries the summary, which scripts may read). */
export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface ProgressOptions {
  stream?: ProgressStream;
  /** Without a terminal: one line this often (default 10 s), so a log gets a heartbeat, not a flood. */
  lineIntervalMs?: number;
  now?: () => number;
}

const REDRAW_MS = 100;
const BAR_WIDTH = 24;

/**
 * Progress of a long CLI run (digest:send, pii:rotate). On a terminal: one line redrawn in place, at most ten times
 * a second, with a bar, the count, the rate and the time left. Elsewhere (a log file, `docker logs`): a plain line
 * every `lineIntervalMs`, and one at the end.
 */
export class Progress {
  private readonly stream: ProgressStream;
  private readonly tty: boolean;
  private readonly lineIntervalMs: number;
  private readonly now: () => number;
  private readonly startedAt: number;
  private done = 0;
  private lastDrawn = -Infinity;
  private finished = false;

  constructor(
    private readonly label: string,
    private total: number,
    options: ProgressOptions = {},
  ) {
    this.stream = options.stream ?? process.stderr;
    this.tty = this.stream.isTTY === true;
    this.lineIntervalMs = options.lineIntervalMs ?? 10_000;
    this.now = options.now ?? Date.now;
    this.startedAt = this.now();
  }

  get count(): number {
    return this.done;
  }

  /** Counts `n` more items done (and grows the total when more turned up than expected). */
  tick(n = 1): void {
    this.done += n;
    if (this.done > this.total) this.total = this.done;
    const now = this.now();
    if (now - this.lastDrawn >= (this.tty ? REDRAW_MS : this.lineIntervalMs)) this.draw(now);
  }

  /** The last line: everything counted, with the elapsed time. */
  finish(): void {
    if (this.finished) return;
    this.finished = true;
    const elapsed = formatDuration(this.now() - this.startedAt);
    const line = `${this.label}: ${this.figures()} in ${elapsed}`;
    this.stream.write(this.tty ? `\r${line}\x1b[K\n` : `${line}\n`);
  }

  private draw(now: number): void {
    this.lastDrawn = now;
    const elapsedMs = now - this.startedAt;
    const rate = elapsedMs > 0 ? (this.done * 1000) / elapsedMs : 0;
    const left = rate > 0 ? formatDuration(((this.total - this.done) / rate) * 1000) : 'unknown';
    const speed = `${rate >= 10 ? Math.round(rate) : rate.toFixed(1)}/s`;
    if (this.tty) {
      const filled = this.total > 0 ? Math.round((this.done / this.total) * BAR_WIDTH) : BAR_WIDTH;
      const bar = `[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}]`;
      this.stream.write(`\r${this.label} ${bar} ${this.figures()} ${speed}, ${left} left\x1b[K`);
    } else {
      this.stream.write(`${this.label}: ${this.figures()}, ${speed}, about ${left} left\n`);
    }
  }

  private figures(): string {
    const percent = this.total > 0 ? Math.floor((this.done / this.total) * 100) : 100;
    return `${this.done.toLocaleString('en')}/${this.total.toLocaleString('en')} (${percent}%)`;
  }
}

/** 0s, 42s, 6m 49s, 2h 5m. */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m ${seconds % 60}s`;
  return `${Math.floor(minutes / 60)}h ${minutes % 60}m`;
}
