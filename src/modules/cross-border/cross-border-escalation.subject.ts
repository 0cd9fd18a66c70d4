import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { EscalationRungEntity } from '@app/modules/escalations/escalation-rung.entity';
import { EscalationSubject, EscalationSubjects, SubjectState } from '@app/modules/escalations/escalation-subjects';
import { RungAction } from '@app/modules/escalations/escalation.types';

import { CrossBorderRequestEventEntity, RequestEventKind } from './cross-border-event.entity';
import { runningStages } from './cross-border-state-machine';
import { RequestStage } from './cross-border.enums';
import { CROSS_BORDER_ITEM_TYPE, CrossBorderService, requestReference } from './cross-border.service';

/**
 * Cross-border requests as the escalation engine sees them: one ladder per stage (acknowledge, decide,
 * execute) while that step is owed and the clock runs. The ladder reaches the home side (the filer, the home
 * agency's liaisons and supervisors, the unit secretariat, the attaché's supervisor): they chase the
 * counterpart. Its actions mark a stage overdue and, on the last rung of an informal channel, propose the
 * formal channel.
 */
@Injectable()
export class CrossBorderEscalationSubject implements EscalationSubject, OnModuleInit {
  readonly itemType = CROSS_BORDER_ITEM_TYPE;

  constructor(
    private readonly subjects: EscalationSubjects,
    private readonly service: CrossBorderService,
  ) {}

  onModuleInit(): void {
    this.subjects.register(this);
  }

  async load(manager: EntityManager, requestId: string): Promise<SubjectState | null> {
    const request = await this.service.lockForEscalation(manager, requestId);
    if (!request) return null;
    const agencies: { id: string; acronym: string }[] = await manager.query(
      `SELECT id, acronym FROM agency WHERE id = ANY($1::uuid[])`,
      [[request.onBehalfOfAgencyId, request.counterpartAgencyId]],
    );
    const name = (id: string) => agencies.find((agency) => agency.id === id)?.acronym ?? '';
    const running = request.pausedAt ? [] : runningStages(request.status);
    return {
      reference: requestReference(request),
      subjectType: 'CrossBorderRequest',
      openDeadlines: Object.fromEntries(running.map((stage) => [stage, request.deadlineVersions[stage]])),
      responsibleAgencyId: request.onBehalfOfAgencyId,
      assigneeUserId: request.filedByUserId,
      involvedAgencyIds: [request.onBehalfOfAgencyId, request.filingAgencyId],
      attacheUserId: request.filedByUserId,
      params: { assigningAgency: name(request.onBehalfOfAgencyId), assigneeAgency: name(request.counterpartAgencyId) },
    };
  }

  async recordFiring(manager: EntityManager, rung: EscalationRungEntity, recipientCount: number): Promise<void> {
    await manager.insert(CrossBorderRequestEventEntity, {
      requestId: rung.itemId,
      actorUserId: null,
      actingAgencyId: null,
      kind: RequestEventKind.ESCALATED,
      details: {
        stage: rung.deadlineKind,
        rung: rung.rungKey,
        targets: rung.targets,
        deadlineVersion: rung.deadlineVersion,
        due: rung.deadlineAt.toISOString(),
        recipients: recipientCount,
      } as CrossBorderRequestEventEntity['details'] & object,
    });
    if (!rung.action) return;
    const request = await this.service.lockForEscalation(manager, rung.itemId);
    if (!request) return;
    const stage = rung.deadlineKind as RequestStage;
    if (rung.action === RungAction.MARK_OVERDUE) await this.service.markOverdue(manager, request, stage);
    if (rung.action === RungAction.PROPOSE_FORMAL_CHANNEL) {
      await this.service.markOverdue(manager, request, stage);
      await this.service.proposeFormalChannel(manager, request, stage);
    }
  }
}
