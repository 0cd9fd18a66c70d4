import { AgencyType } from '@app/modules/agencies/agency.enums';
import { PolicySnapshot, RungStatus } from '@app/modules/escalations/escalation.types';
import {
  ReferralAction,
  ReferralService,
  ReferralStatus,
  ReferralUrgency,
} from '@app/modules/referrals/referral.enums';
import {
  REFERRAL_DEADLINE_KIND,
  REFERRAL_ITEM_TYPE,
  ReferralHistoryKind,
  referralReference,
} from '@app/modules/referrals/referral.constants';
import { VictimEventKind } from '@app/modules/victims/victim-event.entity';
import { ConsentMethod, ConsentPurpose } from '@app/modules/victims/victim.enums';

import { Calendars } from './calendars';
import { CopyBatch, instant, json, NULL, text } from './copy';
import { HistoryBatch } from './history';
import { Directory, Office } from './directory';
import { addRungRows, ladderAt, reachedBy, SCHEDULED_HORIZON_MS, SettledRung } from './ladders';
import { SeededRandom } from './random';
import {
  CAPACITY_GAP_REASONS,
  REFERRAL_DECLINE_REASONS,
  REFERRAL_DISCONTINUE_REASONS,
  REFERRAL_OUTCOMES,
  REFERRAL_WITHDRAW_REASONS,
} from './texts';
import { VictimRecord } from './victims';

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

export const CONSENT_COLUMNS = [
  'id',
  'created_at',
  'updated_at',
  'victim_id',
  'recipient_agency_id',
  'purpose',
  'method',
  'given_at',
  'recorded_by_user_id',
  'recorded_by_agency_id',
];
export const REFERRAL_COLUMNS = [
  'id',
  'created_at',
  'updated_at',
  'number',
  'victim_id',
  'from_agency_id',
  'recipient_agency_id',
  'proposed_by_user_id',
  'service',
  'urgency',
  'status',
  'respond_by',
  'escalation_policy',
  'consent_id',
  'capacity_gap_reason',
  'status_reason',
  'outcome',
  'previous_referral_id',
  'version',
];
export interface ReferralBatches {
  consents: CopyBatch;
  victimEvents: CopyBatch;
  referrals: CopyBatch;
  events: HistoryBatch;
  rungs: CopyBatch;
}

/** What victims are referred for, at home and abroad. */
const HOME_SERVICES: [ReferralService, number][] = [
  [ReferralService.PSYCHOSOCIAL, 22],
  [ReferralService.MEDICAL, 15],
  [ReferralService.SHELTER, 13],
  [ReferralService.LEGAL_AID, 14],
  [ReferralService.LIVELIHOOD, 14],
  [ReferralService.REPATRIATION, 6],
  [ReferralService.COMPENSATION, 6],
  [ReferralService.WITNESS_PROTECTION, 4],
  [ReferralService.TRAVEL_DOCUMENTS, 3],
  [ReferralService.INTERPRETER, 3],
];
const ABROAD_SERVICES: [ReferralService, number][] = [
  [ReferralService.SHELTER, 25],
  [ReferralService.REPATRIATION, 25],
  [ReferralService.MEDICAL, 15],
  [ReferralService.TRAVEL_DOCUMENTS, 15],
  [ReferralService.INTERPRETER, 10],
  [ReferralService.PSYCHOSOCIAL, 10],
];
/** The consent purposes that cover a service besides SERVICE_REFERRAL (referrals.service.ts PURPOSES_FOR). */
const SPECIFIC_PURPOSE: Partial<Record<ReferralService, ConsentPurpose>> = {
  REPATRIATION: ConsentPurpose.REPATRIATION,
  TRAVEL_DOCUMENTS: ConsentPurpose.REPATRIATION,
  LEGAL_AID: ConsentPurpose.LEGAL_PROCEEDINGS,
  COMPENSATION: ConsentPurpose.LEGAL_PROCEEDINGS,
  WITNESS_PROTECTION: ConsentPurpose.LEGAL_PROCEEDINGS,
};
/** Response windows (referral_response_policy, DOMAIN.md section 4): clock hours or working days. */
const RESPONSE: Record<ReferralUrgency, { hours?: number; workingDays?: number }> = {
  EMERGENCY: { hours: 24 },
  HIGH: { workingDays: 2 },
  NORMAL: { workingDays: 5 },
};

interface Providers {
  byProvince: Map<string, Office[]>;
  national: Office[];
  abroad: Office[];
  all: Office[];
}

interface Step {
  action: ReferralAction;
  at: number;
  reason: string | null;
}

/**
 * Referrals of registered victims to providers that deliver the service (capabilities, as the provider directory
 * lists them): near the referring office when one exists, national providers otherwise, IOM with a recorded
 * capacity gap. Each rests on a consent in force for the provider and a purpose that covers the service.
 *
 * A referral still PROPOSED has its respond-by at least four days ahead (its reminder beyond the sweep horizon),
 * so only recent NORMAL referrals are still waiting; one whose respond-by passed unanswered EXPIRED by its ladder
 * (FIRED rungs on record). Answered ones were answered before their reminder, so their ladders were cancelled with
 * nothing fired (those CANCELLED rungs are not generated). Half the declined and expired ones were re-routed.
 */
export class ReferralGenerator {
  private readonly providers = new Map<ReferralService, Providers>();
  private readonly consents = new Map<string, { id: string; givenAt: number }>();
  private readonly supported: VictimRecord[];
  private readonly policyJson: string;
  private nextNumber: number;

  constructor(
    directory: Directory,
    victims: readonly VictimRecord[],
    private readonly calendars: Calendars,
    private readonly policy: PolicySnapshot,
    private readonly random: SeededRandom,
    private readonly now: Date,
    firstNumber: number,
  ) {
    for (const service of Object.values(ReferralService)) {
      const capable = directory.offices.filter(
        (office) => office.capabilities.includes(service as never) && office.staff.liaisons.length > 0,
      );
      const byProvince = new Map<string, Office[]>();
      for (const office of capable) {
        if (office.province)
          byProvince.set(office.province.code, [...(byProvince.get(office.province.code) ?? []), office]);
      }
      this.providers.set(service, {
        byProvince,
        national: capable.filter((office) => office.level === 'NATIONAL'),
        abroad: capable.filter((office) => office.level === 'ABROAD'),
        all: capable,
      });
    }
    this.supported = victims.filter((victim) => victim.supported);
    if (this.supported.length === 0) throw new Error('No victims to refer: load the victims first');
    this.policyJson = json(policy);
    this.nextNumber = firstNumber;
  }

  get lastNumber(): number {
    return this.nextNumber - 1;
  }

  /** Adds one referral, and possibly its re-route when `room` allows a second; returns how many were added. */
  add(batches: ReferralBatches, room: number): number {
    const random = this.random;
    for (;;) {
      const victim = random.pick(this.supported);
      const service = random.weighted(victim.owner.level === 'ABROAD' ? ABROAD_SERVICES : HOME_SERVICES);
      const provider = this.providerFor(victim, service, null);
      if (!provider) continue;
      const since = this.now.getTime() - victim.registeredAt - HOUR_MS;
      const created = victim.registeredAt + random.next() ** 2 * Math.min(90 * DAY_MS, Math.max(since, MINUTE_MS));
      const first = this.addReferral(batches, victim, service, provider, created, null);
      if (!first) continue;
      if (room < 2 || !first.reroutable || !random.chance(0.5)) return 1;
      const next = this.providerFor(victim, service, first.provider);
      const at = first.endedAt + random.between(HOUR_MS, 3 * DAY_MS);
      if (!next || at > this.now.getTime() - 10 * MINUTE_MS) return 1;
      return this.addReferral(batches, victim, service, next, at, first) ? 2 : 1;
    }
  }

  /** A provider of the service other than the referring office (and than `not`), near it where possible. */
  private providerFor(victim: VictimRecord, service: ReferralService, not: Office | null): Office | null {
    const random = this.random;
    const providers = this.providers.get(service) as Providers;
    const usable = (offices: Office[] | undefined) =>
      (offices ?? []).filter((office) => office !== victim.owner && office !== not);
    const draw = random.next();
    const owner = victim.owner;
    const near =
      owner.level === 'ABROAD'
        ? usable(providers.abroad)
        : usable(owner.province ? providers.byProvince.get(owner.province.code) : undefined);
    const national = usable(providers.national);
    for (const candidates of draw < 0.75 ? [near, national] : [national, near]) {
      if (candidates.length > 0) return random.pick(candidates);
    }
    const any = usable(providers.all);
    return any.length > 0 ? random.pick(any) : null;
  }

  private addReferral(
    batches: ReferralBatches,
    victim: VictimRecord,
    service: ReferralService,
    provider: Office,
    proposedAt: number,
    previous: { id: string } | null,
  ): { id: string; number: number; provider: Office; endedAt: number; reroutable: boolean } | null {
    const random = this.random;
    const proposer = random.pick(victim.officers);
    const purpose = random.chance(0.3)
      ? (SPECIFIC_PURPOSE[service] ?? ConsentPurpose.SERVICE_REFERRAL)
      : ConsentPurpose.SERVICE_REFERRAL;
    const consentKey = `${victim.id}|${provider.id}|${purpose}`;
    const known = this.consents.get(consentKey);
    // A consent in force is unique per provider and purpose: a later referral rests on the one already given.
    const created =
      known && known.givenAt >= proposedAt ? known.givenAt + random.between(HOUR_MS, 2 * DAY_MS) : proposedAt;
    const now = this.now.getTime();
    if (created > now - 10 * MINUTE_MS) return null;
    const consent = known?.id ?? this.addConsent(batches, victim, provider, purpose, proposer, created);

    const urgency = random.weighted<ReferralUrgency>([
      [ReferralUrgency.EMERGENCY, 12],
      [ReferralUrgency.HIGH, 28],
      [ReferralUrgency.NORMAL, 60],
    ]);
    const calendar = this.calendars.of(provider.country, provider.timeZone);
    const { hours, workingDays } = RESPONSE[urgency];
    const respondBy = hours
      ? new Date(created + hours * HOUR_MS)
      : calendar.addWorkingDays(new Date(created), workingDays as number);
    const steps = this.lifecycle(victim, created, respondBy.getTime());
    const status = steps.length === 0 ? ReferralStatus.PROPOSED : statusAfter(steps[steps.length - 1].action);
    const id = random.uuid();
    const number = this.nextNumber++;
    const reason = (action: ReferralAction) => steps.find((step) => step.action === action)?.reason ?? null;
    const international = provider.type === AgencyType.INTERNATIONAL_ORGANISATION;

    let rungs: SettledRung[] = [];
    if (status === ReferralStatus.PROPOSED || status === ReferralStatus.EXPIRED) {
      rungs = ladderAt(this.policy, respondBy, calendar, new Date(created), this.now, random);
      const expiry = rungs[rungs.length - 1];
      // The respond-by rung expired it: its firing is on record just before the transition.
      if (status === ReferralStatus.EXPIRED && expiry.settledAt) steps[0].at = expiry.settledAt.getTime() + 5;
    }
    const updated = steps.length > 0 ? steps[steps.length - 1].at : created;
    batches.referrals.add([
      id,
      instant(new Date(created)),
      instant(new Date(updated)),
      String(number),
      victim.id,
      victim.owner.id,
      provider.id,
      proposer,
      service,
      urgency,
      status,
      instant(respondBy),
      this.policyJson,
      consent,
      text(international ? random.pick(CAPACITY_GAP_REASONS) : null),
      text(reason(ReferralAction.DECLINE) ?? reason(ReferralAction.WITHDRAW) ?? reason(ReferralAction.DISCONTINUE)),
      text(reason(ReferralAction.COMPLETE)),
      previous?.id ?? NULL,
      String(1 + steps.length),
    ]);

    const event = (
      at: number,
      actor: string | null,
      agency: string | null,
      kind: ReferralHistoryKind,
      rest: string[],
      action?: ReferralAction,
    ) =>
      batches.events.add(
        [random.uuid(), id, instant(new Date(at)), actor ?? NULL, agency ?? NULL, kind, ...rest],
        action ?? NULL,
      );
    const proposal = {
      recipientAgencyId: provider.id,
      service,
      urgency,
      respondBy: respondBy.toISOString(),
      consentId: consent,
      previousReferralId: previous?.id ?? null,
    };
    event(created, proposer, victim.owner.id, ReferralHistoryKind.PROPOSED, [
      NULL,
      ReferralStatus.PROPOSED,
      NULL,
      json(proposal),
    ]);
    if (previous) {
      const rerouted = { reroutedTo: id, reference: referralReference({ number }), recipientAgencyId: provider.id };
      batches.events.add([
        random.uuid(),
        previous.id,
        instant(new Date(created)),
        proposer,
        victim.owner.id,
        ReferralHistoryKind.REROUTED,
        NULL,
        NULL,
        NULL,
        json(rerouted),
      ]);
    }
    if (rungs.length > 0)
      this.addLadder(batches, id, respondBy, new Date(created), rungs, victim.owner, provider, event);
    const staffer = random.pick([...provider.staff.liaisons, ...provider.staff.caseOfficers]);
    let from = ReferralStatus.PROPOSED;
    for (const step of steps) {
      const to = statusAfter(step.action);
      if (step.action === ReferralAction.EXPIRE) {
        const details = { respondBy: respondBy.toISOString() };
        event(step.at, null, null, ReferralHistoryKind.TRANSITION, [from, to, NULL, json(details)], step.action);
      } else {
        const [actor, agency] =
          step.action === ReferralAction.WITHDRAW ? [proposer, victim.owner.id] : [staffer, provider.id];
        event(step.at, actor, agency, ReferralHistoryKind.TRANSITION, [from, to, text(step.reason), '{}'], step.action);
      }
      from = to;
    }
    const endedAt = steps.length > 0 ? steps[steps.length - 1].at : created;
    return {
      id,
      number,
      provider,
      endedAt,
      reroutable: status === ReferralStatus.DECLINED || status === ReferralStatus.EXPIRED,
    };
  }

  /**
   * What happened to a referral proposed at `created`: nothing yet (PROPOSED, when its reminder is beyond the sweep
   * horizon), the provider's answer before the reminder, or expiry at the respond-by; then the service.
   */
  private lifecycle(victim: VictimRecord, created: number, respondBy: number): Step[] {
    const random = this.random;
    const now = this.now.getTime();
    const reminder = respondBy - 24 * HOUR_MS;
    if (reminder >= now + SCHEDULED_HORIZON_MS + HOUR_MS && random.chance(0.85)) return [];
    if (respondBy <= now - HOUR_MS && random.chance(0.08))
      return [{ action: ReferralAction.EXPIRE, at: respondBy, reason: null }];
    // Answered before the reminder would have gone out (when the reminder was not already past at proposal).
    const answerBy = Math.min(now - 5 * MINUTE_MS, reminder > created ? reminder : respondBy);
    const answeredAt = created + random.between(0.05, 1) * Math.max(answerBy - created, MINUTE_MS);
    const decision = random.weighted<ReferralAction>([
      [ReferralAction.ACCEPT, 80],
      [ReferralAction.DECLINE, 13],
      [ReferralAction.WITHDRAW, 7],
    ]);
    if (decision === ReferralAction.DECLINE)
      return [{ action: decision, at: answeredAt, reason: random.pick(REFERRAL_DECLINE_REASONS) }];
    if (decision === ReferralAction.WITHDRAW)
      return [{ action: decision, at: answeredAt, reason: random.pick(REFERRAL_WITHDRAW_REASONS) }];
    const steps: Step[] = [{ action: ReferralAction.ACCEPT, at: answeredAt, reason: null }];
    if (random.chance(0.03)) {
      const withdrawn = answeredAt + random.between(HOUR_MS, 3 * DAY_MS);
      if (withdrawn < now)
        steps.push({ action: ReferralAction.WITHDRAW, at: withdrawn, reason: random.pick(REFERRAL_WITHDRAW_REASONS) });
      return steps;
    }
    const started = answeredAt + random.between(HOUR_MS, 7 * DAY_MS);
    if (started >= now) return steps;
    steps.push({ action: ReferralAction.START_SERVICE, at: started, reason: null });
    const ended = started + random.between(3, victim.child ? 120 : 90) * DAY_MS;
    if (ended >= now) return steps;
    if (random.chance(0.9))
      steps.push({ action: ReferralAction.COMPLETE, at: ended, reason: random.pick(REFERRAL_OUTCOMES) });
    else
      steps.push({ action: ReferralAction.DISCONTINUE, at: ended, reason: random.pick(REFERRAL_DISCONTINUE_REASONS) });
    return steps;
  }

  /** The consent the referral rests on, recorded by the referring officer, with its line in the victim's history. */
  private addConsent(
    batches: ReferralBatches,
    victim: VictimRecord,
    provider: Office,
    purpose: ConsentPurpose,
    officer: string,
    before: number,
  ): string {
    const random = this.random;
    const id = random.uuid();
    const givenAt = Math.max(victim.registeredAt, before - random.between(0, DAY_MS));
    const method =
      victim.child && random.chance(0.6)
        ? ConsentMethod.GUARDIAN_ON_BEHALF
        : random.weighted<ConsentMethod>([
            [ConsentMethod.WRITTEN_SIGNED, 50],
            [ConsentMethod.VERBAL_WITNESSED, 20],
            [ConsentMethod.THUMBPRINT, 18],
            [ConsentMethod.ELECTRONIC, 12],
          ]);
    const at = instant(new Date(givenAt));
    batches.consents.add([id, at, at, victim.id, provider.id, purpose, method, at, officer, victim.owner.id]);
    const details = { consentId: id, recipientAgencyId: provider.id, purpose, method };
    batches.victimEvents.add([
      random.uuid(),
      victim.id,
      at,
      officer,
      victim.owner.id,
      VictimEventKind.CONSENT_RECORDED,
      json(details),
    ]);
    this.consents.set(`${victim.id}|${provider.id}|${purpose}`, { id, givenAt });
    return id;
  }

  private addLadder(
    batches: ReferralBatches,
    id: string,
    respondBy: Date,
    plannedAt: Date,
    rungs: SettledRung[],
    sender: Office,
    provider: Office,
    event: (at: number, actor: string | null, agency: string | null, kind: ReferralHistoryKind, rest: string[]) => void,
  ): void {
    const audience = {
      assigneeUserId: null,
      responsible: provider,
      involved: [sender, provider],
      attacheSupervisorId: null,
    };
    const reached = (rung: SettledRung) => reachedBy(rung.definition.targets, audience);
    const item = {
      itemType: REFERRAL_ITEM_TYPE,
      itemId: id,
      deadlineKind: REFERRAL_DEADLINE_KIND,
      deadlineVersion: 1,
      deadline: respondBy,
      plannedAt,
      policyName: this.policy.name,
    };
    addRungRows(batches.rungs, this.random, item, rungs, reached);
    for (const rung of rungs) {
      if (rung.status !== RungStatus.FIRED || !rung.settledAt) continue;
      const details = {
        deadline: REFERRAL_DEADLINE_KIND,
        rung: rung.definition.key,
        targets: rung.definition.targets,
        deadlineVersion: 1,
        due: respondBy.toISOString(),
        recipients: reached(rung),
      };
      event(rung.settledAt.getTime(), null, null, ReferralHistoryKind.ESCALATED, [NULL, NULL, NULL, json(details)]);
    }
  }
}

function statusAfter(action: ReferralAction): ReferralStatus {
  const after: Record<ReferralAction, ReferralStatus> = {
    ACCEPT: ReferralStatus.ACCEPTED,
    DECLINE: ReferralStatus.DECLINED,
    EXPIRE: ReferralStatus.EXPIRED,
    WITHDRAW: ReferralStatus.WITHDRAWN,
    START_SERVICE: ReferralStatus.IN_SERVICE,
    COMPLETE: ReferralStatus.COMPLETED,
    DISCONTINUE: ReferralStatus.DISCONTINUED,
  };
  return after[action];
}
