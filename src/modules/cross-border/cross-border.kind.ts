import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { WorkCalendar } from '@libs/deadlines';

import {
  anyOf,
  CASE_PARTICIPANT_STAFF,
  CROSS_BORDER_HOME,
  currentParticipantOf,
  unitSecretariatOf,
} from '@app/auth/access.service';
import { Actor, hasRole } from '@app/auth/actor';
import { CrossBorderEventPayload, DomainEvent, TopicPayloads } from '@app/kernel/topics';
import { CalendarsService } from '@app/modules/calendars/calendars.service';
import { EscalationRungEntity } from '@app/modules/escalations/escalation-rung.entity';
import { PolicySnapshot, RungAction } from '@app/modules/escalations/escalation.types';
import { CommitmentLinksService } from '@app/modules/legal-instruments/commitment-links.service';
import { Role } from '@app/kernel/role.enum';
import { Refusal } from '@app/workflow/lifecycle';
import { DeadlineState, EscalationParties, SqlCondition, WorkItemKind } from '@app/workflow/work-item-kind';
import { WorkItemEscalations } from '@app/workflow/work-item-escalations';
import { actedBy, workItemEvent } from '@app/workflow/work-item-events';

import { FormalChannelService } from './commands/formal-channel.service';
import {
  CROSS_BORDER_ITEM_TYPE,
  CROSS_BORDER_REFERENCE_PREFIX,
  CrossBorderTopic,
  requestReference,
  STAGE_FIELD,
} from './cross-border.constants';
import { RequestAction, RequestDirection, RequestSide, RequestStage, RequestStatus } from './cross-border.enums';
import { CrossBorderErrorReason, CrossBorderException } from './cross-border.exception';
import { REQUEST_LIFECYCLE, runningStages } from './cross-border.lifecycle';
import { CrossBorderRequestEntity } from './cross-border-request.entity';

/**
 * Cross-border requests as a kind of work item: asked of a foreign counterpart through a channel, on a legal
 * basis. The home side (the filer and the home agency) drafts, submits, withdraws and closes; the counterpart (its
 * own accounts, or the attaché recording its reply) acknowledges, accepts, answers or refuses; the system lets an
 * informal request lapse. Three staged deadlines run in the requested party's calendar, each with its ladder,
 * which reaches the home side: they chase the counterpart.
 */
@Injectable()
export class CrossBorderKind
  implements
    WorkItemKind<CrossBorderRequestEntity, RequestStatus, RequestAction, RequestSide, CrossBorderTopic>,
    OnModuleInit
{
  readonly type = CROSS_BORDER_ITEM_TYPE;
  readonly typeName = 'CrossBorderRequest';
  readonly entity = CrossBorderRequestEntity;
  readonly alias = 'request';
  readonly referencePrefix = CROSS_BORDER_REFERENCE_PREFIX;
  readonly lifecycle = REQUEST_LIFECYCLE;
  readonly topics: Readonly<Partial<Record<RequestAction, CrossBorderTopic>>> = {
    SUBMIT: 'cross-border.submitted',
    APPROVE: 'cross-border.submitted',
    ACKNOWLEDGE: 'cross-border.acknowledged',
    ACCEPT: 'cross-border.accepted',
    ANSWER: 'cross-border.answered',
    ANSWER_PARTIALLY: 'cross-border.partially-answered',
    REFUSE: 'cross-border.refused',
    WITHDRAW: 'cross-border.withdrawn',
    CLOSE: 'cross-border.closed',
    LAPSE: 'cross-border.lapsed',
  };

  constructor(
    private readonly calendars: CalendarsService,
    private readonly commitments: CommitmentLinksService,
    private readonly formalChannel: FormalChannelService,
    private readonly escalations: WorkItemEscalations,
  ) {}

  onModuleInit(): void {
    this.escalations.register(this);
  }

  notFound(id: string): CrossBorderException {
    return CrossBorderException.notFound(id);
  }

  versionConflict(reference: string, version: number): CrossBorderException {
    return new CrossBorderException(
      CrossBorderErrorReason.REQUEST_VERSION_CONFLICT,
      `${reference} was changed by someone else (now version ${version}); reload and try again.`,
      'expectedVersion',
    );
  }

  refused(refusal: Refusal): CrossBorderException {
    return new CrossBorderException(
      CrossBorderErrorReason[refusal.kind],
      refusal.message,
      refusal.kind === 'REASON_REQUIRED' ? 'reason' : undefined,
    );
  }

  /**
   * The home side (filing and home agencies' attachés, liaisons, case officers, supervisors), the counterpart
   * agency's accounts once the request has gone out (never drafts), officers and attachés of an agency taking part
   * in a case the request concerns once it has gone out (the case shows its requests; strictly confidential ones
   * stay with the home side), and the secretariat of a task-force unit the home agency is a current member of.
   */
  visibility(actor: Actor, alias: string): SqlCondition {
    const params = { crossBorderViewerAgencyId: actor.agencyId };
    const conditions: string[] = [];
    if (hasRole(actor, ...CROSS_BORDER_HOME)) {
      conditions.push(
        `(${alias}.filing_agency_id = :crossBorderViewerAgencyId OR ${alias}.on_behalf_of_agency_id = :crossBorderViewerAgencyId)`,
      );
    }
    if (hasRole(actor, Role.COUNTERPART)) {
      conditions.push(
        `(${alias}.counterpart_agency_id = :crossBorderViewerAgencyId AND ${alias}.status NOT IN ('DRAFT', 'IN_REVIEW'))`,
      );
    }
    if (hasRole(actor, ...CASE_PARTICIPANT_STAFF)) {
      conditions.push(`(${alias}.status NOT IN ('DRAFT', 'IN_REVIEW') AND ${alias}.confidentiality <> 'STRICTLY_CONFIDENTIAL'
        AND EXISTS (SELECT 1 FROM cross_border_request_case request_case WHERE request_case.request_id = ${alias}.id
          AND ${currentParticipantOf(':crossBorderViewerAgencyId', 'request_case.case_id', 'request_participation')}))`);
    }
    if (hasRole(actor, Role.SECRETARIAT)) {
      conditions.push(unitSecretariatOf(':crossBorderViewerAgencyId', [`${alias}.on_behalf_of_agency_id`]));
    }
    return anyOf(conditions, params);
  }

  /**
   * The home side: attachés, liaisons, case officers and supervisors of the filing agency or of the home agency it
   * was filed for (supervisors also review). The requested side: for an OUTGOING request the counterpart agency's
   * own accounts; for an INCOMING one the home agency, while the attaché records what the foreign requester does.
   */
  sides(actor: Actor, request: CrossBorderRequestEntity): RequestSide[] {
    const sides: RequestSide[] = [];
    const home = [request.filingAgencyId, request.onBehalfOfAgencyId].includes(actor.agencyId);
    const counterpart = actor.agencyId === request.counterpartAgencyId && hasRole(actor, Role.COUNTERPART);
    if (home && hasRole(actor, ...CROSS_BORDER_HOME)) sides.push(RequestSide.HOME);
    if (home && hasRole(actor, Role.SUPERVISOR)) sides.push(RequestSide.HOME_SUPERVISOR);
    if (request.direction === RequestDirection.OUTGOING && counterpart) sides.push(RequestSide.COUNTERPART);
    if (request.direction === RequestDirection.INCOMING && sides.includes(RequestSide.HOME)) {
      sides.push(RequestSide.COUNTERPART);
    }
    if (request.direction === RequestDirection.INCOMING && counterpart) sides.push(RequestSide.HOME);
    return sides;
  }

  /** One deadline per stage; a stage runs while its step is owed and the clock is not paused. */
  deadlines(request: CrossBorderRequestEntity): DeadlineState[] {
    const running = request.pausedAt ? [] : runningStages(request.status);
    return Object.values(RequestStage).map((stage) => ({
      kind: stage,
      version: request.deadlineVersions[stage],
      at: request[STAGE_FIELD[stage]],
      running: running.includes(stage),
    }));
  }

  /** The requested party's calendar: the counterpart's for OUTGOING requests, the home agency's otherwise. */
  async calendar(manager: EntityManager, request: CrossBorderRequestEntity): Promise<WorkCalendar> {
    const agencyId =
      request.direction === RequestDirection.OUTGOING ? request.counterpartAgencyId : request.onBehalfOfAgencyId;
    return this.calendars.agencyCalendar(manager, agencyId);
  }

  escalationPolicy(request: CrossBorderRequestEntity): PolicySnapshot | null {
    return request.escalationPolicy as unknown as PolicySnapshot | null;
  }

  parties(request: CrossBorderRequestEntity): EscalationParties {
    return {
      responsibleAgencyId: request.onBehalfOfAgencyId,
      responsibleUserId: request.filedByUserId,
      filerUserId: request.filedByUserId,
      watchingAgencyIds: [request.onBehalfOfAgencyId, request.filingAgencyId],
      requestingAgencyId: request.onBehalfOfAgencyId,
      respondingAgencyId: request.counterpartAgencyId,
    };
  }

  /** Ids, codes, statuses and instants only: never the subject or body. */
  async event<K extends CrossBorderTopic>(
    _manager: EntityManager,
    topic: K,
    request: CrossBorderRequestEntity,
    actor: Actor | null,
    extra: Partial<CrossBorderEventPayload> = {},
  ): Promise<DomainEvent<K>> {
    const payload: CrossBorderEventPayload = {
      requestId: request.id,
      reference: requestReference(request),
      direction: request.direction,
      counterpartCountry: request.counterpartCountry,
      counterpartAgencyId: request.counterpartAgencyId,
      onBehalfOfAgencyId: request.onBehalfOfAgencyId,
      filingAgencyId: request.filingAgencyId,
      filedByUserId: request.filedByUserId,
      channel: request.channel,
      category: request.category,
      urgency: request.urgency,
      status: request.status,
      acknowledgeBy: request.acknowledgeBy?.toISOString() ?? null,
      decideBy: request.decideBy?.toISOString() ?? null,
      executeBy: request.executeBy?.toISOString() ?? null,
      stage: null,
      formalRequestId: null,
      formalReference: null,
      ...actedBy(actor),
      ...extra,
    };
    return workItemEvent(this, topic, request, payload as TopicPayloads[K]);
  }

  /** A stage's deadline passed: it is marked overdue; on the last rung of an informal channel, the formal one is proposed. */
  async onRung(manager: EntityManager, request: CrossBorderRequestEntity, rung: EscalationRungEntity): Promise<void> {
    const stage = rung.deadlineKind as RequestStage;
    if (rung.action === RungAction.MARK_OVERDUE || rung.action === RungAction.PROPOSE_FORMAL_CHANNEL) {
      await this.formalChannel.markOverdue(manager, this, request, stage);
    }
    if (rung.action === RungAction.PROPOSE_FORMAL_CHANNEL) {
      await this.formalChannel.lapseAndPropose(manager, this, request, stage);
    }
  }

  /** A request under a commitment keeps the commitment from stalling. */
  async afterChange(manager: EntityManager, request: CrossBorderRequestEntity, actor: Actor | null): Promise<void> {
    // People's work keeps a commitment alive; the system marking something late or lapsed does not.
    if (actor && request.agreementCommitmentId) {
      await this.commitments.recordActivity(manager, request.agreementCommitmentId);
    }
  }
}
