import { registerEnumType } from '@nestjs/graphql';

/** Who a rung reaches, resolved to people when it fires. */
export enum RungTarget {
  ASSIGNEE = 'ASSIGNEE',
  AGENCY_LIAISON = 'AGENCY_LIAISON',
  AGENCY_SUPERVISOR = 'AGENCY_SUPERVISOR',
  UNIT_SECRETARIAT = 'UNIT_SECRETARIAT',
  ATTACHE_SUPERVISOR = 'ATTACHE_SUPERVISOR',
}

/** What a rung does besides notifying (carried out by the item's module). */
export enum RungAction {
  /** A referral's respond-by passed: it becomes EXPIRED. */
  EXPIRE = 'EXPIRE',
  /** A cross-border stage passed: it is marked overdue. */
  MARK_OVERDUE = 'MARK_OVERDUE',
  /** The last rung of an informal channel: propose a formal mutual-legal-assistance request. */
  PROPOSE_FORMAL_CHANNEL = 'PROPOSE_FORMAL_CHANNEL',
}

export enum RungStatus {
  SCHEDULED = 'SCHEDULED',
  FIRED = 'FIRED',
  /** The deadline changed, the item closed or its step was done before the rung's time. */
  CANCELLED = 'CANCELLED',
  /** Already past when the ladder was planned (e.g. a reminder for a task created a day before it is due). */
  SKIPPED = 'SKIPPED',
}

/** Offsets are from the deadline: negative hours before it, working days (in the item's calendar) after it. */
export interface RungOffset {
  hours?: number;
  workingDays?: number;
}

export interface RungDefinition {
  key: string;
  offset: RungOffset;
  targets: RungTarget[];
  action?: RungAction;
}

/** A policy as frozen onto an item when its ladder starts. */
export interface PolicySnapshot {
  name: string;
  rungs: RungDefinition[];
}

registerEnumType(RungTarget, { name: 'RungTarget', description: 'Who an escalation rung reaches.' });
registerEnumType(RungAction, { name: 'RungAction', description: 'What a rung does besides notifying.' });
registerEnumType(RungStatus, { name: 'RungStatus', description: 'Where one rung of a ladder stands.' });
