import { hostname } from 'node:os';

import {
  Attributes,
  ROOT_CONTEXT,
  Span,
  SpanKind,
  SpanStatusCode,
  TimeInput,
  trace,
  TraceFlags,
  Tracer,
} from '@opentelemetry/api';
import type { BasicTracerProvider } from '@opentelemetry/sdk-trace-base';

import { AppConfig } from '@app/config/app-config';

import { formatTraceparent, parseTraceparent } from './trace-context';

export type ObservedRole = 'api' | 'worker';

export interface SpanRequest {
  kind: SpanKind;
  /** The traceparent of the parent span, from a header, an outbox row or a job payload. */
  parent?: string;
  attributes?: Attributes;
  startTime?: TimeInput;
}

/**
 * OpenTelemetry traces, only when OTEL_EXPORTER_OTLP_ENDPOINT is set: spans go to that collector over OTLP/HTTP
 * in batches. Nothing is registered globally and nothing is patched: Simpul opens its own spans (the HTTP
 * request, the outbox relay, each job) and hands the context on by traceparent (request → outbox row → job).
 * Span attributes hold routes, job names, queue names and ids only, never personal data or request bodies.
 */
export class Tracing {
  private readonly tracer: Tracer | undefined;

  private constructor(private readonly provider: BasicTracerProvider | undefined) {
    this.tracer = provider?.getTracer('simpul');
  }

  /**
   * The SDK and its OTLP exporter (about 0.2 s to load) are loaded only when tracing is on, so a start without a
   * collector does not pay for them.
   */
  static async create(config: AppConfig, role: ObservedRole): Promise<Tracing> {
    const { otlpEndpoint, otlpHeaders, serviceName } = config.observability;
    if (!otlpEndpoint) return new Tracing(undefined);
    const [{ OTLPTraceExporter }, { resourceFromAttributes }, { BasicTracerProvider, BatchSpanProcessor }] =
      await Promise.all([
        import('@opentelemetry/exporter-trace-otlp-http'),
        import('@opentelemetry/resources'),
        import('@opentelemetry/sdk-trace-base'),
      ]);
    return new Tracing(
      new BasicTracerProvider({
        resource: resourceFromAttributes({
          'service.name': `${serviceName}-${role}`,
          'service.namespace': serviceName,
          'service.instance.id': `${hostname()}:${process.pid}`,
          'deployment.environment.name': config.nodeEnv,
        }),
        spanProcessors: [
          new BatchSpanProcessor(new OTLPTraceExporter({ url: `${otlpEndpoint}/v1/traces`, headers: otlpHeaders })),
        ],
      }),
    );
  }

  get enabled(): boolean {
    return this.tracer !== undefined;
  }

  /** Starts a span (a child of `parent` when given); undefined when tracing is off. */
  start(name: string, request: SpanRequest): Span | undefined {
    if (!this.tracer) return undefined;
    const parent = parseTraceparent(request.parent);
    const context = parent
      ? trace.setSpanContext(ROOT_CONTEXT, {
          traceId: parent.traceId,
          spanId: parent.spanId,
          traceFlags: parent.traceFlags & TraceFlags.SAMPLED,
          isRemote: true,
        })
      : ROOT_CONTEXT;
    return this.tracer.startSpan(
      name,
      { kind: request.kind, attributes: request.attributes, startTime: request.startTime },
      context,
    );
  }

  /** Sends what is buffered and stops (on shutdown, so the last spans are not lost). */
  async shutdown(): Promise<void> {
    await this.provider?.shutdown().catch(() => undefined);
  }
}

/** The traceparent of a span, to hand on to the work it causes. */
export function traceparentOfSpan(span: Span): string {
  const context = span.spanContext();
  return formatTraceparent({ traceId: context.traceId, spanId: context.spanId, traceFlags: context.traceFlags });
}

/** Marks a span failed with the error's type only: messages may quote input, and spans leave the system. */
export function markFailed(span: Span | undefined, error: unknown): void {
  span?.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.name : 'Error' });
}

export { SpanKind };
