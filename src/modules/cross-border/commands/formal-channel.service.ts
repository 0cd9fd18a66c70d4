import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { Clock } from '@app/kernel/clock';
import { WorkItemHistory } from '@app/workflow/history/work-item-history';
import { WorkItemChanges } from '@app/workflow/work-item-changes';
import { WorkItemKind } from '@app/workflow/work-item-kind';
import { recordEvents } from '@app/queue/outbox';

import {
  CROSS_BORDER_ITEM_TYPE,
  CrossBorderTopic,
  RequestHistoryKind,
  STAGE_FIELD,
  requestReference,
} from '../cross-border.constants';
import {
  INFORMAL_CHANNELS,
  RequestAction,
  RequestChannel,
  RequestSide,
  RequestStage,
  RequestStatus,
} from '../cross-border.enums';
import { OPEN_STATUSES } from '../cross-border.lifecycle';
import { CrossBorderRequestEntity } from '../cross-border-request.entity';
import { RequestLinksService } from './request-links.service';

type RequestKind = WorkItemKind<CrossBorderRequestEntity, RequestStatus, RequestAction, RequestSide, CrossBorderTopic>;

/**
 * What the system does when a stage's deadline passes (the ladder's rung actions), in the rung's transaction: the
 * stage is marked overdue; on the last rung of an informal channel the request LAPSES and a formal
 * mutual-legal-assistance request is drafted from it for the filer to review and submit.
 */
@Injectable()
export class FormalChannelService {
  constructor(
    private readonly changes: WorkItemChanges,
    private readonly history: WorkItemHistory,
    private readonly links: RequestLinksService,
    private readonly clock: Clock,
  ) {}

  /** The stage's overdue mark stays as the record of lateness, even once the step is done. */
  async markOverdue(
    manager: EntityManager,
    kind: RequestKind,
    request: CrossBorderRequestEntity,
    stage: RequestStage,
  ): Promise<void> {
    if (request.overdueStages.includes(stage)) return;
    request.overdueStages = [...request.overdueStages, stage];
    await this.changes.record(manager, kind, null, request, {
      operation: 'markCrossBorderStageOverdue',
      history: {
        kind: RequestHistoryKind.STAGE_OVERDUE,
        details: { stage, due: request[STAGE_FIELD[stage]]?.toISOString() ?? null },
      },
      events: [{ topic: 'cross-border.stage-overdue', extra: { stage } }],
    });
  }

  /** An informal request lapses and a formal one is proposed from it; a formal request stays open (late on record). */
  async lapseAndPropose(
    manager: EntityManager,
    kind: RequestKind,
    request: CrossBorderRequestEntity,
    stage: RequestStage,
  ): Promise<void> {
    if (!INFORMAL_CHANNELS.includes(request.channel) || !OPEN_STATUSES.includes(request.status)) return;
    const lapsed = await this.changes.transition(manager, kind, null, request, {
      action: RequestAction.LAPSE,
      sides: [RequestSide.SYSTEM],
      apply: (item) => {
        item.endedAt = this.clock.now();
      },
      history: { details: { stage } },
      eventExtra: () => ({ stage }),
    });
    const formal = await this.changes.record(manager, kind, null, this.formalDraft(manager, lapsed, stage), {
      operation: 'proposeFormalChannel',
      history: {
        kind: RequestHistoryKind.DRAFTED,
        toStatus: RequestStatus.DRAFT,
        details: { proposedFrom: lapsed.id, reference: requestReference(lapsed) },
      },
    });
    await this.links.copy(manager, lapsed.id, formal.id);
    const formalReference = requestReference(formal);
    await this.history.record(manager, CROSS_BORDER_ITEM_TYPE, lapsed.id, null, {
      kind: RequestHistoryKind.FORMAL_CHANNEL_PROPOSED,
      details: { formalRequestId: formal.id, formalReference },
    });
    await recordEvents(manager, [
      await kind.event(manager, 'cross-border.formal-channel-proposed', lapsed, null, {
        stage,
        formalRequestId: formal.id,
        formalReference,
      }),
    ]);
  }

  /** Same counterpart, basis, category and people, through the formal channel; the filer reviews and submits it. */
  private formalDraft(
    manager: EntityManager,
    request: CrossBorderRequestEntity,
    stage: RequestStage,
  ): CrossBorderRequestEntity {
    const reference = requestReference(request);
    const sent = request.submittedAt?.toISOString().slice(0, 10) ?? '-';
    return manager.create(CrossBorderRequestEntity, {
      direction: request.direction,
      counterpartCountry: request.counterpartCountry,
      counterpartAgencyId: request.counterpartAgencyId,
      channel: RequestChannel.FORMAL_MLA,
      legalInstrumentId: request.legalInstrumentId,
      agreementCommitmentId: request.agreementCommitmentId,
      category: request.category,
      urgency: request.urgency,
      confidentiality: request.confidentiality,
      subject: `Formal request (MLA) following ${reference}: ${request.subject}`.slice(0, 300),
      body: `This formal request follows ${reference}, sent through ${request.channel} on ${sent}, whose ${stage.toLowerCase()} stage lapsed without a reply.\n\n${request.body}`,
      filedByUserId: request.filedByUserId,
      filingAgencyId: request.filingAgencyId,
      onBehalfOfAgencyId: request.onBehalfOfAgencyId,
      status: RequestStatus.DRAFT,
      deadlineVersions: { ACKNOWLEDGE: 1, DECIDE: 1, EXECUTE: 1 },
      overdueStages: [],
      proposedFromId: request.id,
    });
  }
}
