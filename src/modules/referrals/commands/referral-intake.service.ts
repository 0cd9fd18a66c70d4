import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { addClockHours, addWorkingDays } from '@libs/deadlines';

import { Actor } from '@app/auth/actor';
import { Clock } from '@app/kernel/clock';
import { AgencyType } from '@app/modules/agencies/agency.enums';
import { AgencyEntity } from '@app/modules/agencies/agency.entity';
import { CalendarsService } from '@app/modules/calendars/calendars.service';
import { EscalationsService } from '@app/modules/escalations/escalations.service';
import { VictimEventKind } from '@app/modules/victims/victim-event.entity';
import { ConsentPurpose } from '@app/modules/victims/victim.enums';
import { VictimsService } from '@app/modules/victims/victims.service';
import { WorkItemChanges } from '@app/workflow/work-item-changes';

import { ReferralResponsePolicyEntity } from '../referral-response-policy.entity';
import { REFERRAL_ITEM_TYPE, ReferralHistoryKind, referralReference } from '../referral.constants';
import { ReferralEntity } from '../referral.entity';
import { ReferralService, ReferralStatus, ReferralUrgency } from '../referral.enums';
import { ReferralErrorReason, ReferralException } from '../referral.exception';
import { ReferralKind } from '../referral.kind';

/** The consent purposes under which a referral for `service` may rest (SERVICE_REFERRAL always may). */
export function purposesFor(service: ReferralService): ConsentPurpose[] {
  return [ConsentPurpose.SERVICE_REFERRAL, ...(PURPOSES_FOR[service] ?? [])];
}

/** The consent purposes that allow sharing identity for each service (SERVICE_REFERRAL always does). */
const PURPOSES_FOR: Partial<Record<ReferralService, ConsentPurpose[]>> = {
  REPATRIATION: [ConsentPurpose.REPATRIATION],
  TRAVEL_DOCUMENTS: [ConsentPurpose.REPATRIATION],
  LEGAL_AID: [ConsentPurpose.LEGAL_PROCEEDINGS],
  COMPENSATION: [ConsentPurpose.LEGAL_PROCEEDINGS],
  WITNESS_PROTECTION: [ConsentPurpose.LEGAL_PROCEEDINGS],
};

export interface ReferralSpec {
  victim: { id: string; code: string };
  recipientAgencyId: string;
  service: ReferralService;
  urgency: ReferralUrgency;
  capacityGapReason: string | null;
  /** The declined or expired referral this one re-routes. */
  previous: ReferralEntity | null;
}

/**
 * A new referral, proposed or re-routed: an active provider with the capability, the capacity-gap reason for
 * international organisations, consent in force for that provider and a purpose covering the service, and the
 * respond-by from policy in the provider's calendar.
 */
@Injectable()
export class ReferralIntakeService {
  constructor(
    private readonly kind: ReferralKind,
    private readonly changes: WorkItemChanges,
    private readonly calendars: CalendarsService,
    private readonly escalations: EscalationsService,
    private readonly victims: VictimsService,
    private readonly clock: Clock,
  ) {}

  async create(manager: EntityManager, actor: Actor, spec: ReferralSpec): Promise<ReferralEntity> {
    const provider = await this.requireProvider(manager, actor, spec);
    const purposes = purposesFor(spec.service);
    // The newest consent in force for this provider and a purpose that covers the service, held FOR SHARE.
    const consent = await this.victims.consentInForce(manager, {
      victimId: spec.victim.id,
      recipientAgencyId: provider.id,
      purposes,
    });
    if (!consent) {
      throw new ReferralException(
        ReferralErrorReason.CONSENT_REQUIRED,
        `${spec.victim.code} has no consent in force for ${provider.acronym} (${purposes.join(' or ')}); record it first.`,
        'recipientAgencyId',
      );
    }
    const policy = await manager.findOneBy(ReferralResponsePolicyEntity, { urgency: spec.urgency });
    if (!policy) throw new Error(`No referral response policy for ${spec.urgency}; seed the reference data.`);
    const now = this.clock.now();
    const calendar = await this.calendars.workCalendar(provider.country, provider.timeZone);
    const respondBy = policy.clockHours
      ? addClockHours(now, policy.clockHours)
      : addWorkingDays(now, policy.workingDays ?? 5, calendar);
    const referral = manager.create(ReferralEntity, {
      victimId: spec.victim.id,
      fromAgencyId: actor.agencyId,
      recipientAgencyId: provider.id,
      proposedByUserId: actor.userId,
      service: spec.service,
      urgency: spec.urgency,
      status: ReferralStatus.PROPOSED,
      respondBy,
      deadlineVersion: 1,
      escalationPolicy: (await this.escalations.policyFor(
        manager,
        REFERRAL_ITEM_TYPE,
        spec.urgency,
      )) as unknown as Record<string, unknown>,
      consentId: consent.id,
      capacityGapReason: spec.capacityGapReason,
      statusReason: null,
      outcome: null,
      previousReferralId: spec.previous?.id ?? null,
    });
    const saved = await this.changes.record(manager, this.kind, actor, referral, {
      operation: spec.previous ? 'rerouteReferral' : 'proposeReferral',
      history: {
        kind: ReferralHistoryKind.PROPOSED,
        toStatus: ReferralStatus.PROPOSED,
        details: {
          recipientAgencyId: provider.id,
          service: spec.service,
          urgency: spec.urgency,
          respondBy: respondBy.toISOString(),
          consentId: consent.id,
          previousReferralId: spec.previous?.id ?? null,
        },
      },
      audit: {
        victimId: { before: null, after: spec.victim.id },
        recipientAgencyId: { before: null, after: provider.id },
        service: { before: null, after: spec.service },
        status: { before: null, after: ReferralStatus.PROPOSED },
      },
      events: [{ topic: 'referral.proposed' }],
    });
    // The person's history (and the case's) shows who referred them where.
    await this.victims.recordWork(manager, actor, spec.victim.id, VictimEventKind.REFERRAL_PROPOSED, {
      referralId: saved.id,
      reference: referralReference(saved),
      recipientAgencyId: provider.id,
      service: spec.service,
    });
    return saved;
  }

  /** Checks the provider for a referral (active, capable, capacity gap for IOM), as `create` does. */
  provider(
    manager: EntityManager,
    actor: Actor,
    spec: Pick<ReferralSpec, 'recipientAgencyId' | 'service' | 'capacityGapReason'>,
  ) {
    return this.requireProvider(manager, actor, spec);
  }

  private async requireProvider(
    manager: EntityManager,
    actor: Actor,
    spec: Pick<ReferralSpec, 'recipientAgencyId' | 'service' | 'capacityGapReason'>,
  ): Promise<AgencyEntity> {
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
    if (provider.type === AgencyType.INTERNATIONAL_ORGANISATION && !spec.capacityGapReason?.trim()) {
      throw new ReferralException(
        ReferralErrorReason.CAPACITY_GAP_REQUIRED,
        `Invalid input: a referral to ${provider.acronym} records why no national provider can serve (capacityGapReason).`,
        'capacityGapReason',
      );
    }
    return provider;
  }
}
