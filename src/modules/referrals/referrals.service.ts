import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

import { addClockHours, addWorkingDays } from '@libs/deadlines';

import { AccessService } from '@app/auth/access.service';
import { Actor } from '@app/auth/actor';
import { Clock } from '@app/common/clock';
import { Connection, paginate } from '@app/graphql/pagination';
import { AgencyType } from '@app/modules/agencies/agency.enums';
import { AgencyEntity } from '@app/modules/agencies/agency.entity';
import { AuditService } from '@app/modules/audit/audit.service';
import { CalendarsService } from '@app/modules/calendars/calendars.service';
import { EscalationsService } from '@app/modules/escalations/escalations.service';
import { PolicySnapshot } from '@app/modules/escalations/escalation.types';
import { ConsentPurpose } from '@app/modules/victims/victim.enums';
import { VictimEntity } from '@app/modules/victims/victim.entity';
import { VictimsService } from '@app/modules/victims/victims.service';
import { DomainEvent, recordEvents } from '@app/queue/outbox';

import {
  CompleteReferralInput,
  ProposeReferralInput,
  ReferralActionInput,
  ReferralQueue,
  ReferralReasonInput,
  ReferralsArgs,
  RerouteReferralInput,
} from './dto/referral.inputs';
import { ReferralEventEntity, ReferralEventKind } from './referral-event.entity';
import { ReferralResponsePolicyEntity } from './referral-response-policy.entity';
import { decideReferralTransition, REROUTABLE } from './referral-state-machine';
import { ReferralEntity } from './referral.entity';
import { ReferralAction, ReferralService, ReferralSide, ReferralStatus, ReferralUrgency } from './referral.enums';
import { ReferralErrorReason, ReferralException } from './referral.exception';

export const REFERRAL_ITEM_TYPE = 'REFERRAL';
export const REFERRAL_DEADLINE_KIND = 'RESPOND';

/** The consent purposes that allow sharing identity for each service (SERVICE_REFERRAL always does). */
const PURPOSES_FOR: Partial<Record<ReferralService, ConsentPurpose[]>> = {
  REPATRIATION: [ConsentPurpose.REPATRIATION],
  TRAVEL_DOCUMENTS: [ConsentPurpose.REPATRIATION],
  LEGAL_AID: [ConsentPurpose.LEGAL_PROCEEDINGS],
  COMPENSATION: [ConsentPurpose.LEGAL_PROCEEDINGS],
  WITNESS_PROTECTION: [ConsentPurpose.LEGAL_PROCEEDINGS],
};

const TOPIC: Partial<Record<ReferralStatus, string>> = {
  ACCEPTED: 'referral.accepted',
  DECLINED: 'referral.declined',
  EXPIRED: 'referral.expired',
  WITHDRAWN: 'referral.withdrawn',
  IN_SERVICE: 'referral.in-service',
  COMPLETED: 'referral.completed',
  DISCONTINUED: 'referral.discontinued',
};

/** The human reference of a referral, e.g. REF-000042. */
export function referralReference(referral: Pick<ReferralEntity, 'number'>): string {
  return `REF-${String(referral.number).padStart(6, '0')}`;
}

/**
 * Referrals of victims to providers: proposing (consent and capability checked, respond-by from policy),
 * the lifecycle under row locks (two people acting at once: one wins, the other gets CONFLICT), re-routing,
 * the escalation ladder of the respond-by, history, audit and events, each change in one transaction.
 */
@Injectable()
export class ReferralsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly victims: VictimsService,
    private readonly calendars: CalendarsService,
    private readonly escalations: EscalationsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async proposeReferral(actor: Actor, input: ProposeReferralInput): Promise<ReferralEntity> {
    const victim = await this.victims.victim(actor, input.victimId);
    if (!this.access.actsForVictimOwner(actor, victim)) {
      throw new ReferralException(
        ReferralErrorReason.WRONG_SIDE,
        `Only the owning agency's officers may refer ${victim.code}.`,
      );
    }
    return this.dataSource.transaction((manager) =>
      this.createReferral(manager, actor, victim, {
        recipientAgencyId: input.recipientAgencyId,
        service: input.service,
        urgency: input.urgency ?? ReferralUrgency.NORMAL,
        capacityGapReason: input.capacityGapReason ?? null,
        previous: null,
      }),
    );
  }

  async rerouteReferral(actor: Actor, input: RerouteReferralInput): Promise<ReferralEntity> {
    return this.dataSource.transaction(async (manager) => {
      const previous = await this.lockForAction(manager, actor, input.id, input.expectedVersion);
      if (this.access.referralSide(actor, previous) !== ReferralSide.SENDER) {
        throw new ReferralException(
          ReferralErrorReason.WRONG_SIDE,
          'Only the referring agency may re-route a referral.',
        );
      }
      if (!REROUTABLE.includes(previous.status)) {
        throw new ReferralException(
          ReferralErrorReason.NOT_REROUTABLE,
          `A referral that is ${previous.status} cannot be re-routed (only DECLINED or EXPIRED ones).`,
        );
      }
      const already = await manager.findOneBy(ReferralEntity, { previousReferralId: previous.id });
      if (already) {
        throw new ReferralException(
          ReferralErrorReason.NOT_REROUTABLE,
          `${referralReference(previous)} was re-routed already, as ${referralReference(already)}.`,
        );
      }
      const victim = await manager.findOneByOrFail(VictimEntity, { id: previous.victimId });
      const next = await this.createReferral(manager, actor, victim, {
        recipientAgencyId: input.recipientAgencyId,
        service: previous.service,
        urgency: input.urgency ?? previous.urgency,
        capacityGapReason: input.capacityGapReason ?? null,
        previous,
      });
      await this.history(manager, actor, previous.id, {
        kind: ReferralEventKind.REROUTED,
        details: { reroutedTo: next.id, reference: referralReference(next), recipientAgencyId: next.recipientAgencyId },
      });
      return next;
    });
  }

  acceptReferral(actor: Actor, input: ReferralActionInput): Promise<ReferralEntity> {
    return this.act(actor, input.id, ReferralAction.ACCEPT, input.expectedVersion);
  }

  declineReferral(actor: Actor, input: ReferralReasonInput): Promise<ReferralEntity> {
    return this.act(actor, input.id, ReferralAction.DECLINE, input.expectedVersion, input.reason);
  }

  withdrawReferral(actor: Actor, input: ReferralReasonInput): Promise<ReferralEntity> {
    return this.act(actor, input.id, ReferralAction.WITHDRAW, input.expectedVersion, input.reason);
  }

  startReferralService(actor: Actor, input: ReferralActionInput): Promise<ReferralEntity> {
    return this.act(actor, input.id, ReferralAction.START_SERVICE, input.expectedVersion);
  }

  completeReferral(actor: Actor, input: CompleteReferralInput): Promise<ReferralEntity> {
    return this.act(actor, input.id, ReferralAction.COMPLETE, input.expectedVersion, input.outcome);
  }

  discontinueReferral(actor: Actor, input: ReferralReasonInput): Promise<ReferralEntity> {
    return this.act(actor, input.id, ReferralAction.DISCONTINUE, input.expectedVersion, input.reason);
  }

  /** The respond-by passed (the escalation engine's EXPIRE rung), in the rung's transaction. */
  async expire(manager: EntityManager, referral: ReferralEntity): Promise<void> {
    const decision = decideReferralTransition(referral.status, ReferralAction.EXPIRE, ReferralSide.SYSTEM);
    if ('refused' in decision) return;
    const from = referral.status;
    referral.status = decision.to;
    await manager.save(referral);
    await this.history(manager, null, referral.id, {
      kind: ReferralEventKind.TRANSITION,
      fromStatus: from,
      toStatus: referral.status,
      details: { action: ReferralAction.EXPIRE, respondBy: referral.respondBy.toISOString() },
    });
    const victim = await manager.findOneByOrFail(VictimEntity, { id: referral.victimId });
    await recordEvents(manager, [this.event('referral.expired', referral, victim, null)]);
    await this.syncLadder(manager, referral);
  }

  async referral(actor: Actor, id: string): Promise<ReferralEntity> {
    const visibility = this.access.referralVisibility(actor, 'referral');
    const found = await this.dataSource
      .getRepository(ReferralEntity)
      .createQueryBuilder('referral')
      .where('referral.id = :id', { id })
      .andWhere(visibility.sql, visibility.params)
      .getOne();
    if (!found) throw ReferralException.notFound(id);
    return found;
  }

  async referrals(actor: Actor, args: ReferralsArgs): Promise<Connection<ReferralEntity>> {
    const visibility = this.access.referralVisibility(actor, 'referral');
    const query = this.dataSource
      .getRepository(ReferralEntity)
      .createQueryBuilder('referral')
      .where(visibility.sql, visibility.params);
    const filter = args.filter ?? {};
    const mine = { myAgencyId: actor.agencyId };
    switch (filter.queue) {
      case ReferralQueue.AWAITING_MY_ANSWER:
        query.andWhere('referral.recipient_agency_id = :myAgencyId', mine);
        query.andWhere(`referral.status = 'PROPOSED'`);
        break;
      case ReferralQueue.SENT_BY_MY_AGENCY:
        query.andWhere('referral.from_agency_id = :myAgencyId', mine);
        break;
      case ReferralQueue.RECEIVED_BY_MY_AGENCY:
        query.andWhere('referral.recipient_agency_id = :myAgencyId', mine);
        break;
    }
    if (filter.status && filter.status.length > 0)
      query.andWhere('referral.status IN (:...statuses)', { statuses: filter.status });
    if (filter.victimId) query.andWhere('referral.victim_id = :victimId', { victimId: filter.victimId });
    // Awaiting an answer: the most pressing respond-by first; other lists newest first.
    if (filter.queue === ReferralQueue.AWAITING_MY_ANSWER) {
      return paginate(query, args, { column: 'referral.respondBy', value: (row) => row.respondBy.toISOString() });
    }
    return paginate(query, args, {
      column: 'referral.createdAt',
      value: (row) => row.createdAt.toISOString(),
      descending: true,
    });
  }

  async historyOf(referralId: string): Promise<ReferralEventEntity[]> {
    return this.dataSource
      .getRepository(ReferralEventEntity)
      .find({ where: { referralId }, order: { occurredAt: 'ASC' } });
  }

  /** Response policies per urgency (for the UI and the docs). */
  responsePolicies(): Promise<ReferralResponsePolicyEntity[]> {
    return this.dataSource.getRepository(ReferralResponsePolicyEntity).find({ order: { urgency: 'ASC' } });
  }

  private async createReferral(
    manager: EntityManager,
    actor: Actor,
    victim: VictimEntity,
    spec: {
      recipientAgencyId: string;
      service: ReferralService;
      urgency: ReferralUrgency;
      capacityGapReason: string | null;
      previous: ReferralEntity | null;
    },
  ): Promise<ReferralEntity> {
    const provider = await manager.findOneBy(AgencyEntity, { id: spec.recipientAgencyId });
    if (!provider || !provider.active) {
      throw new ReferralException(
        ReferralErrorReason.PROVIDER_INVALID,
        `Invalid input: no active agency ${spec.recipientAgencyId}.`,
        'recipientAgencyId',
      );
    }
    if (provider.id === actor.agencyId) {
      throw new ReferralException(
        ReferralErrorReason.PROVIDER_INVALID,
        'Invalid input: a referral goes to another agency.',
        'recipientAgencyId',
      );
    }
    if (!provider.capabilities.includes(spec.service as never)) {
      throw new ReferralException(
        ReferralErrorReason.PROVIDER_INCAPABLE,
        `Invalid input: ${provider.acronym} does not provide ${spec.service} (it provides ${provider.capabilities.join(', ') || 'no referral services'}).`,
        'recipientAgencyId',
      );
    }
    const international = provider.type === AgencyType.INTERNATIONAL_ORGANISATION;
    if (international && !spec.capacityGapReason?.trim()) {
      throw new ReferralException(
        ReferralErrorReason.CAPACITY_GAP_REQUIRED,
        `Invalid input: a referral to ${provider.acronym} records why no national provider can serve (capacityGapReason).`,
        'capacityGapReason',
      );
    }
    const purposes = [ConsentPurpose.SERVICE_REFERRAL, ...(PURPOSES_FOR[spec.service] ?? [])];
    // The newest consent in force for this provider and a purpose that covers the service, held FOR SHARE.
    const consent = await this.victims.consentInForce(manager, {
      victimId: victim.id,
      recipientAgencyId: provider.id,
      purposes,
    });
    if (!consent) {
      throw new ReferralException(
        ReferralErrorReason.CONSENT_REQUIRED,
        `${victim.code} has no consent in force for ${provider.acronym} (${purposes.join(' or ')}); record it first.`,
        'recipientAgencyId',
      );
    }
    return this.insertReferral(manager, actor, victim, provider, consent, spec);
  }

  private async insertReferral(
    manager: EntityManager,
    actor: Actor,
    victim: VictimEntity,
    provider: AgencyEntity,
    consent: { id: string },
    spec: {
      service: ReferralService;
      urgency: ReferralUrgency;
      capacityGapReason: string | null;
      previous: ReferralEntity | null;
    },
  ): Promise<ReferralEntity> {
    const now = this.clock.now();
    const policy = await manager.findOneBy(ReferralResponsePolicyEntity, { urgency: spec.urgency });
    if (!policy) throw new Error(`No referral response policy for ${spec.urgency}; seed the reference data.`);
    const calendar = await this.calendars.workCalendar(provider.country, provider.timeZone);
    const respondBy = policy.clockHours
      ? addClockHours(now, policy.clockHours)
      : addWorkingDays(now, policy.workingDays ?? 5, calendar);
    const escalationPolicy = await this.escalations.policyFor(manager, REFERRAL_ITEM_TYPE, spec.urgency);
    const referral = await manager.save(
      manager.create(ReferralEntity, {
        victimId: victim.id,
        fromAgencyId: actor.agencyId,
        recipientAgencyId: provider.id,
        proposedByUserId: actor.userId,
        service: spec.service,
        urgency: spec.urgency,
        status: ReferralStatus.PROPOSED,
        respondBy,
        deadlineVersion: 1,
        escalationPolicy: escalationPolicy as unknown as Record<string, unknown>,
        consentId: consent.id,
        capacityGapReason: spec.capacityGapReason,
        statusReason: null,
        outcome: null,
        previousReferralId: spec.previous?.id ?? null,
      }),
    );
    await this.history(manager, actor, referral.id, {
      kind: ReferralEventKind.PROPOSED,
      toStatus: ReferralStatus.PROPOSED,
      details: {
        recipientAgencyId: provider.id,
        service: referral.service,
        urgency: referral.urgency,
        respondBy: respondBy.toISOString(),
        consentId: consent.id,
        previousReferralId: referral.previousReferralId,
      },
    });
    await this.audit.record(manager, actor, {
      operation: spec.previous ? 'rerouteReferral' : 'proposeReferral',
      targetType: 'Referral',
      targetId: referral.id,
      changes: {
        victimId: { before: null, after: victim.id },
        recipientAgencyId: { before: null, after: provider.id },
        service: { before: null, after: referral.service },
        status: { before: null, after: referral.status },
      },
    });
    await recordEvents(manager, [this.event('referral.proposed', referral, victim, actor)]);
    await this.syncLadder(manager, referral);
    return referral;
  }

  private async act(
    actor: Actor,
    id: string,
    action: ReferralAction,
    expectedVersion: number | undefined,
    reason?: string,
  ): Promise<ReferralEntity> {
    return this.dataSource.transaction(async (manager) => {
      const referral = await this.lockForAction(manager, actor, id, expectedVersion);
      const decision = decideReferralTransition(
        referral.status,
        action,
        this.access.referralSide(actor, referral),
        reason,
      );
      if ('refused' in decision) {
        const field =
          decision.refused.kind === 'REASON_REQUIRED'
            ? action === ReferralAction.COMPLETE
              ? 'outcome'
              : 'reason'
            : undefined;
        throw new ReferralException(ReferralErrorReason[decision.refused.kind], decision.refused.message, field);
      }
      const from = referral.status;
      referral.status = decision.to;
      if (action === ReferralAction.COMPLETE) referral.outcome = reason ?? null;
      else if (reason) referral.statusReason = reason;
      await manager.save(referral);
      await this.history(manager, actor, referral.id, {
        kind: ReferralEventKind.TRANSITION,
        fromStatus: from,
        toStatus: referral.status,
        reason: reason ?? null,
        details: { action },
      });
      await this.audit.record(manager, actor, {
        operation: `${action.toLowerCase()}Referral`,
        targetType: 'Referral',
        targetId: referral.id,
        changes: { status: { before: from, after: referral.status } },
      });
      const topic = TOPIC[referral.status];
      if (topic) {
        const victim = await manager.findOneByOrFail(VictimEntity, { id: referral.victimId });
        await recordEvents(manager, [this.event(topic, referral, victim, actor)]);
      }
      await this.syncLadder(manager, referral);
      return referral;
    });
  }

  /**
   * Locks the referral for a change. One the actor cannot see is NOT_FOUND (even with a stale version); a
   * stale expectedVersion is CONFLICT. The row lock makes two simultaneous actions run one after the other: the
   * second sees the first's status and is refused by the state machine (CONFLICT).
   */
  private async lockForAction(
    manager: EntityManager,
    actor: Actor,
    id: string,
    expectedVersion: number | undefined,
  ): Promise<ReferralEntity> {
    const visibility = this.access.referralVisibility(actor, 'referral');
    const referral = await manager
      .getRepository(ReferralEntity)
      .createQueryBuilder('referral')
      .where('referral.id = :id', { id })
      .andWhere(visibility.sql, visibility.params)
      .setLock('pessimistic_write', undefined, ['referral'])
      .getOne();
    if (!referral) throw ReferralException.notFound(id);
    if (expectedVersion !== undefined && expectedVersion !== referral.version) {
      throw new ReferralException(
        ReferralErrorReason.REFERRAL_VERSION_CONFLICT,
        `${referralReference(referral)} was changed by someone else (now version ${referral.version}); reload and try again.`,
        'expectedVersion',
      );
    }
    return referral;
  }

  private async syncLadder(manager: EntityManager, referral: ReferralEntity): Promise<void> {
    const provider = await manager.findOneByOrFail(AgencyEntity, { id: referral.recipientAgencyId });
    await this.escalations.syncLadder(manager, {
      itemType: REFERRAL_ITEM_TYPE,
      itemId: referral.id,
      deadlineKind: REFERRAL_DEADLINE_KIND,
      deadlineVersion: referral.deadlineVersion,
      deadlineAt: referral.respondBy,
      running: referral.status === ReferralStatus.PROPOSED,
      policy: referral.escalationPolicy as unknown as PolicySnapshot,
      calendar: await this.calendars.workCalendar(provider.country, provider.timeZone),
    });
  }

  private async history(
    manager: EntityManager,
    actor: Actor | null,
    referralId: string,
    entry: {
      kind: ReferralEventKind;
      fromStatus?: ReferralStatus;
      toStatus?: ReferralStatus;
      reason?: string | null;
      details?: Record<string, unknown>;
    },
  ): Promise<void> {
    await manager.insert(ReferralEventEntity, {
      referralId,
      actorUserId: actor?.userId ?? null,
      actingAgencyId: actor?.agencyId ?? null,
      kind: entry.kind,
      fromStatus: entry.fromStatus ?? null,
      toStatus: entry.toStatus ?? null,
      reason: entry.reason ?? null,
      details: (entry.details ?? {}) as ReferralEventEntity['details'] & object,
    });
  }

  /** Ids and codes only: the victim appears by pseudonymous code, never by identity. */
  event(topic: string, referral: ReferralEntity, victim: VictimEntity, actor: Actor | null): DomainEvent {
    return {
      topic,
      aggregateType: 'Referral',
      aggregateId: referral.id,
      payload: {
        referralId: referral.id,
        reference: referralReference(referral),
        victimCode: victim.code,
        fromAgencyId: referral.fromAgencyId,
        recipientAgencyId: referral.recipientAgencyId,
        proposedByUserId: referral.proposedByUserId,
        service: referral.service,
        urgency: referral.urgency,
        status: referral.status,
        respondBy: referral.respondBy.toISOString(),
        actorUserId: actor?.userId ?? null,
        actingAgencyId: actor?.agencyId ?? null,
      },
    };
  }
}
