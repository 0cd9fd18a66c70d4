import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The W3C trace context (`traceparent`) of the work in progress: the API request, or the job being run. Carried
 * through async calls like the request id, so an outbox row or a job records which trace caused it. It holds
 * ids only (trace id, span id, flags): never anything about a person.
 */
const storage = new AsyncLocalStorage<string>();

const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

export interface TraceParent {
  traceId: string;
  spanId: string;
  traceFlags: number;
}

/** Parses a `traceparent` value; anything malformed (or the all-zero ids the spec forbids) is no trace at all. */
export function parseTraceparent(value: unknown): TraceParent | undefined {
  if (typeof value !== 'string') return undefined;
  const match = TRACEPARENT.exec(value.trim().toLowerCase());
  if (!match || /^0+$/.test(match[1]) || /^0+$/.test(match[2])) return undefined;
  return { traceId: match[1], spanId: match[2], traceFlags: parseInt(match[3], 16) };
}

export function formatTraceparent(parent: TraceParent): string {
  return `00-${parent.traceId}-${parent.spanId}-${parent.traceFlags.toString(16).padStart(2, '0')}`;
}

export const TraceContext = {
  /** The current traceparent, if the work in progress belongs to a trace. */
  current(): string | undefined {
    return storage.getStore();
  },
  /** Makes `traceparent` current for the rest of this call and what it awaits (a Fastify hook cannot wrap). */
  enter(traceparent: string | undefined): void {
    if (traceparent) storage.enterWith(traceparent);
  },
  run<T>(traceparent: string | undefined, fn: () => T): T {
    return traceparent ? storage.run(traceparent, fn) : fn();
  },
};

/** The traceparent a job payload carries, if any. */
export function traceparentOf(data: unknown): string | undefined {
  const value = data && typeof data === 'object' ? (data as Record<string, unknown>).traceparent : undefined;
  return parseTraceparent(value) ? (value as string) : undefined;
}

/** The payload with the current traceparent added (when there is one and the payload has none yet). */
export function withCurrentTraceparent(data: Record<string, unknown>): Record<string, unknown> {
  const current = TraceContext.current();
  return current && data.traceparent === undefined ? { ...data, traceparent: current } : data;
}
