import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { Actor, hasRole } from '@app/auth/actor';
import { Connection } from '@app/graphql/pagination';
import { RequestException } from '@app/kernel/domain.exception';
import { Role } from '@app/kernel/role.enum';
import { AuditService } from '@app/modules/audit/audit.service';
import { JobQueues } from '@app/queue/job-queues';

import { DeliverySource, FailedDeliveryRow, FailedScope } from './delivery-source';
import { FailedDeliveriesArgs, RetryFailedDeliveriesInput, RetryFailedDeliveriesResult } from './failed-delivery.dto';

const encodeCursor = (row: FailedDeliveryRow): string =>
  Buffer.from(JSON.stringify([row.failedKey, row.id]), 'utf8').toString('base64');

function decodeCursor(cursor: string): { failedKey: string; id: string } {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64').toString('utf8'));
    if (
      Array.isArray(parsed) &&
      typeof parsed[0] === 'string' &&
      /^-?\d{1,20}$/.test(parsed[0]) &&
      typeof parsed[1] === 'string' &&
      /^[0-9a-f-]{36}$/i.test(parsed[1])
    ) {
      return { failedKey: parsed[0], id: parsed[1] };
    }
  } catch {
    // fall through
  }
  throw RequestException.invalidInput('Invalid input: after is not a cursor this list returned.', 'after');
}

/** Newest failure first, ties by id, across sources. */
const newestFirst = (a: FailedDeliveryRow, b: FailedDeliveryRow): number => {
  const byKey = BigInt(b.failedKey) - BigInt(a.failedKey);
  if (byKey !== 0n) return byKey > 0n ? 1 : -1;
  return b.id.localeCompare(a.id);
};

/**
 * FAILED deliveries are an administrator's decision point: they are listed (newest failure first, across emails
 * and digests) and sent round again on request. A secretariat sees the escalation emails of its units that failed.
 */
@Injectable()
export class FailedDeliveries {
  private readonly logger = new Logger('Deliveries');
  private readonly sources: DeliverySource[] = [];

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly queues: JobQueues,
  ) {}

  register(source: DeliverySource): void {
    if (!this.sources.some((known) => known.channel === source.channel)) this.sources.push(source);
  }

  async list(actor: Actor, args: FailedDeliveriesArgs): Promise<Connection<FailedDeliveryRow>> {
    const scope = this.scopeOf(actor, args.criticalOnly);
    const sources = this.sourcesFor(args.channel, scope);
    const after = args.after ? decodeCursor(args.after) : undefined;
    const pages = await Promise.all(sources.map((source) => source.list({ ...scope, after, limit: args.first + 1 })));
    const rows = pages.flat().sort(newestFirst);
    const nodes = rows.slice(0, args.first);
    const counts = await Promise.all(sources.map((source) => source.count(scope)));
    const edges = nodes.map((node) => ({ cursor: encodeCursor(node), node }));
    return {
      edges,
      pageInfo: { hasNextPage: rows.length > args.first, endCursor: edges.at(-1)?.cursor ?? null },
      totalCount: counts.reduce((sum, count) => sum + count, 0),
    };
  }

  /**
   * Back to PENDING with a fresh retry span (committed, with the audit entry), then each job queued again; if Redis
   * is away at that moment, the sweep queues them when it is back.
   */
  async retry(actor: Actor, input: RetryFailedDeliveriesInput): Promise<RetryFailedDeliveriesResult> {
    const ids = input.ids ?? [];
    if (!input.all && ids.length === 0) {
      throw RequestException.invalidInput('Invalid input: give ids, or all: true.', 'ids');
    }
    if (input.all && ids.length > 0) {
      throw RequestException.invalidInput('Invalid input: give ids or all: true, not both.', 'all');
    }
    const sources = this.sourcesFor(input.channel, { secretariatOf: null, criticalOnly: false });
    const reopened = await this.dataSource.transaction(async (manager) => {
      const found: { source: DeliverySource; id: string }[] = [];
      for (const source of sources) {
        for (const id of await source.reopen(manager, input.all ? 'all' : ids)) found.push({ source, id });
      }
      await this.audit.record(manager, actor, {
        operation: 'retryFailedDeliveries',
        targetType: 'Delivery',
        targetId: found.length === 1 ? found[0].id : null,
        changes: {
          status: { before: 'FAILED', after: 'PENDING' },
          deliveries: { before: null, after: found.length },
        },
      });
      return found;
    });
    const unlimited = { remaining: Number.MAX_SAFE_INTEGER, afterMs: 0 };
    for (const { source, id } of reopened) {
      await this.queues
        .ensureDue(source.job(id), { promoteDelayed: true, revival: unlimited })
        .catch((error: Error) =>
          this.logger.warn({ msg: 'could not queue a retried delivery; the sweep will', id, error: error.message }),
        );
    }
    const retried = new Set(reopened.map((entry) => entry.id));
    const counts = await Promise.all(
      sources.map((source) => source.count({ secretariatOf: null, criticalOnly: false })),
    );
    return {
      retried: reopened.length,
      notFailed: ids.filter((id) => !retried.has(id)),
      stillFailed: counts.reduce((sum, count) => sum + count, 0),
    };
  }

  private scopeOf(actor: Actor, criticalOnly: boolean): FailedScope {
    if (hasRole(actor, Role.ADMINISTRATOR)) return { secretariatOf: null, criticalOnly };
    return { secretariatOf: actor.agencyId, criticalOnly: true };
  }

  /** A secretariat's view holds escalation emails only. */
  private sourcesFor(channel: string | undefined, scope: FailedScope): DeliverySource[] {
    return this.sources.filter(
      (source) =>
        (!channel || source.channel === channel) && (scope.secretariatOf === null || source.channel === 'EMAIL'),
    );
  }
}
