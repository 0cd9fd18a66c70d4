import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { EscalationRungEntity } from './escalation-rung.entity';

/** What the escalation engine needs to know about an item when one of its rungs comes due. */
export interface SubjectState {
  reference: string;
  subjectType: string;
  /** Current version of each deadline still running (a deadline whose step is done is left out). */
  openDeadlines: Record<string, number>;
  /** The agency whose move it is: the ASSIGNEE (when no person is named), AGENCY_LIAISON and AGENCY_SUPERVISOR rungs. */
  responsibleAgencyId: string;
  /** The person the work waits on, when one is named (the ASSIGNEE rung). */
  responsibleUserId: string | null;
  /** Agencies whose task-force units' secretariats watch the item (the UNIT_SECRETARIAT rung). */
  watchingAgencyIds: string[];
  /** The officer who filed the item, whose supervisors the ATTACHE_SUPERVISOR rung reaches. */
  filerUserId: string | null;
  /** Template parameters (codes, agency names, instants; never personal data). */
  params: Record<string, string>;
}

/** Items of one type as a batch of rungs finds them: locked for this transaction, gone, or busy. */
export interface SubjectBatch {
  /** Items locked for the caller's transaction, with their state. */
  states: Map<string, SubjectState>;
  /** Items another transaction holds (a change to them, or another worker's batch): their rungs wait a round. */
  busy: Set<string>;
  /** Ids in neither map are gone: their rungs are cancelled. */
}

/** One rung that fired (or is armed to fire at `armedFor`, its fire time), and how many people it reached. */
export interface RungFiring {
  rung: EscalationRungEntity;
  recipientCount: number;
  armedFor?: Date;
}

/**
 * An item type with a ladder; the work-item kernel registers one per kind of work item. Rungs come due in batches
 * (PostgreSQL schedules them), so both calls take many items at once and answer in a few statements.
 */
export interface EscalationSubject {
  readonly itemType: string;
  /**
   * Locks the items for the caller's transaction without waiting (an item another transaction holds is `busy`,
   * tried again next round) and reads their state.
   */
  loadMany(manager: EntityManager, itemIds: string[]): Promise<SubjectBatch>;
  /**
   * Writes the firings onto the items' histories and carries out the rungs' actions, in the caller's transaction.
   * At most one firing per item: a second rung of the same item comes in the next call, in ladder order. An armed
   * firing (`armedFor`) writes what it causes ahead, each row taking effect at that instant, and changes no item.
   */
  recordFirings(manager: EntityManager, firings: RungFiring[]): Promise<void>;
}

/** Subjects are registered here at boot (by the work-item kernel); the escalations module never imports them. */
@Injectable()
export class EscalationSubjects {
  private readonly subjects = new Map<string, EscalationSubject>();

  register(subject: EscalationSubject): void {
    this.subjects.set(subject.itemType, subject);
  }

  get(itemType: string): EscalationSubject {
    const subject = this.subjects.get(itemType);
    if (!subject) throw new Error(`No escalation subject is registered for ${itemType}.`);
    return subject;
  }
}
