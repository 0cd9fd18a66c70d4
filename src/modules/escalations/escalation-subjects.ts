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

/** An item type with a ladder; the work-item kernel registers one per kind of work item. */
export interface EscalationSubject {
  readonly itemType: string;
  /** The item's state in the caller's transaction (locked), or null when it no longer exists. */
  load(manager: EntityManager, itemId: string): Promise<SubjectState | null>;
  /** Writes the firing onto the item's history and carries out the rung's action, in the same transaction. */
  recordFiring(manager: EntityManager, rung: EscalationRungEntity, recipientCount: number): Promise<void>;
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
