import { EntityManager, EntityTarget } from 'typeorm';

import { WorkCalendar } from '@libs/deadlines';

import { Actor } from '@app/auth/actor';
import { DomainException } from '@app/kernel/domain.exception';
import { DomainEvent, Topic, TopicPayloads } from '@app/kernel/topics';
import { EscalationRungEntity } from '@app/modules/escalations/escalation-rung.entity';
import { PolicySnapshot } from '@app/modules/escalations/escalation.types';

import { Lifecycle, Refusal } from './lifecycle';

/** The kinds of work between parties, as history, ladders and audit name them. */
export enum WorkItemType {
  TASK = 'TASK',
  REFERRAL = 'REFERRAL',
  CROSS_BORDER_REQUEST = 'CROSS_BORDER_REQUEST',
  REPATRIATION_OPERATION = 'REPATRIATION_OPERATION',
  REPATRIATION_MILESTONE = 'REPATRIATION_MILESTONE',
  FOLLOW_UP_CONTACT = 'FOLLOW_UP_CONTACT',
}

/** What every work item's row has: an id, a running number behind its reference, a status and a version. */
export interface WorkItemRow {
  id: string;
  number: number;
  status: string;
  version: number;
}

/** One deadline of an item as it stands after a change; the escalation ladder follows it. */
export interface DeadlineState {
  /** DUE, RESPOND, ACKNOWLEDGE … (an item may have several). */
  kind: string;
  /** Bumped whenever the date moves or the item reopens: the old ladder stops, a new one starts. */
  version: number;
  at: Date | null;
  /** False once the step the deadline is for is done, the item is closed or its clock is paused. */
  running: boolean;
}

/** A SQL condition on an alias, with its parameters. */
export interface SqlCondition {
  sql: string;
  params: Record<string, unknown>;
}

/** Who an item's escalation ladder reaches, in terms that fit every kind. */
export interface EscalationParties {
  /** The agency whose move it is (its liaisons and supervisors are reached). */
  responsibleAgencyId: string;
  /** The person the work waits on, when one is named (else the responsible agency's liaisons). */
  responsibleUserId: string | null;
  /** The officer who filed the item, whose supervisors the ATTACHE_SUPERVISOR rung reaches. */
  filerUserId: string | null;
  /** Agencies whose task-force units' secretariats watch the item. */
  watchingAgencyIds: string[];
  /** The agency that asked and the agency asked, as the message names them. */
  requestingAgencyId: string;
  respondingAgencyId: string;
}

/**
 * A kind of work between parties, declared once: its lifecycle, who is on which side, who may see it, its
 * deadlines and who their ladders reach, the events it emits and its own error type. The kernel
 * (WorkItemStore, WorkItemChanges, WorkItemEscalations) does the rest the same way for every kind.
 */
/** One firing as a kind's hook sees it; `armedFor`: armed ahead of that instant (see `onRung`). */
export interface KindFiring<Item> {
  item: Item;
  rung: EscalationRungEntity;
  armedFor?: Date;
}

export interface WorkItemKind<
  Item extends WorkItemRow = WorkItemRow,
  Status extends string = string,
  Action extends string = string,
  Side extends string = string,
  T extends Topic = Topic,
> {
  readonly type: WorkItemType;
  /** The name in the audit trail and in events' aggregate type: "Task". */
  readonly typeName: string;
  readonly entity: EntityTarget<Item>;
  /** The query alias the visibility condition is written against. */
  readonly alias: string;
  /** TSK, REF, CBR: the reference is the prefix and the item's number. */
  readonly referencePrefix: string;
  readonly lifecycle: Lifecycle<Status, Action, Side>;
  /** The event each lifecycle action emits (none: the step notifies nobody and feeds nothing). */
  readonly topics: Readonly<Partial<Record<Action, T>>>;

  notFound(id: string): DomainException;
  versionConflict(reference: string, currentVersion: number): DomainException;
  refused(refusal: Refusal, action: Action): DomainException;

  /** Who may see the item at all; everyone else gets NOT_FOUND, exactly as for an id that does not exist. */
  visibility(actor: Actor, alias: string): SqlCondition;
  /** What the actor may act as on this item (none: they only read it, or not even that). */
  sides(actor: Actor, item: Item): Side[];

  /** The item's deadlines now; ladders are brought in line with them after every change. */
  deadlines(item: Item): DeadlineState[];
  /** The calendar (time zone, holidays) the deadlines are counted in: the responsible party's. */
  calendar(manager: EntityManager, item: Item): Promise<WorkCalendar>;
  /** The escalation policy frozen onto the item when its clock started (none yet: no ladder). */
  escalationPolicy(item: Item): PolicySnapshot | null;
  parties(item: Item): EscalationParties;

  /** The event about the item: ids, codes, statuses and instants only. */
  event<K extends T>(
    manager: EntityManager,
    topic: K,
    item: Item,
    actor: Actor | null,
    extra?: Partial<TopicPayloads[K]>,
  ): Promise<DomainEvent<K>>;

  /**
   * Runs after every firing of one of the item's rungs, in the rung's transaction: carries out the rung's action
   * (expire, mark overdue …) or what the kind does when a deadline passes (a task tells its assigning side).
   * `armedFor` set: the rung (one without an action) is armed ahead of that instant, its fire time; the hook writes
   * what the firing causes to take effect then (its events' `availableAt`) and changes nothing else.
   */
  onRung?(manager: EntityManager, item: Item, rung: EscalationRungEntity, armedFor?: Date): Promise<void>;
  /**
   * The same for a batch of firings (one per item), when the kind can do it in a few statements; without it the
   * kernel calls `onRung` for each.
   */
  onRungs?(manager: EntityManager, firings: KindFiring<Item>[]): Promise<void>;
  /** Runs at the end of every change, in its transaction (e.g. the linked commitment's last activity). */
  afterChange?(manager: EntityManager, item: Item, actor: Actor | null): Promise<void>;
}
