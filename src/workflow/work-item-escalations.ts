import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { EscalationRungEntity } from '@app/modules/escalations/escalation-rung.entity';
import { EscalationSubject, EscalationSubjects, SubjectState } from '@app/modules/escalations/escalation-subjects';

import { WorkItemHistory } from './history/work-item-history';
import { WorkItemKind, WorkItemRow } from './work-item-kind';

/** What the escalation engine needs of a kind. */
export type EscalatedKind<Item extends WorkItemRow> = Pick<
  WorkItemKind<Item>,
  | 'type'
  | 'typeName'
  | 'entity'
  | 'alias'
  | 'referencePrefix'
  | 'visibility'
  | 'notFound'
  | 'versionConflict'
  | 'deadlines'
  | 'parties'
  | 'onRung'
>;
import { referenceOf, WorkItemStore } from './work-item-store';

/**
 * Makes every kind of work item an escalation subject from its declaration: the rung engine locks the item (in
 * the same order as any change to it), learns which deadlines still run and whom to reach, and the firing lands
 * in the item's history, followed by the kind's onRung (the rung's action, or what the kind does on a firing).
 */
@Injectable()
export class WorkItemEscalations {
  constructor(
    private readonly subjects: EscalationSubjects,
    private readonly store: WorkItemStore,
    private readonly history: WorkItemHistory,
  ) {}

  /** Called by each kind's module at boot. */
  register<Item extends WorkItemRow>(kind: EscalatedKind<Item>): void {
    this.subjects.register(this.subjectOf(kind));
  }

  private subjectOf<Item extends WorkItemRow>(kind: EscalatedKind<Item>): EscalationSubject {
    const { store, history } = this;
    return {
      itemType: kind.type,
      async load(manager: EntityManager, itemId: string): Promise<SubjectState | null> {
        const item = await store.lockForSystem(manager, kind, itemId);
        if (!item) return null;
        const parties = kind.parties(item);
        const agencies: { id: string; acronym: string }[] = await manager.query(
          `SELECT id, acronym FROM agency WHERE id = ANY($1::uuid[])`,
          [[parties.requestingAgencyId, parties.respondingAgencyId]],
        );
        const name = (id: string) => agencies.find((agency) => agency.id === id)?.acronym ?? '';
        return {
          reference: referenceOf(kind, item),
          subjectType: kind.typeName,
          openDeadlines: Object.fromEntries(
            kind
              .deadlines(item)
              .filter((deadline) => deadline.running)
              .map((deadline) => [deadline.kind, deadline.version]),
          ),
          responsibleAgencyId: parties.responsibleAgencyId,
          responsibleUserId: parties.responsibleUserId,
          watchingAgencyIds: parties.watchingAgencyIds,
          filerUserId: parties.filerUserId,
          params: {
            assigningAgency: name(parties.requestingAgencyId),
            assigneeAgency: name(parties.respondingAgencyId),
          },
        };
      },
      async recordFiring(manager: EntityManager, rung: EscalationRungEntity, recipientCount: number): Promise<void> {
        await history.record(manager, kind.type, rung.itemId, null, {
          kind: 'ESCALATED',
          details: {
            deadline: rung.deadlineKind,
            rung: rung.rungKey,
            targets: rung.targets,
            deadlineVersion: rung.deadlineVersion,
            due: rung.deadlineAt.toISOString(),
            recipients: recipientCount,
          },
        });
        // Every firing reaches the kind's hook: it acts on the rung's action, or on the firing itself (a task
        // telling its assigning side once the due date has passed).
        if (!kind.onRung) return;
        const item = await store.lockForSystem(manager, kind, rung.itemId);
        if (item) await kind.onRung(manager, item, rung);
      },
    };
  }
}
