import { performance } from 'node:perf_hooks';

import { Injectable, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Span } from '@opentelemetry/api';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { DocumentNode, ExecutionResult, OperationDefinitionNode } from 'graphql';

import { SimpulMetrics } from './metrics';
import { TraceContext } from './trace-context';
import { markFailed, SpanKind, traceparentOfSpan, Tracing } from './tracing';

interface GraphqlOperation {
  type: string;
  /** Root fields, sorted: bounded by the schema, unlike the operation name a client may choose freely. */
  fields: string;
  errorCodes: string[];
}

interface Observed {
  startedAt: number;
  span?: Span;
  graphql?: GraphqlOperation;
}

const OBSERVED = Symbol('simpul.observed');
type ObservedRequest = FastifyRequest & { [OBSERVED]?: Observed };

interface MercuriusHooks {
  addHook(
    name: 'preExecution',
    fn: (schema: unknown, document: DocumentNode, context: { reply?: FastifyReply }) => Promise<void>,
  ): void;
  addHook(
    name: 'onResolution',
    fn: (execution: ExecutionResult, context: { reply?: FastifyReply }) => Promise<void>,
  ): void;
}

/** At most this many root fields name an operation in metrics; more are summarised as "+N". */
const MAX_FIELDS = 3;

/**
 * Measures every API request (latency by method, matched route and status) and every GraphQL operation (latency
 * and errors by root fields), and opens the request's span when tracing is on, continuing a caller's
 * `traceparent`. Labels and attributes come from the router and the schema, never from the URL or the body, so a
 * token in a query string or a name in a variable cannot reach them.
 */
@Injectable()
export class HttpObservability implements OnModuleInit, OnApplicationBootstrap {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly metrics: SimpulMetrics,
    private readonly tracing: Tracing,
  ) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    fastify.addHook('onRequest', (request: ObservedRequest, _reply, done) => {
      const observed: Observed = { startedAt: performance.now() };
      observed.span = this.tracing.start(`${request.method} ${route(request)}`, {
        kind: SpanKind.SERVER,
        parent: headerValue(request.headers.traceparent),
        attributes: { 'http.request.method': request.method, 'http.route': route(request) },
      });
      if (observed.span) TraceContext.enter(traceparentOfSpan(observed.span));
      request[OBSERVED] = observed;
      done();
    });
    fastify.addHook('onResponse', (request: ObservedRequest, reply, done) => {
      this.finish(request, reply);
      done();
    });
  }

  onApplicationBootstrap(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance & { graphql?: MercuriusHooks }>();
    if (!fastify.graphql) return;
    fastify.graphql.addHook('preExecution', async (_schema, document, context) => {
      const observed = observedOf(context.reply);
      if (observed) observed.graphql = { ...describeOperation(document), errorCodes: [] };
    });
    fastify.graphql.addHook('onResolution', async (execution, context) => {
      const operation = observedOf(context.reply)?.graphql;
      if (operation && execution.errors) {
        operation.errorCodes = execution.errors.map((error) =>
          String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR'),
        );
      }
    });
  }

  private finish(request: ObservedRequest, reply: FastifyReply): void {
    const observed = request[OBSERVED];
    if (!observed) return;
    const seconds = (performance.now() - observed.startedAt) / 1000;
    const status = reply.statusCode;
    const path = route(request);
    this.metrics.httpRequestDuration.observe({ method: request.method, route: path, status_code: status }, seconds);

    let graphql = observed.graphql;
    if (path === '/graphql' && !graphql && request.method !== 'GET') {
      // Refused before execution (syntax, validation, depth): an operation all the same, and an error.
      graphql = {
        type: 'unknown',
        fields: 'invalid',
        errorCodes: [status >= 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST'],
      };
    }
    if (graphql) {
      const outcome = graphql.errorCodes.length > 0 || status >= 400 ? 'error' : 'ok';
      this.metrics.graphqlOperationDuration.observe(
        { operation_type: graphql.type, operation: graphql.fields, outcome },
        seconds,
      );
      for (const code of new Set(graphql.errorCodes)) {
        this.metrics.graphqlErrors.inc({ operation: graphql.fields, code });
      }
    }

    const span = observed.span;
    if (span) {
      span.setAttribute('http.response.status_code', status);
      if (graphql) {
        span.setAttribute('graphql.operation.type', graphql.type);
        span.setAttribute('graphql.operation.fields', graphql.fields);
      }
      if (status >= 500) markFailed(span, new Error('server error'));
      span.end();
    }
  }
}

function route(request: FastifyRequest): string {
  return request.routeOptions?.url ?? 'unmatched';
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function observedOf(reply: FastifyReply | undefined): Observed | undefined {
  return reply ? (reply.request as ObservedRequest)[OBSERVED] : undefined;
}

function describeOperation(document: DocumentNode): { type: string; fields: string } {
  const operations = document.definitions.filter(
    (definition): definition is OperationDefinitionNode => definition.kind === 'OperationDefinition',
  );
  const operation = operations[0];
  if (!operation) return { type: 'unknown', fields: 'none' };
  const names = [
    ...new Set(
      operation.selectionSet.selections.flatMap((selection) =>
        selection.kind === 'Field' ? [selection.name.value] : [],
      ),
    ),
  ].sort();
  const shown = names.slice(0, MAX_FIELDS).join(',');
  return {
    type: operation.operation,
    fields: names.length > MAX_FIELDS ? `${shown},+${names.length - MAX_FIELDS}` : shown || 'none',
  };
}
