import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { WorkCalendar } from '@libs/deadlines';

import {
  anyOf,
  CASE_PARTICIPANT_STAFF,
  currentParticipantOf,
  PROVIDER_STAFF,
  unitSecretariatOf,
} from '@app/auth/access.service';
import { Actor, hasRole } from '@app/auth/actor';
import { DomainEvent, ReferralEventPayload, Topic, TopicPayloads } from '@app/kernel/topics';
import { CalendarsService } from '@app/modules/calendars/calendars.service';
import { EscalationRungEntity } from '@app/modules/escalations/escalation-rung.entity';
import { PolicySnapshot, RungAction } from '@app/modules/escalations/escalation.types';
import { Role } from '@app/kernel/role.enum';
import { VictimsService } from '@app/modules/victims/victims.service';
import { Refusal } from '@app/workflow/lifecycle';
import { WorkItemChanges } from '@app/workflow/work-item-changes';
import { DeadlineState, EscalationParties, SqlCondition, WorkItemKind } from '@app/workflow/work-item-kind';
import { WorkItemEscalations } from '@app/workflow/work-item-escalations';
import { actedBy, workItemEvent } from '@app/workflow/work-item-events';

import {
  REFERRAL_DEADLINE_KIND,
  REFERRAL_ITEM_TYPE,
  REFERRAL_REFERENCE_PREFIX,
  referralReference,
} from './referral.constants';
import { ReferralEntity } from './referral.entity';
import { ReferralAction, ReferralSide, ReferralStatus } from './referral.enums';
import { ReferralErrorReason, ReferralException } from './referral.exception';
import { REFERRAL_LIFECYCLE } from './referral.lifecycle';

export type ReferralTopic = Extract<Topic, `referral.${string}`>;

/**
 * Referrals as a kind of work item: a person referred from one agency to a provider for a service. The referring
 * agency's officers propose and withdraw; the provider's staff answer and serve; the system expires a referral
 * nobody answered. Both sides' staff see it, and the secretariat of a unit either agency belongs to. The one
 * deadline is the respond-by in the provider's calendar; its ladder reaches the provider and ends in EXPIRE.
 */
@Injectable()
export class ReferralKind
  implements WorkItemKind<ReferralEntity, ReferralStatus, ReferralAction, ReferralSide, ReferralTopic>, OnModuleInit
{
  readonly type = REFERRAL_ITEM_TYPE;
  readonly typeName = 'Referral';
  readonly entity = ReferralEntity;
  readonly alias = 'referral';
  readonly referencePrefix = REFERRAL_REFERENCE_PREFIX;
  readonly lifecycle = REFERRAL_LIFECYCLE;
  readonly topics: Readonly<Record<ReferralAction, ReferralTopic>> = {
    ACCEPT: 'referral.accepted',
    DECLINE: 'referral.declined',
    EXPIRE: 'referral.expired',
    WITHDRAW: 'referral.withdrawn',
    START_SERVICE: 'referral.in-service',
    COMPLETE: 'referral.completed',
    DISCONTINUE: 'referral.discontinued',
  };

  constructor(
    private readonly calendars: CalendarsService,
    private readonly victims: VictimsService,
    private readonly escalations: WorkItemEscalations,
    private readonly changes: WorkItemChanges,
  ) {}

  onModuleInit(): void {
    this.escalations.register(this);
  }

  notFound(id: string): ReferralException {
    return ReferralException.notFound(id);
  }

  versionConflict(reference: string, version: number): ReferralException {
    return new ReferralException(
      ReferralErrorReason.REFERRAL_VERSION_CONFLICT,
      `${reference} was changed by someone else (now version ${version}); reload and try again.`,
      'expectedVersion',
    );
  }

  refused(refusal: Refusal, action: ReferralAction): ReferralException {
    const field =
      refusal.kind === 'REASON_REQUIRED' ? (action === ReferralAction.COMPLETE ? 'outcome' : 'reason') : undefined;
    return new ReferralException(ReferralErrorReason[refusal.kind], refusal.message, field);
  }

  /**
   * The sending agency's officers, the provider's staff, officers and attachés of an agency currently taking part in
   * the person's case (the case shows its referrals; only the two sides act), and the secretariat of a task-force
   * unit either agency is a current member of.
   */
  visibility(actor: Actor, alias: string): SqlCondition {
    const params = { referralViewerAgencyId: actor.agencyId };
    const conditions: string[] = [];
    if (hasRole(actor, ...CASE_PARTICIPANT_STAFF)) conditions.push(`${alias}.from_agency_id = :referralViewerAgencyId`);
    if (hasRole(actor, ...PROVIDER_STAFF)) conditions.push(`${alias}.recipient_agency_id = :referralViewerAgencyId`);
    if (hasRole(actor, ...CASE_PARTICIPANT_STAFF)) {
      conditions.push(`EXISTS (SELECT 1 FROM victim referral_person WHERE referral_person.id = ${alias}.victim_id
        AND ${currentParticipantOf(':referralViewerAgencyId', 'referral_person.case_id', 'referral_participation')})`);
    }
    if (hasRole(actor, Role.SECRETARIAT)) {
      conditions.push(
        unitSecretariatOf(':referralViewerAgencyId', [`${alias}.from_agency_id`, `${alias}.recipient_agency_id`]),
      );
    }
    return anyOf(conditions, params);
  }

  sides(actor: Actor, referral: ReferralEntity): ReferralSide[] {
    if (actor.agencyId === referral.fromAgencyId && hasRole(actor, ...CASE_PARTICIPANT_STAFF)) {
      return [ReferralSide.SENDER];
    }
    if (actor.agencyId === referral.recipientAgencyId && hasRole(actor, ...PROVIDER_STAFF)) {
      return [ReferralSide.PROVIDER];
    }
    return [];
  }

  deadlines(referral: ReferralEntity): DeadlineState[] {
    return [
      {
        kind: REFERRAL_DEADLINE_KIND,
        version: referral.deadlineVersion,
        at: referral.respondBy,
        running: this.lifecycle.open.includes(referral.status),
      },
    ];
  }

  async calendar(manager: EntityManager, referral: ReferralEntity): Promise<WorkCalendar> {
    return this.calendars.agencyCalendar(manager, referral.recipientAgencyId);
  }

  escalationPolicy(referral: ReferralEntity): PolicySnapshot {
    return referral.escalationPolicy as unknown as PolicySnapshot;
  }

  parties(referral: ReferralEntity): EscalationParties {
    return {
      responsibleAgencyId: referral.recipientAgencyId,
      responsibleUserId: null,
      filerUserId: referral.proposedByUserId,
      watchingAgencyIds: [referral.fromAgencyId, referral.recipientAgencyId],
      requestingAgencyId: referral.fromAgencyId,
      respondingAgencyId: referral.recipientAgencyId,
    };
  }

  /** Ids and codes only: the person appears by pseudonymous code, never by identity. */
  async event<K extends ReferralTopic>(
    manager: EntityManager,
    topic: K,
    referral: ReferralEntity,
    actor: Actor | null,
    extra: Partial<ReferralEventPayload> = {},
  ): Promise<DomainEvent<K>> {
    const payload: ReferralEventPayload = {
      referralId: referral.id,
      reference: referralReference(referral),
      victimCode: await this.victims.codeOf(manager, referral.victimId),
      fromAgencyId: referral.fromAgencyId,
      recipientAgencyId: referral.recipientAgencyId,
      proposedByUserId: referral.proposedByUserId,
      service: referral.service,
      urgency: referral.urgency,
      status: referral.status,
      respondBy: referral.respondBy.toISOString(),
      ...actedBy(actor),
      ...extra,
    };
    return workItemEvent(this, topic, referral, payload as TopicPayloads[K]);
  }

  /** The respond-by passed with no answer (the EXPIRE rung): the referral expires and the sender re-routes it. */
  async onRung(manager: EntityManager, referral: ReferralEntity, rung: EscalationRungEntity): Promise<void> {
    if (rung.action !== RungAction.EXPIRE || referral.status !== ReferralStatus.PROPOSED) return;
    await this.changes.transition(manager, this, null, referral, {
      action: ReferralAction.EXPIRE,
      sides: [ReferralSide.SYSTEM],
      history: { details: { respondBy: referral.respondBy.toISOString() } },
    });
  }
}
