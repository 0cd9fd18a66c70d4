import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { Actor } from '@app/auth/actor';
import { DomainEvent, Topic, TopicPayloads } from '@app/kernel/topics';
import { AuditChanges } from '@app/modules/audit/audit-entry.entity';
import { AuditService } from '@app/modules/audit/audit.service';
import { EscalationsService } from '@app/modules/escalations/escalations.service';
import { recordEvents } from '@app/queue/outbox';

import { HistoryEntry, WorkItemHistory } from './history/work-item-history';
import { decide } from './lifecycle';
import { WorkItemKind, WorkItemRow } from './work-item-kind';

/** One event a change emits: the kind builds its payload from the item; `extra` adds what the change knows. */
export interface ChangeEvent<T extends Topic> {
  topic: T;
  extra?: Partial<TopicPayloads[T]>;
}

/** What one change to a work item records, besides the item itself. */
export interface Change<T extends Topic> {
  /** The audit trail's operation name, usually the mutation's ("acknowledgeTask"). */
  operation: string;
  history: HistoryEntry;
  /** Fields before and after, for the audit trail. */
  audit?: AuditChanges;
  events?: readonly ChangeEvent<T>[];
}

/** A lifecycle step: the action, what the actor may act as, the reason, and what else the step changes. */
export interface Step<Item, Action extends string, Side extends string, T extends Topic> {
  action: Action;
  sides: readonly Side[];
  reason?: string | null;
  /** Sets the fields the step changes besides the status (completedAt, statusReason …). */
  apply?: (item: Item, from: string) => void | Promise<void>;
  /** Overrides of the default history entry (a different kind, details, the reason as shown). */
  history?: Partial<HistoryEntry>;
  operation?: string;
  /** The audit trail's before/after, from the item after the step (default: the status). */
  audit?: (item: Item) => AuditChanges;
  /** Extra payload for the step's event, given the status before the step. */
  eventExtra?: (from: string) => Partial<TopicPayloads[T]>;
}

/** "ANSWER_PARTIALLY" + "CrossBorderRequest" → "answerPartiallyCrossBorderRequest". */
function operationName(action: string, typeName: string): string {
  const words = action.toLowerCase().split('_');
  return (
    words[0] +
    words
      .slice(1)
      .map((word) => word[0].toUpperCase() + word.slice(1))
      .join('') +
    typeName
  );
}

/**
 * The one pipeline every change to a work item goes through, in the caller's transaction:
 * decide (for lifecycle steps) → apply → history entry → audit entry → outbox events → armed rungs disarmed →
 * deadline ladders in step → the kind's own after-change hook. The change, its record and its consequences commit or roll back together.
 */
@Injectable()
export class WorkItemChanges {
  constructor(
    private readonly history: WorkItemHistory,
    private readonly audit: AuditService,
    private readonly escalations: EscalationsService,
  ) {}

  /** Saves the item and records the change everywhere it must be recorded. `actor` null: the system did it. */
  async record<
    Item extends WorkItemRow,
    Status extends string,
    Action extends string,
    Side extends string,
    T extends Topic,
  >(
    manager: EntityManager,
    kind: WorkItemKind<Item, Status, Action, Side, T>,
    actor: Actor | null,
    item: Item,
    change: Change<NoInfer<T>>,
  ): Promise<Item> {
    const saved = await manager.save(kind.entity, item);
    await this.history.record(manager, kind.type, saved.id, actor, change.history);
    if (actor) {
      await this.audit.record(manager, actor, {
        operation: change.operation,
        targetType: kind.typeName,
        targetId: saved.id,
        changes: change.audit ?? {},
      });
    }
    const events = await Promise.all(
      (change.events ?? []).map((event) => kind.event(manager, event.topic, saved, actor, event.extra)),
    );
    // The kind built each event for its own topic; generic code cannot see that the pairs match.
    await recordEvents(manager, events as readonly DomainEvent[]);
    // Rungs armed ahead were decided on the item as it was: undone, and decided again by the next arming pass.
    await this.escalations.disarm(manager, kind.type, [saved.id]);
    await this.syncLadders(manager, kind, saved);
    await kind.afterChange?.(manager, saved, actor);
    return saved;
  }

  /**
   * One lifecycle step: the kind's lifecycle decides (wrong side, illegal from this status, reason missing: the
   * kind's own error), then the step is applied and recorded with the event the kind declares for the action.
   */
  async transition<
    Item extends WorkItemRow,
    Status extends string,
    Action extends string,
    Side extends string,
    T extends Topic,
  >(
    manager: EntityManager,
    kind: WorkItemKind<Item, Status, Action, Side, T>,
    actor: Actor | null,
    item: Item,
    step: Step<Item, NoInfer<Action>, NoInfer<Side>, NoInfer<T>>,
  ): Promise<Item> {
    const decision = decide(kind.lifecycle, item.status as Status, step.action, step.sides, step.reason);
    if ('refused' in decision) throw kind.refused(decision.refused, step.action);
    const from = item.status;
    item.status = decision.to;
    await step.apply?.(item, from);
    const topic = kind.topics[step.action];
    return this.record(manager, kind, actor, item, {
      operation: step.operation ?? operationName(step.action, kind.typeName),
      history: {
        kind: 'TRANSITION',
        action: step.action,
        fromStatus: from,
        toStatus: item.status,
        reason: step.reason ?? null,
        ...step.history,
      },
      audit: step.audit ? step.audit(item) : { status: { before: from, after: item.status } },
      events: topic ? [{ topic, extra: step.eventExtra?.(from) }] : [],
    });
  }

  /** Each deadline's ladder in line with the item: running ones planned once, the others (and old versions) stopped. */
  async syncLadders<Item extends WorkItemRow>(
    manager: EntityManager,
    kind: Pick<WorkItemKind<Item>, 'type' | 'escalationPolicy' | 'deadlines' | 'calendar'>,
    item: Item,
  ): Promise<void> {
    const policy = kind.escalationPolicy(item);
    const deadlines = kind.deadlines(item).filter((deadline) => deadline.at !== null);
    if (!policy || deadlines.length === 0) return;
    const calendar = await kind.calendar(manager, item);
    for (const deadline of deadlines) {
      await this.escalations.syncLadder(manager, {
        itemType: kind.type,
        itemId: item.id,
        deadlineKind: deadline.kind,
        deadlineVersion: deadline.version,
        deadlineAt: deadline.at as Date,
        running: deadline.running,
        policy,
        calendar,
      });
    }
  }
}
