import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { EscalationRungEntity } from './escalation-rung.entity';

/** What the escalation engine needs to know about an item when one of its rungs comes due. */
export interface SubjectState {
  reference: string;
  subjectType: string;
  /** Current version of each deadline still running (a deadline whose step is done is left out). */
  openDeadlines: Record<string, number>;
  /** The agency whose move it is. */
  responsibleAgencyId: string;
  assigneeUserId: string | null;
  /** Agencies whose task-force units' secretariats watch the item. */
  involvedAgencyIds: string[];
  /** The attaché who filed the item (cross-border requests), for ATTACHE_SUPERVISOR rungs. */
  attacheUserId?: string | null;
  /** Template parameters (codes, agency names, instants; never personal data). */
  params: Record<string, string>;
}

/** An item type with a ladder (tasks; referrals and cross-border requests as their modules land). */
export interface EscalationSubject {
  readonly itemType: string;
  /** The item's state in the caller's transaction (locked), or null when it no longer exists. */
  load(manager: EntityManager, itemId: string): Promise<SubjectState | null>;
  /** Writes the firing onto the item's history and carries out the rung's action, in the same transaction. */
  recordFiring(manager: EntityManager, rung: EscalationRungEntity, recipientCount: number): Promise<void>;
}

/** Item modules register their subject here at boot; the escalations module never imports them. */
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
