import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

import { addClockHours, addWorkingDays, rollToWorkingDay, WorkCalendar } from '@libs/deadlines';

import { AccessService } from '@app/auth/access.service';
import { Actor, hasRole } from '@app/auth/actor';
import { Clock } from '@app/common/clock';
import { Connection, paginate } from '@app/graphql/pagination';
import { AgencyType } from '@app/modules/agencies/agency.enums';
import { AgencyEntity } from '@app/modules/agencies/agency.entity';
import { AuditService } from '@app/modules/audit/audit.service';
import { CalendarsService } from '@app/modules/calendars/calendars.service';
import { CaseEntity } from '@app/modules/cases/case.entity';
import { EscalationsService } from '@app/modules/escalations/escalations.service';
import { PolicySnapshot } from '@app/modules/escalations/escalation.types';
import { AgreementCommitmentEntity } from '@app/modules/legal-instruments/agreement-commitment.entity';
import { recordCommitmentActivity } from '@app/modules/legal-instruments/commitment-activity';
import { LegalInstrumentEntity } from '@app/modules/legal-instruments/legal-instrument.entity';
import { Role } from '@app/modules/users/role.enum';
import { IdentityDisclosureService } from '@app/modules/victims/identity-disclosure.service';
import { VictimIdentity } from '@app/modules/victims/victim-identity';
import { ConsentPurpose } from '@app/modules/victims/victim.enums';
import { VictimEntity } from '@app/modules/victims/victim.entity';
import { DomainEvent, recordEvents } from '@app/queue/outbox';

import { CrossBorderDeadlinePolicyEntity } from './cross-border-deadline-policy.entity';
import { CrossBorderRequestEventEntity, RequestEventKind } from './cross-border-event.entity';
import { CrossBorderRequestCaseEntity, CrossBorderRequestVictimEntity } from './cross-border-link.entity';
import { CrossBorderRequestEntity } from './cross-border-request.entity';
import { decideRequestTransition, OPEN_STATUSES, runningStages } from './cross-border-state-machine';
import {
  INFORMAL_CHANNELS,
  ReplyKind,
  RequestAction,
  RequestCategory,
  RequestChannel,
  RequestConfidentiality,
  RequestDirection,
  RequestSide,
  RequestStage,
  RequestStatus,
  RequestUrgency,
  REVIEWED_CHANNELS,
} from './cross-border.enums';
import { CrossBorderErrorReason, CrossBorderException } from './cross-border.exception';
import {
  AcknowledgeRequestInput,
  AnswerRequestInput,
  CrossBorderRequestsArgs,
  DraftCrossBorderRequestInput,
  ExtendDeadlineInput,
  PauseClockInput,
  RecordCounterpartReplyInput,
  RequestActionInput,
  RequestQueue,
  RequestReasonInput,
} from './dto/cross-border.inputs';

export const CROSS_BORDER_ITEM_TYPE = 'CROSS_BORDER_REQUEST';

const STAGE_FIELD: Record<RequestStage, 'acknowledgeBy' | 'decideBy' | 'executeBy'> = {
  ACKNOWLEDGE: 'acknowledgeBy',
  DECIDE: 'decideBy',
  EXECUTE: 'executeBy',
};

const TOPIC: Partial<Record<RequestAction, string>> = {
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

const REPLY_ACTION: Partial<Record<ReplyKind, RequestAction>> = {
  ACKNOWLEDGED: RequestAction.ACKNOWLEDGE,
  ACCEPTED: RequestAction.ACCEPT,
  ANSWERED: RequestAction.ANSWER,
  PARTIAL_ANSWER: RequestAction.ANSWER_PARTIALLY,
  REFUSED: RequestAction.REFUSE,
};

/** The consent purpose that lets a counterpart see identities for each category (none: codes only). */
const CATEGORY_PURPOSE: Record<RequestCategory, ConsentPurpose | null> = {
  LOCATE_RESCUE: ConsentPurpose.CASE_COORDINATION,
  VICTIM_INTERVIEW_SUPPORT: ConsentPurpose.CASE_COORDINATION,
  SHELTER_PLACEMENT: ConsentPurpose.CASE_COORDINATION,
  REPATRIATION_EXIT_CLEARANCE: ConsentPurpose.REPATRIATION,
  TRAVEL_DOCUMENT_VERIFICATION: ConsentPurpose.REPATRIATION,
  MIGRANT_STATUS_DETERMINATION: ConsentPurpose.REPATRIATION,
  CASE_INFORMATION: ConsentPurpose.CASE_COORDINATION,
  STATISTICS_EXCHANGE: null,
  JOINT_OPERATION: ConsentPurpose.CASE_COORDINATION,
  COURT_SUPPORT: ConsentPurpose.LEGAL_PROCEEDINGS,
};

/** The human reference of a request, e.g. CBR-000042. */
export function requestReference(request: Pick<CrossBorderRequestEntity, 'number'>): string {
  return `CBR-${String(request.number).padStart(6, '0')}`;
}

interface StepOptions {
  reason?: string | null;
  /** When the step happened (a recorded reply: when it arrived); now when omitted. */
  at?: Date;
  counterpartReference?: string | null;
  details?: Record<string, unknown>;
  kind?: RequestEventKind;
}

/**
 * Cross-border requests: drafting (counterpart, legal basis and links checked), the lifecycle under row locks,
 * the three staged deadlines in the counterpart's calendar (extensions, pauses), replies recorded for
 * counterparts without accounts, the escalation ladders per stage, and the fall back to the formal channel.
 */
@Injectable()
export class CrossBorderService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly calendars: CalendarsService,
    private readonly escalations: EscalationsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly disclosure: IdentityDisclosureService,
  ) {}

  async draftCrossBorderRequest(actor: Actor, input: DraftCrossBorderRequestInput): Promise<CrossBorderRequestEntity> {
    return this.dataSource.transaction(async (manager) => {
      const counterpart = await manager.findOneBy(AgencyEntity, { id: input.counterpartAgencyId });
      if (
        !counterpart ||
        !counterpart.active ||
        counterpart.country !== input.counterpartCountry ||
        counterpart.country === 'ID'
      ) {
        throw new CrossBorderException(
          CrossBorderErrorReason.COUNTERPART_INVALID,
          `Invalid input: the counterpart must be an active agency of ${input.counterpartCountry}` +
            (counterpart ? ` (${counterpart.acronym} is of ${counterpart.country}).` : '.'),
          'counterpartAgencyId',
        );
      }
      const homeId = input.onBehalfOfAgencyId ?? actor.agencyId;
      const home = await manager.findOneBy(AgencyEntity, { id: homeId });
      const actorAgency = await manager.findOneByOrFail(AgencyEntity, { id: actor.agencyId });
      if (!home || !home.active || home.country !== 'ID') {
        throw new CrossBorderException(
          CrossBorderErrorReason.HOME_AGENCY_INVALID,
          'Invalid input: the home agency must be an active Indonesian agency.',
          'onBehalfOfAgencyId',
        );
      }
      // Attachés and embassy officers file for any home agency; others only for their own (or its parent).
      const mayFileFor =
        home.id === actor.agencyId ||
        home.id === actorAgency.parentAgencyId ||
        hasRole(actor, Role.ATTACHE) ||
        actorAgency.type === AgencyType.OVERSEAS_MISSION;
      if (!mayFileFor) {
        throw new CrossBorderException(
          CrossBorderErrorReason.HOME_AGENCY_INVALID,
          `Invalid input: you may file for your own agency; ${home.acronym} files its own requests (or through an attaché).`,
          'onBehalfOfAgencyId',
        );
      }
      await this.requireLegalBasis(
        manager,
        input.counterpartCountry,
        input.legalInstrumentId,
        input.agreementCommitmentId,
      );
      const caseIds = [...new Set(input.caseIds ?? [])];
      const victimIds = [...new Set(input.victimIds ?? [])];
      await this.requireLinks(manager, actor, caseIds, victimIds);

      const request = await manager.save(
        manager.create(CrossBorderRequestEntity, {
          direction: input.direction ?? RequestDirection.OUTGOING,
          counterpartCountry: input.counterpartCountry,
          counterpartAgencyId: counterpart.id,
          channel: input.channel,
          legalInstrumentId: input.legalInstrumentId ?? null,
          agreementCommitmentId: input.agreementCommitmentId ?? null,
          category: input.category,
          urgency: input.urgency ?? RequestUrgency.NORMAL,
          confidentiality: input.confidentiality ?? RequestConfidentiality.STANDARD,
          subject: input.subject,
          body: input.body,
          filedByUserId: actor.userId,
          filingAgencyId: actor.agencyId,
          onBehalfOfAgencyId: home.id,
          status: RequestStatus.DRAFT,
          deadlineVersions: { ACKNOWLEDGE: 1, DECIDE: 1, EXECUTE: 1 },
          overdueStages: [],
        }),
      );
      await this.link(manager, request.id, caseIds, victimIds);
      await this.history(manager, actor, request.id, { kind: RequestEventKind.DRAFTED, toStatus: RequestStatus.DRAFT });
      await this.audit.record(manager, actor, {
        operation: 'draftCrossBorderRequest',
        targetType: 'CrossBorderRequest',
        targetId: request.id,
        changes: {
          counterpartAgencyId: { before: null, after: counterpart.id },
          channel: { before: null, after: request.channel },
          category: { before: null, after: request.category },
        },
      });
      await this.touchCommitment(manager, request);
      return request;
    });
  }

  /** Submits a draft (into review for channels that need it); a supervisor's submit approves a reviewed one. */
  submitCrossBorderRequest(actor: Actor, input: RequestActionInput): Promise<CrossBorderRequestEntity> {
    return this.dataSource.transaction(async (manager) => {
      const request = await this.lock(manager, actor, input.id, input.expectedVersion);
      const sides = this.access.crossBorderSides(actor, request);
      if (request.status === RequestStatus.IN_REVIEW) {
        return this.step(manager, actor, request, RequestAction.APPROVE, sides, {});
      }
      const reviewed = REVIEWED_CHANNELS.includes(request.channel) && !sides.includes(RequestSide.HOME_SUPERVISOR);
      if (reviewed && request.status === RequestStatus.DRAFT && sides.includes(RequestSide.HOME)) {
        request.status = RequestStatus.IN_REVIEW;
        await manager.save(request);
        await this.history(manager, actor, request.id, {
          kind: RequestEventKind.TRANSITION,
          fromStatus: RequestStatus.DRAFT,
          toStatus: RequestStatus.IN_REVIEW,
          details: { action: 'SUBMIT_FOR_REVIEW' },
        });
        await this.audit.record(manager, actor, {
          operation: 'submitCrossBorderRequest',
          targetType: 'CrossBorderRequest',
          targetId: request.id,
          changes: { status: { before: RequestStatus.DRAFT, after: RequestStatus.IN_REVIEW } },
        });
        return request;
      }
      return this.step(manager, actor, request, RequestAction.SUBMIT, sides, {});
    });
  }

  acknowledgeCrossBorderRequest(actor: Actor, input: AcknowledgeRequestInput): Promise<CrossBorderRequestEntity> {
    return this.act(actor, input.id, input.expectedVersion, RequestAction.ACKNOWLEDGE, {
      counterpartReference: input.counterpartReference ?? null,
    });
  }

  acceptCrossBorderRequest(actor: Actor, input: RequestActionInput): Promise<CrossBorderRequestEntity> {
    return this.act(actor, input.id, input.expectedVersion, RequestAction.ACCEPT, {});
  }

  answerCrossBorderRequest(actor: Actor, input: AnswerRequestInput): Promise<CrossBorderRequestEntity> {
    const action = input.partial ? RequestAction.ANSWER_PARTIALLY : RequestAction.ANSWER;
    return this.act(actor, input.id, input.expectedVersion, action, { reason: input.note ?? null });
  }

  refuseCrossBorderRequest(actor: Actor, input: RequestReasonInput): Promise<CrossBorderRequestEntity> {
    return this.act(actor, input.id, input.expectedVersion, RequestAction.REFUSE, { reason: input.reason });
  }

  withdrawCrossBorderRequest(actor: Actor, input: RequestReasonInput): Promise<CrossBorderRequestEntity> {
    return this.act(actor, input.id, input.expectedVersion, RequestAction.WITHDRAW, { reason: input.reason });
  }

  closeCrossBorderRequest(actor: Actor, input: RequestActionInput): Promise<CrossBorderRequestEntity> {
    return this.act(actor, input.id, input.expectedVersion, RequestAction.CLOSE, {});
  }

  /**
   * What a counterpart without an account sent (letter, message, meeting), recorded by the home side and
   * treated exactly as if the counterpart had acted, at the time it arrived.
   */
  recordCounterpartReply(actor: Actor, input: RecordCounterpartReplyInput): Promise<CrossBorderRequestEntity> {
    return this.dataSource.transaction(async (manager) => {
      const request = await this.lock(manager, actor, input.id, undefined);
      const sides = this.access.crossBorderSides(actor, request);
      if (!sides.includes(RequestSide.HOME)) {
        throw new CrossBorderException(
          CrossBorderErrorReason.WRONG_SIDE,
          'Only the home side (the filer or the home agency) records a counterpart reply.',
        );
      }
      const now = this.clock.now();
      if (input.receivedAt.getTime() > now.getTime() + 60_000) {
        throw new CrossBorderException(
          CrossBorderErrorReason.REPLY_INVALID,
          'Invalid input: receivedAt is in the future.',
          'receivedAt',
        );
      }
      if (request.submittedAt && input.receivedAt < request.submittedAt) {
        throw new CrossBorderException(
          CrossBorderErrorReason.REPLY_INVALID,
          `Invalid input: receivedAt (${input.receivedAt.toISOString()}) is before the request was submitted (${request.submittedAt.toISOString()}).`,
          'receivedAt',
        );
      }
      const details = {
        replyKind: input.kind,
        channel: input.channel,
        receivedAt: input.receivedAt.toISOString(),
        counterpartReference: input.counterpartReference ?? null,
        recordedBy: 'home side',
      };
      if (input.kind === ReplyKind.NEW_DATE_PROPOSED) {
        if (!input.stage || !input.newDate || !input.grounds) {
          throw new CrossBorderException(
            CrossBorderErrorReason.REPLY_INVALID,
            'Invalid input: a proposed new date needs stage, newDate and grounds.',
            !input.stage ? 'stage' : !input.newDate ? 'newDate' : 'grounds',
          );
        }
        return this.extend(manager, actor, request, input.stage, input.newDate, input.grounds, details);
      }
      // Recorded for the counterpart: the step is the counterpart's, whoever types it in.
      const counterpartSides = [...sides, RequestSide.COUNTERPART];
      return this.step(manager, actor, request, REPLY_ACTION[input.kind]!, counterpartSides, {
        reason: input.grounds ?? null,
        at: input.receivedAt,
        counterpartReference: input.counterpartReference ?? null,
        details,
        kind: RequestEventKind.COUNTERPART_REPLY,
      });
    });
  }

  /** A new date for one stage: an extension by the home side or a postponement by the counterpart. */
  extendCrossBorderDeadline(actor: Actor, input: ExtendDeadlineInput): Promise<CrossBorderRequestEntity> {
    return this.dataSource.transaction(async (manager) => {
      const request = await this.lock(manager, actor, input.id, input.expectedVersion);
      const sides = this.access.crossBorderSides(actor, request);
      if (!sides.includes(RequestSide.HOME) && !sides.includes(RequestSide.COUNTERPART)) {
        throw new CrossBorderException(CrossBorderErrorReason.WRONG_SIDE, 'You do not work on this request.');
      }
      return this.extend(manager, actor, request, input.stage, input.newDate, input.reason, {
        by: sides.includes(RequestSide.HOME) ? 'home side (extension)' : 'counterpart (postponement)',
      });
    });
  }

  pauseCrossBorderClock(actor: Actor, input: PauseClockInput): Promise<CrossBorderRequestEntity> {
    return this.dataSource.transaction(async (manager) => {
      const request = await this.lock(manager, actor, input.id, undefined);
      this.requireHome(actor, request);
      if (!OPEN_STATUSES.includes(request.status)) {
        throw new CrossBorderException(
          CrossBorderErrorReason.ILLEGAL_TRANSITION,
          `The clock of a ${request.status} request does not run.`,
        );
      }
      if (request.pausedAt)
        throw new CrossBorderException(CrossBorderErrorReason.CLOCK_PAUSED, 'The clock is paused already.');
      request.pausedAt = this.clock.now();
      request.pauseReason = input.reason;
      await manager.save(request);
      await this.history(manager, actor, request.id, { kind: RequestEventKind.CLOCK_PAUSED, reason: input.reason });
      await this.audit.record(manager, actor, {
        operation: 'pauseCrossBorderClock',
        targetType: 'CrossBorderRequest',
        targetId: request.id,
        changes: { pausedAt: { before: null, after: request.pausedAt.toISOString() } },
      });
      await this.syncLadders(manager, request);
      return request;
    });
  }

  /** Restarts the clock: each running stage's date moves by the time it was paused. */
  resumeCrossBorderClock(actor: Actor, input: RequestActionInput): Promise<CrossBorderRequestEntity> {
    return this.dataSource.transaction(async (manager) => {
      const request = await this.lock(manager, actor, input.id, input.expectedVersion);
      this.requireHome(actor, request);
      if (!request.pausedAt)
        throw new CrossBorderException(CrossBorderErrorReason.CLOCK_NOT_PAUSED, 'The clock is running.');
      const pausedMs = this.clock.now().getTime() - request.pausedAt.getTime();
      const moved: Record<string, { before: string; after: string }> = {};
      for (const stage of runningStages(request.status)) {
        const field = STAGE_FIELD[stage];
        const before = request[field];
        if (!before) continue;
        request[field] = new Date(before.getTime() + pausedMs);
        request.deadlineVersions = { ...request.deadlineVersions, [stage]: request.deadlineVersions[stage] + 1 };
        moved[stage] = { before: before.toISOString(), after: request[field]!.toISOString() };
      }
      request.pausedAt = null;
      request.pauseReason = null;
      await manager.save(request);
      await this.history(manager, actor, request.id, {
        kind: RequestEventKind.CLOCK_RESUMED,
        details: { pausedHours: Math.round(pausedMs / 36_000) / 100, moved },
      });
      await this.audit.record(manager, actor, {
        operation: 'resumeCrossBorderClock',
        targetType: 'CrossBorderRequest',
        targetId: request.id,
        changes: Object.fromEntries(Object.entries(moved).map(([stage, dates]) => [`${stage}.by`, dates])),
      });
      await this.syncLadders(manager, request);
      return request;
    });
  }

  async crossBorderRequest(actor: Actor, id: string): Promise<CrossBorderRequestEntity> {
    const visibility = this.access.crossBorderVisibility(actor, 'request');
    const found = await this.dataSource
      .getRepository(CrossBorderRequestEntity)
      .createQueryBuilder('request')
      .where('request.id = :id', { id })
      .andWhere(visibility.sql, visibility.params)
      .getOne();
    if (!found) throw CrossBorderException.notFound(id);
    return found;
  }

  async crossBorderRequests(
    actor: Actor,
    args: CrossBorderRequestsArgs,
  ): Promise<Connection<CrossBorderRequestEntity>> {
    const visibility = this.access.crossBorderVisibility(actor, 'request');
    const query = this.dataSource
      .getRepository(CrossBorderRequestEntity)
      .createQueryBuilder('request')
      .where(visibility.sql, visibility.params);
    const filter = args.filter ?? {};
    if (filter.country) query.andWhere('request.counterpart_country = :country', { country: filter.country });
    if (filter.counterpartAgencyId) {
      query.andWhere('request.counterpart_agency_id = :counterpart', { counterpart: filter.counterpartAgencyId });
    }
    if (filter.status?.length) query.andWhere('request.status IN (:...statuses)', { statuses: filter.status });
    if (filter.overdueStage) query.andWhere(':stage = ANY(request.overdue_stages)', { stage: filter.overdueStage });
    if (filter.channel) query.andWhere('request.channel = :channel', { channel: filter.channel });
    if (filter.queue === RequestQueue.MY_QUEUE) {
      query.andWhere(
        '(request.filed_by_user_id = :me OR request.on_behalf_of_agency_id = :myAgency OR request.filing_agency_id = :myAgency)',
        { me: actor.userId, myAgency: actor.agencyId },
      );
      query.andWhere('request.status IN (:...open)', {
        open: [RequestStatus.DRAFT, RequestStatus.IN_REVIEW, ...OPEN_STATUSES, RequestStatus.ANSWERED],
      });
    }
    if (filter.queue === RequestQueue.ADDRESSED_TO_MY_AGENCY) {
      query.andWhere('request.counterpart_agency_id = :myAgency', { myAgency: actor.agencyId });
    }
    return paginate(query, args, { column: 'request.number', value: (row) => String(row.number), descending: true });
  }

  historyOf(requestId: string): Promise<CrossBorderRequestEventEntity[]> {
    return this.dataSource
      .getRepository(CrossBorderRequestEventEntity)
      .find({ where: { requestId }, order: { occurredAt: 'ASC' } });
  }

  async linkedCaseIds(requestId: string): Promise<string[]> {
    const rows = await this.dataSource.getRepository(CrossBorderRequestCaseEntity).findBy({ requestId });
    return rows.map((row) => row.caseId);
  }

  /**
   * The people a request concerns: always the pseudonymous code; the identity only for the home side's
   * officers entitled to it (the victim rule) and, for the counterpart's own accounts, only with consent in
   * force for that counterpart and for the purpose the request's category serves. Every opening is audited.
   */
  async linkedVictims(
    actor: Actor,
    request: CrossBorderRequestEntity,
  ): Promise<{ code: string; identity: VictimIdentity | null }[]> {
    const victims = await this.dataSource
      .getRepository(VictimEntity)
      .createQueryBuilder('victim')
      .innerJoin(CrossBorderRequestVictimEntity, 'link', 'link.victim_id = victim.id')
      .where('link.request_id = :requestId', { requestId: request.id })
      .orderBy('victim.code', 'ASC')
      .getMany();
    const counterpartRequest = {
      counterpartAgencyId: request.counterpartAgencyId,
      purpose: CATEGORY_PURPOSE[request.category],
      reference: requestReference(request),
    };
    const result: { code: string; identity: VictimIdentity | null }[] = [];
    for (const victim of victims) {
      // The victims module decides and audits each opening: the owner/referral rule, else the counterpart's consent.
      const identity =
        (await this.disclosure.identity(actor, victim)) ??
        (await this.disclosure.counterpartIdentity(actor, victim, counterpartRequest));
      result.push({ code: victim.code, identity });
    }
    return result;
  }

  /** Linked people by pseudonymous code (identity travels only through Victim, under its own rule). */
  async linkedVictimCodes(requestId: string): Promise<string[]> {
    const rows: { code: string }[] = await this.dataSource.query(
      `SELECT v.code FROM cross_border_request_victim l JOIN victim v ON v.id = l.victim_id WHERE l.request_id = $1 ORDER BY v.code`,
      [requestId],
    );
    return rows.map((row) => row.code);
  }

  /** Requests under a commitment, as far as the actor may see them. */
  async requestsForCommitment(actor: Actor, commitmentId: string): Promise<CrossBorderRequestEntity[]> {
    const visibility = this.access.crossBorderVisibility(actor, 'request');
    return this.dataSource
      .getRepository(CrossBorderRequestEntity)
      .createQueryBuilder('request')
      .where('request.agreement_commitment_id = :commitmentId', { commitmentId })
      .andWhere(visibility.sql, visibility.params)
      .orderBy('request.number', 'ASC')
      .getMany();
  }

  deadlinePolicies(): Promise<CrossBorderDeadlinePolicyEntity[]> {
    return this.dataSource
      .getRepository(CrossBorderDeadlinePolicyEntity)
      .find({ order: { urgency: 'ASC', stage: 'ASC' } });
  }

  /** A stage's deadline passed (the ladder's MARK_OVERDUE rung), in the rung's transaction. */
  async markOverdue(manager: EntityManager, request: CrossBorderRequestEntity, stage: RequestStage): Promise<void> {
    if (request.overdueStages.includes(stage)) return;
    request.overdueStages = [...request.overdueStages, stage];
    await manager.save(request);
    await this.history(manager, null, request.id, {
      kind: RequestEventKind.STAGE_OVERDUE,
      details: { stage, due: request[STAGE_FIELD[stage]]?.toISOString() ?? null },
    });
    await recordEvents(manager, [this.event('cross-border.stage-overdue', request, null, { stage })]);
  }

  /**
   * The last rung of a stage passed. An informal request LAPSES and a formal mutual-legal-assistance request
   * is drafted from it (same counterpart, basis, category and links) for the filer to review and submit; a
   * formal request stays open (its lateness is on record).
   */
  async proposeFormalChannel(
    manager: EntityManager,
    request: CrossBorderRequestEntity,
    stage: RequestStage,
  ): Promise<void> {
    if (!INFORMAL_CHANNELS.includes(request.channel) || !OPEN_STATUSES.includes(request.status)) return;
    const decision = decideRequestTransition(request.status, RequestAction.LAPSE, [RequestSide.SYSTEM]);
    if ('refused' in decision) return;
    const from = request.status;
    const now = this.clock.now();
    request.status = decision.to;
    request.endedAt = now;
    await manager.save(request);
    await this.history(manager, null, request.id, {
      kind: RequestEventKind.TRANSITION,
      fromStatus: from,
      toStatus: request.status,
      details: { action: RequestAction.LAPSE, stage },
    });
    const formal = await manager.save(
      manager.create(CrossBorderRequestEntity, {
        direction: request.direction,
        counterpartCountry: request.counterpartCountry,
        counterpartAgencyId: request.counterpartAgencyId,
        channel: RequestChannel.FORMAL_MLA,
        legalInstrumentId: request.legalInstrumentId,
        agreementCommitmentId: request.agreementCommitmentId,
        category: request.category,
        urgency: request.urgency,
        confidentiality: request.confidentiality,
        subject: `Formal request (MLA) following ${requestReference(request)}: ${request.subject}`.slice(0, 300),
        body: `This formal request follows ${requestReference(request)}, sent through ${request.channel} on ${request.submittedAt?.toISOString().slice(0, 10) ?? '-'}, whose ${stage.toLowerCase()} stage lapsed without a reply.\n\n${request.body}`,
        filedByUserId: request.filedByUserId,
        filingAgencyId: request.filingAgencyId,
        onBehalfOfAgencyId: request.onBehalfOfAgencyId,
        status: RequestStatus.DRAFT,
        deadlineVersions: { ACKNOWLEDGE: 1, DECIDE: 1, EXECUTE: 1 },
        overdueStages: [],
        proposedFromId: request.id,
      }),
    );
    const cases = await manager.getRepository(CrossBorderRequestCaseEntity).findBy({ requestId: request.id });
    const victims = await manager.getRepository(CrossBorderRequestVictimEntity).findBy({ requestId: request.id });
    await this.link(
      manager,
      formal.id,
      cases.map((row) => row.caseId),
      victims.map((row) => row.victimId),
    );
    await this.history(manager, null, formal.id, {
      kind: RequestEventKind.DRAFTED,
      toStatus: RequestStatus.DRAFT,
      details: { proposedFrom: request.id, reference: requestReference(request) },
    });
    await this.history(manager, null, request.id, {
      kind: RequestEventKind.FORMAL_CHANNEL_PROPOSED,
      details: { formalRequestId: formal.id, formalReference: requestReference(formal) },
    });
    await recordEvents(manager, [
      this.event('cross-border.lapsed', request, null, { stage }),
      this.event('cross-border.formal-channel-proposed', request, null, {
        stage,
        formalRequestId: formal.id,
        formalReference: requestReference(formal),
      }),
    ]);
    await this.syncLadders(manager, request);
  }

  /** Locked like every change, for the escalation engine. */
  lockForEscalation(manager: EntityManager, id: string): Promise<CrossBorderRequestEntity | null> {
    return manager
      .getRepository(CrossBorderRequestEntity)
      .createQueryBuilder('request')
      .where('request.id = :id', { id })
      .setLock('pessimistic_write')
      .getOne();
  }

  private act(
    actor: Actor,
    id: string,
    expectedVersion: number | undefined,
    action: RequestAction,
    options: StepOptions,
  ): Promise<CrossBorderRequestEntity> {
    return this.dataSource.transaction(async (manager) => {
      const request = await this.lock(manager, actor, id, expectedVersion);
      return this.step(manager, actor, request, action, this.access.crossBorderSides(actor, request), options);
    });
  }

  /** One lifecycle step in the caller's transaction: decided by the state machine, then recorded everywhere. */
  private async step(
    manager: EntityManager,
    actor: Actor,
    request: CrossBorderRequestEntity,
    action: RequestAction,
    sides: RequestSide[],
    options: StepOptions,
  ): Promise<CrossBorderRequestEntity> {
    const decision = decideRequestTransition(request.status, action, sides, options.reason);
    if ('refused' in decision) {
      throw new CrossBorderException(
        CrossBorderErrorReason[decision.refused.kind],
        decision.refused.message,
        decision.refused.kind === 'REASON_REQUIRED' ? 'reason' : undefined,
      );
    }
    const at = options.at ?? this.clock.now();
    const from = request.status;
    request.status = decision.to;
    switch (action) {
      case RequestAction.SUBMIT:
      case RequestAction.APPROVE:
        await this.startClock(manager, request, at);
        break;
      case RequestAction.ACKNOWLEDGE:
        request.acknowledgedAt = at;
        break;
      case RequestAction.ACCEPT:
        request.acceptedAt = at;
        request.acknowledgedAt ??= at;
        break;
      case RequestAction.ANSWER:
        request.answeredAt = at;
        break;
      case RequestAction.REFUSE:
      case RequestAction.WITHDRAW:
        request.statusReason = options.reason ?? null;
        request.endedAt = at;
        break;
      case RequestAction.CLOSE:
        request.endedAt = at;
        break;
      default:
        break;
    }
    if (options.counterpartReference) request.counterpartReference = options.counterpartReference;
    // A stage done is no longer overdue-running; its overdue mark stays as the record of lateness.
    if (!OPEN_STATUSES.includes(request.status)) request.pausedAt = null;
    await manager.save(request);
    await this.history(manager, actor, request.id, {
      kind: options.kind ?? RequestEventKind.TRANSITION,
      fromStatus: from,
      toStatus: request.status,
      reason: options.reason ?? null,
      details: { action, ...(options.details ?? {}) },
    });
    await this.audit.record(manager, actor, {
      operation: `${action.toLowerCase()}CrossBorderRequest`,
      targetType: 'CrossBorderRequest',
      targetId: request.id,
      changes: { status: { before: from, after: request.status } },
    });
    const topic = TOPIC[action];
    if (topic) await recordEvents(manager, [this.event(topic, request, actor)]);
    await this.touchCommitment(manager, request);
    await this.syncLadders(manager, request);
    return request;
  }

  /** The three deadlines, from submission, in the requested party's calendar (DOMAIN.md section 4). */
  private async startClock(manager: EntityManager, request: CrossBorderRequestEntity, at: Date): Promise<void> {
    request.submittedAt = at;
    const policies = await manager.findBy(CrossBorderDeadlinePolicyEntity, { urgency: request.urgency });
    const calendar = await this.requestedCalendar(manager, request);
    for (const stage of Object.values(RequestStage)) {
      const policy = policies.find((candidate) => candidate.stage === stage);
      if (!policy)
        throw new Error(`No cross-border deadline policy for ${request.urgency} ${stage}; seed the reference data.`);
      request[STAGE_FIELD[stage]] = this.deadline(at, policy, calendar);
    }
    request.escalationPolicy = (await this.escalations.policyFor(
      manager,
      CROSS_BORDER_ITEM_TYPE,
      request.urgency,
    )) as unknown as Record<string, unknown>;
  }

  private deadline(start: Date, policy: CrossBorderDeadlinePolicyEntity, calendar: WorkCalendar): Date {
    if (policy.clockHours) return addClockHours(start, policy.clockHours);
    if (policy.workingDays) return addWorkingDays(start, policy.workingDays, calendar);
    // Calendar days; a deadline that lands on a weekend or holiday moves to the next working day.
    return rollToWorkingDay(new Date(start.getTime() + (policy.calendarDays ?? 0) * 86_400_000), calendar);
  }

  /** Whose calendar the deadlines run in: the counterpart's for OUTGOING requests, the home agency's otherwise. */
  private async requestedCalendar(manager: EntityManager, request: CrossBorderRequestEntity): Promise<WorkCalendar> {
    const agencyId =
      request.direction === RequestDirection.OUTGOING ? request.counterpartAgencyId : request.onBehalfOfAgencyId;
    const agency = await manager.findOneByOrFail(AgencyEntity, { id: agencyId });
    return this.calendars.workCalendar(agency.country, agency.timeZone);
  }

  private async extend(
    manager: EntityManager,
    actor: Actor,
    request: CrossBorderRequestEntity,
    stage: RequestStage,
    newDate: Date,
    reason: string,
    details: Record<string, unknown>,
  ): Promise<CrossBorderRequestEntity> {
    if (!runningStages(request.status).includes(stage)) {
      throw new CrossBorderException(
        CrossBorderErrorReason.DEADLINE_INVALID,
        `Invalid input: the ${stage} stage of a ${request.status} request is not running.`,
        'stage',
      );
    }
    const field = STAGE_FIELD[stage];
    const current = request[field]!;
    if (newDate.getTime() <= current.getTime()) {
      throw new CrossBorderException(
        CrossBorderErrorReason.DEADLINE_INVALID,
        `Invalid input: the new date must be later than the current one (${current.toISOString()}).`,
        'newDate',
      );
    }
    if (!reason.trim()) {
      throw new CrossBorderException(
        CrossBorderErrorReason.REASON_REQUIRED,
        'A reason is required to move a date.',
        'reason',
      );
    }
    request[field] = newDate;
    request.deadlineVersions = { ...request.deadlineVersions, [stage]: request.deadlineVersions[stage] + 1 };
    request.overdueStages = request.overdueStages.filter((overdue) => overdue !== stage);
    await manager.save(request);
    await this.history(manager, actor, request.id, {
      kind: RequestEventKind.DEADLINE_EXTENDED,
      reason,
      details: { stage, before: current.toISOString(), after: newDate.toISOString(), ...details },
    });
    await this.audit.record(manager, actor, {
      operation: 'extendCrossBorderDeadline',
      targetType: 'CrossBorderRequest',
      targetId: request.id,
      changes: { [`${stage}.by`]: { before: current.toISOString(), after: newDate.toISOString() } },
    });
    await recordEvents(manager, [this.event('cross-border.deadline-extended', request, actor, { stage })]);
    await this.touchCommitment(manager, request);
    await this.syncLadders(manager, request);
    return request;
  }

  /** Each stage's ladder in line with the request: running stages planned, the rest (or all, when paused) stopped. */
  async syncLadders(manager: EntityManager, request: CrossBorderRequestEntity): Promise<void> {
    if (!request.escalationPolicy) return;
    const running = request.pausedAt ? [] : runningStages(request.status);
    const calendar = await this.requestedCalendar(manager, request);
    for (const stage of Object.values(RequestStage)) {
      const deadline = request[STAGE_FIELD[stage]];
      if (!deadline) continue;
      await this.escalations.syncLadder(manager, {
        itemType: CROSS_BORDER_ITEM_TYPE,
        itemId: request.id,
        deadlineKind: stage,
        deadlineVersion: request.deadlineVersions[stage],
        deadlineAt: deadline,
        running: running.includes(stage),
        policy: request.escalationPolicy as unknown as PolicySnapshot,
        calendar,
      });
    }
  }

  /**
   * Locks a request for a change. Not visible: NOT_FOUND (even with a stale version); a stale version: CONFLICT.
   * The row lock serialises two people acting at once; the second meets the state machine.
   */
  private async lock(
    manager: EntityManager,
    actor: Actor,
    id: string,
    expectedVersion: number | undefined,
  ): Promise<CrossBorderRequestEntity> {
    const visibility = this.access.crossBorderVisibility(actor, 'request');
    const request = await manager
      .getRepository(CrossBorderRequestEntity)
      .createQueryBuilder('request')
      .where('request.id = :id', { id })
      .andWhere(visibility.sql, visibility.params)
      .setLock('pessimistic_write', undefined, ['request'])
      .getOne();
    if (!request) throw CrossBorderException.notFound(id);
    if (expectedVersion !== undefined && expectedVersion !== request.version) {
      throw new CrossBorderException(
        CrossBorderErrorReason.REQUEST_VERSION_CONFLICT,
        `${requestReference(request)} was changed by someone else (now version ${request.version}); reload and try again.`,
        'expectedVersion',
      );
    }
    return request;
  }

  private requireHome(actor: Actor, request: CrossBorderRequestEntity): void {
    if (!this.access.crossBorderSides(actor, request).includes(RequestSide.HOME)) {
      throw new CrossBorderException(CrossBorderErrorReason.WRONG_SIDE, 'Only the home side may do this.');
    }
  }

  /** The instrument must bind the counterpart's country (a party of it), and the commitment belong to it. */
  private async requireLegalBasis(
    manager: EntityManager,
    country: string,
    instrumentId: string | undefined,
    commitmentId: string | undefined,
  ): Promise<void> {
    if (!instrumentId) {
      if (commitmentId) {
        throw new CrossBorderException(
          CrossBorderErrorReason.LEGAL_BASIS_INVALID,
          'Invalid input: a commitment area needs its instrument (legalInstrumentId).',
          'legalInstrumentId',
        );
      }
      return;
    }
    const instrument = await manager.findOneBy(LegalInstrumentEntity, { id: instrumentId });
    if (!instrument) {
      throw new CrossBorderException(
        CrossBorderErrorReason.LEGAL_BASIS_INVALID,
        `Invalid input: no legal instrument ${instrumentId}.`,
        'legalInstrumentId',
      );
    }
    const binds: unknown[] = await manager.query(
      `SELECT 1 FROM legal_instrument_party p JOIN agency a ON a.id = p.agency_id WHERE p.instrument_id = $1 AND a.country = $2 LIMIT 1`,
      [instrumentId, country],
    );
    if (binds.length === 0) {
      throw new CrossBorderException(
        CrossBorderErrorReason.LEGAL_BASIS_INVALID,
        `Invalid input: ${instrument.code} does not bind ${country} (no party of it is of that country).`,
        'legalInstrumentId',
      );
    }
    if (commitmentId) {
      const commitment = await manager.findOneBy(AgreementCommitmentEntity, { id: commitmentId });
      if (!commitment || commitment.instrumentId !== instrumentId) {
        throw new CrossBorderException(
          CrossBorderErrorReason.LEGAL_BASIS_INVALID,
          `Invalid input: commitment ${commitmentId} is not an area of ${instrument.code}.`,
          'agreementCommitmentId',
        );
      }
    }
  }

  private async requireLinks(
    manager: EntityManager,
    actor: Actor,
    caseIds: string[],
    victimIds: string[],
  ): Promise<void> {
    if (caseIds.length > 0) {
      const visibility = this.access.caseVisibility(actor, 'kase');
      const found = await manager
        .getRepository(CaseEntity)
        .createQueryBuilder('kase')
        .select('kase.id')
        .where('kase.id IN (:...caseIds)', { caseIds })
        .andWhere(visibility.sql, visibility.params)
        .getMany();
      const missing = caseIds.find((id) => !found.some((row) => row.id === id));
      if (missing) {
        throw new CrossBorderException(
          CrossBorderErrorReason.LINK_NOT_FOUND,
          `Invalid input: case ${missing} was not found.`,
          'caseIds',
        );
      }
    }
    if (victimIds.length > 0) {
      const visibility = this.access.victimVisibility(actor, 'victim');
      const found = await manager
        .getRepository(VictimEntity)
        .createQueryBuilder('victim')
        .select('victim.id')
        .where('victim.id IN (:...victimIds)', { victimIds })
        .andWhere(visibility.sql, visibility.params)
        .getMany();
      const missing = victimIds.find((id) => !found.some((row) => row.id === id));
      if (missing) {
        throw new CrossBorderException(
          CrossBorderErrorReason.LINK_NOT_FOUND,
          `Invalid input: victim record ${missing} was not found.`,
          'victimIds',
        );
      }
    }
  }

  private async link(manager: EntityManager, requestId: string, caseIds: string[], victimIds: string[]): Promise<void> {
    if (caseIds.length > 0) {
      await manager.insert(
        CrossBorderRequestCaseEntity,
        caseIds.map((caseId) => ({ requestId, caseId })),
      );
    }
    if (victimIds.length > 0) {
      await manager.insert(
        CrossBorderRequestVictimEntity,
        victimIds.map((victimId) => ({ requestId, victimId })),
      );
    }
  }

  private async touchCommitment(manager: EntityManager, request: CrossBorderRequestEntity): Promise<void> {
    if (request.agreementCommitmentId) {
      await recordCommitmentActivity(manager, request.agreementCommitmentId, this.clock.now());
    }
  }

  private async history(
    manager: EntityManager,
    actor: Actor | null,
    requestId: string,
    entry: {
      kind: RequestEventKind;
      fromStatus?: RequestStatus;
      toStatus?: RequestStatus;
      reason?: string | null;
      details?: Record<string, unknown>;
    },
  ): Promise<void> {
    await manager.insert(CrossBorderRequestEventEntity, {
      requestId,
      actorUserId: actor?.userId ?? null,
      actingAgencyId: actor?.agencyId ?? null,
      kind: entry.kind,
      fromStatus: entry.fromStatus ?? null,
      toStatus: entry.toStatus ?? null,
      reason: entry.reason ?? null,
      details: (entry.details ?? {}) as CrossBorderRequestEventEntity['details'] & object,
    });
  }

  /** Ids, codes, statuses and instants only: never the subject or body. */
  private event(
    topic: string,
    request: CrossBorderRequestEntity,
    actor: Actor | null,
    extra: Record<string, string | null> = {},
  ): DomainEvent {
    return {
      topic,
      aggregateType: 'CrossBorderRequest',
      aggregateId: request.id,
      payload: {
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
        actorUserId: actor?.userId ?? null,
        actingAgencyId: actor?.agencyId ?? null,
        ...extra,
      },
    };
  }
}
