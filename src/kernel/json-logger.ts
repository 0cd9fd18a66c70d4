import { LoggerService, LogLevel } from '@nestjs/common';

import { RequestContext } from './request-context';

const LEVELS: Record<string, number> = { debug: 10, verbose: 10, log: 20, info: 20, warn: 30, error: 40, fatal: 50 };

/** Keys whose values must never reach a log line. */
const REDACTED_KEYS =
  /pass(word)?|secret|token|authorization|cookie|key|fullName|dateOfBirth|passport|nationalId|phone/i;

function redact(value: unknown, depth = 0): unknown {
  if (value === null || typeof value !== 'object' || depth > 4) return value;
  if (value instanceof Error) return { name: value.name, message: value.message };
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([k, v]) => [
      k,
      REDACTED_KEYS.test(k) ? '[redacted]' : redact(v, depth + 1),
    ]),
  );
}

/**
 * Structured JSON log lines (one object per line) with the request id, for humans and log shippers alike.
 * Objects passed as messages are redacted by key so secrets and personal data never reach the log.
 */
export class JsonLogger implements LoggerService {
  private readonly threshold: number;

  constructor(
    level: 'debug' | 'info' | 'warn' | 'error' = 'info',
    private readonly write: (line: string) => void = (line) => process.stdout.write(line + '\n'),
  ) {
    this.threshold = LEVELS[level];
  }

  log(message: unknown, ...rest: unknown[]): void {
    this.emit('info', message, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.emit('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.emit('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.emit('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.emit('debug', message, rest);
  }
  fatal(message: unknown, ...rest: unknown[]): void {
    this.emit('fatal', message, rest);
  }
  setLogLevels(_levels: LogLevel[]): void {
    // The level comes from configuration (LOG_LEVEL) once at boot.
  }

  private emit(level: string, message: unknown, rest: unknown[]): void {
    if (LEVELS[level] < this.threshold) return;
    const context = rest.length > 0 && typeof rest[rest.length - 1] === 'string' ? rest.pop() : undefined;
    const line: Record<string, unknown> = { time: new Date().toISOString(), level };
    if (context) line.context = context;
    const requestId = RequestContext.requestId();
    if (requestId) line.requestId = requestId;
    if (typeof message === 'object' && message !== null && !(message instanceof Error)) {
      Object.assign(line, redact(message));
    } else {
      line.msg = message instanceof Error ? message.message : String(message);
    }
    const extra = rest.filter((r) => r !== undefined);
    if (extra.length > 0 && level !== 'error') line.detail = redact(extra);
    if (level === 'error' && typeof extra[0] === 'string') line.stack = extra[0];
    this.write(JSON.stringify(line));
  }
}
