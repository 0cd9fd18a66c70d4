import { AgencyType } from '@app/modules/agencies/agency.enums';
import {
  INFORMAL_CHANNELS,
  ReplyChannel,
  ReplyKind,
  RequestAction,
  RequestCategory,
  RequestChannel,
  RequestConfidentiality,
  RequestDirection,
  RequestStage,
  RequestStatus,
  RequestUrgency,
} from '@app/modules/cross-border/cross-border.enums';
import {
  CROSS_BORDER_ITEM_TYPE,
  RequestHistoryKind,
  requestReference,
} from '@app/modules/cross-border/cross-border.constants';
import { PolicySnapshot, RungAction, RungStatus } from '@app/modules/escalations/escalation.types';

import { Calendars, FastCalendar } from './calendars';
import { array, CopyBatch, instant, json, NULL, text } from './copy';
import { HistoryBatch } from './history';
import { Counterpart, Directory, Office } from './directory';
import { addRungRows, ladderAt, ladderClearOfHorizon, ladderDoneBy, reachedBy, SettledRung } from './ladders';
import { SeededRandom } from './random';
import { REFUSAL_GROUNDS, REQUEST_WITHDRAW_REASONS, requestBody, requestSubject } from './texts';
import { VictimRecord } from './victims';

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

export const REQUEST_COLUMNS = [
  'id',
  'created_at',
  'updated_at',
  'number',
  'direction',
  'counterpart_country',
  'counterpart_agency_id',
  'channel',
  'legal_instrument_id',
  'agreement_commitment_id',
  'category',
  'urgency',
  'confidentiality',
  'subject',
  'body',
  'filed_by_user_id',
  'filing_agency_id',
  'on_behalf_of_agency_id',
  'status',
  'acknowledge_by',
  'decide_by',
  'execute_by',
  'overdue_stages',
  'submitted_at',
  'acknowledged_at',
  'accepted_at',
  'answered_at',
  'ended_at',
  'counterpart_reference',
  'status_reason',
  'proposed_from_id',
  'escalation_policy',
  'version',
];
export const REQUEST_VICTIM_COLUMNS = ['request_id', 'victim_id'];

export interface RequestBatches {
  requests: CopyBatch;
  events: HistoryBatch;
  victims: CopyBatch;
  rungs: CopyBatch;
}

/** A stage deadline policy row (cross_border_deadline_policy). */
export interface StagePolicy {
  urgency: RequestUrgency;
  stage: RequestStage;
  clockHours: number | null;
  workingDays: number | null;
  calendarDays: number | null;
}

/** The seeded legal bases: instrument ids, and commitment ids by code (KH-ID-IMM-2024-05 …). */
export interface LegalBases {
  instruments: Map<string, string>;
  commitments: Map<string, string>;
}

type Fate =
  | 'DRAFT'
  | 'IN_REVIEW'
  | 'SUBMITTED'
  | 'ACKNOWLEDGED'
  | 'ACCEPTED'
  | 'OVERDUE'
  | 'CLOSED'
  | 'REFUSED'
  | 'WITHDRAWN'
  | 'LAPSED';
/** Mostly settled: requests open now were submitted in the last weeks, a tenth of a two-year history. */
const FATES: [Fate, number][] = [
  ['CLOSED', 60],
  ['REFUSED', 7],
  ['WITHDRAWN', 6],
  ['LAPSED', 6],
  ['ACCEPTED', 6],
  ['ACKNOWLEDGED', 3],
  ['OVERDUE', 2],
  ['SUBMITTED', 1],
  ['DRAFT', 1.5],
  ['IN_REVIEW', 0.5],
];

const CATEGORIES: Record<RequestChannel, [RequestCategory, number][]> = {
  IMMIGRATION_ATTACHE: [
    [RequestCategory.TRAVEL_DOCUMENT_VERIFICATION, 30],
    [RequestCategory.MIGRANT_STATUS_DETERMINATION, 25],
    [RequestCategory.REPATRIATION_EXIT_CLEARANCE, 25],
    [RequestCategory.CASE_INFORMATION, 10],
    [RequestCategory.STATISTICS_EXCHANGE, 10],
  ],
  POLICE_MOU: [
    [RequestCategory.LOCATE_RESCUE, 35],
    [RequestCategory.CASE_INFORMATION, 30],
    [RequestCategory.VICTIM_INTERVIEW_SUPPORT, 20],
    [RequestCategory.JOINT_OPERATION, 15],
  ],
  DIPLOMATIC_KBRI: [
    [RequestCategory.REPATRIATION_EXIT_CLEARANCE, 30],
    [RequestCategory.SHELTER_PLACEMENT, 25],
    [RequestCategory.VICTIM_INTERVIEW_SUPPORT, 20],
    [RequestCategory.LOCATE_RESCUE, 15],
    [RequestCategory.CASE_INFORMATION, 10],
  ],
  IOM_FACILITATED: [
    [RequestCategory.SHELTER_PLACEMENT, 50],
    [RequestCategory.REPATRIATION_EXIT_CLEARANCE, 50],
  ],
  FORMAL_MLA: [
    [RequestCategory.COURT_SUPPORT, 50],
    [RequestCategory.CASE_INFORMATION, 50],
  ],
};

/** Counterparts by country and channel (agency codes of the seeded reference data). */
const COUNTERPARTS: Record<string, Partial<Record<RequestChannel, string[]>>> = {
  KH: {
    IMMIGRATION_ATTACHE: ['KH-GDI'],
    POLICE_MOU: ['KH-AHTJP', 'KH-AHTJP', 'KH-MOI'],
    DIPLOMATIC_KBRI: ['KH-MOSVY', 'KH-NCCT', 'KH-MOI'],
    IOM_FACILITATED: ['KH-MOSVY'],
    FORMAL_MLA: ['KH-MOI'],
  },
  MY: {
    IMMIGRATION_ATTACHE: ['MY-JIM'],
    DIPLOMATIC_KBRI: ['MY-MAPO', 'MY-JIM', 'MY-PDRM'],
    IOM_FACILITATED: ['MY-MAPO'],
    FORMAL_MLA: ['MY-PDRM', 'MY-MAPO'],
  },
};
const CHANNELS: Record<string, [RequestChannel, number][]> = {
  KH: [
    [RequestChannel.IMMIGRATION_ATTACHE, 35],
    [RequestChannel.POLICE_MOU, 25],
    [RequestChannel.DIPLOMATIC_KBRI, 25],
    [RequestChannel.IOM_FACILITATED, 7],
    [RequestChannel.FORMAL_MLA, 8],
  ],
  MY: [
    [RequestChannel.DIPLOMATIC_KBRI, 65],
    [RequestChannel.IMMIGRATION_ATTACHE, 15],
    [RequestChannel.IOM_FACILITATED, 10],
    [RequestChannel.FORMAL_MLA, 10],
  ],
};
/** The post abroad whose attachés and officers file for each country. */
const POSTS: Record<string, { immigration: string; embassy: string }> = {
  KH: { immigration: 'ATASE-IMIGRASI-PNH', embassy: 'KBRI-PNH' },
  MY: { immigration: 'KBRI-KUL', embassy: 'KBRI-KUL' },
};
/** Commitment areas a request serves (the instruments' own area numbers, reference-data.ts). */
const IMMIGRATION_AREA: Partial<Record<RequestCategory, string>> = {
  CASE_INFORMATION: '01',
  REPATRIATION_EXIT_CLEARANCE: '02',
  MIGRANT_STATUS_DETERMINATION: '03',
  TRAVEL_DOCUMENT_VERIFICATION: '05',
  STATISTICS_EXCHANGE: '06',
};
const POLICE_AREA: Partial<Record<RequestCategory, string>> = {
  CASE_INFORMATION: '01',
  LOCATE_RESCUE: '02',
  VICTIM_INTERVIEW_SUPPORT: '02',
  JOINT_OPERATION: '02',
};
/** Offices a post files on behalf of: the home side of the case. */
const HOME_KINDS = new Set([
  'POLRES',
  'POLDA',
  'BP3MI',
  'UPT-BP2MI',
  'DINSOS',
  'KANIM',
  'KANWIL-IMIGRASI',
  'BP2MI',
  'BARESKRIM',
  'KEMLU-PWNI',
  'DITJEN-IMIGRASI',
]);
const STAGES = [RequestStage.ACKNOWLEDGE, RequestStage.DECIDE, RequestStage.EXECUTE];
const RUNNING: Partial<Record<RequestStatus, RequestStage[]>> = {
  SUBMITTED: STAGES,
  ACKNOWLEDGED: [RequestStage.DECIDE, RequestStage.EXECUTE],
  ACCEPTED: [RequestStage.EXECUTE],
};

interface Party {
  country: string;
  channel: RequestChannel;
  counterpart: Counterpart;
  filer: string;
  filing: Office;
  home: Office;
  victims: VictimRecord[];
}

/** One recorded step: a status change (or a partial answer, or a mark) at an instant. */
interface Step {
  kind: RequestHistoryKind;
  at: number;
  actor: string | null;
  agency: string | null;
  action: string | null;
  to: RequestStatus | null;
  reason?: string | null;
  details?: Record<string, unknown>;
}

type Deadlines = Record<RequestStage, Date>;

/**
 * Cross-border requests to the Cambodian and Malaysian counterparts: attachés and embassy officers filing on behalf
 * of home agencies, police-to-police requests under the 2022 MoU, formal mutual legal assistance; legal bases only
 * where an instrument binds the country (the Cambodian MoU and immigration framework, with the commitment area the
 * request serves), as CrossBorderService requires.
 *
 * Deadlines follow the seeded stage policies in the requested party's calendar. Open requests have every running
 * stage's ladder beyond the sweep horizon, except formal requests whose decision is overdue with their ladder run
 * out (formal requests do not lapse). Informal requests whose acknowledgement never came LAPSED when their last
 * rung fired, with the formal request the system then drafted. Steps of closed requests came before the reminders.
 */
export class CrossBorderGenerator {
  private readonly counterparts: Map<string, Counterpart>;
  private readonly homes: Office[];
  private readonly victimsByOwner = new Map<string, VictimRecord[]>();
  private readonly policyJson: string;
  private readonly commitmentActivity = new Map<string, number>();
  private nextNumber: number;

  constructor(
    private readonly directory: Directory,
    victims: readonly VictimRecord[],
    private readonly calendars: Calendars,
    private readonly policy: PolicySnapshot,
    private readonly stagePolicies: StagePolicy[],
    private readonly bases: LegalBases,
    private readonly random: SeededRandom,
    private readonly now: Date,
    firstNumber: number,
  ) {
    this.counterparts = new Map(directory.counterparts.map((counterpart) => [counterpart.code, counterpart]));
    this.homes = directory.offices.filter((office) => HOME_KINDS.has(office.kind));
    for (const victim of victims) {
      this.victimsByOwner.set(victim.owner.id, [...(this.victimsByOwner.get(victim.owner.id) ?? []), victim]);
    }
    this.policyJson = json(policy);
    this.nextNumber = firstNumber;
  }

  get lastNumber(): number {
    return this.nextNumber - 1;
  }

  /** The last activity on each commitment requests were filed under (agreement_commitment.last_activity_at). */
  get activity(): ReadonlyMap<string, number> {
    return this.commitmentActivity;
  }

  /** Adds one request, and for a lapsed one the formal request drafted from it when `room` allows; returns how many. */
  add(batches: RequestBatches, room: number): number {
    const random = this.random;
    const country = random.chance(0.55) ? 'KH' : 'MY';
    const party = this.party(country, random.weighted(CHANNELS[country]));
    const category = random.weighted(CATEGORIES[party.channel]);
    const urgency = random.chance(0.15) ? RequestUrgency.URGENT : RequestUrgency.NORMAL;
    const direction = random.chance(0.12) ? RequestDirection.INCOMING : RequestDirection.OUTGOING;
    // Deadlines run in the calendar of the party that owes the next step (CrossBorderService.requestedCalendar).
    const calendar =
      direction === RequestDirection.OUTGOING
        ? this.calendars.of(country, party.counterpart.timeZone)
        : this.calendars.of('ID', party.home.timeZone);
    const formal = party.channel === RequestChannel.FORMAL_MLA;
    let fate = random.weighted(FATES);
    if (fate === 'IN_REVIEW' && !formal) fate = 'DRAFT';
    if (fate === 'OVERDUE' && (!formal || urgency === RequestUrgency.URGENT)) fate = 'ACCEPTED';
    // Only informal requests lapse, and a lapse always drafts the formal request (which needs room).
    if (fate === 'LAPSED' && (formal || urgency === RequestUrgency.URGENT || room < 2)) fate = 'CLOSED';
    if ((fate === 'SUBMITTED' || fate === 'ACKNOWLEDGED') && urgency === RequestUrgency.URGENT) fate = 'ACCEPTED';

    const plan = this.plan(fate, party, urgency, calendar);
    const request = { id: random.uuid(), number: this.nextNumber++ };
    const formalDraft = plan.status === RequestStatus.LAPSED ? { id: random.uuid(), number: this.nextNumber++ } : null;
    const basis = this.basis(country, party.channel, category);
    const subject = requestSubject(random, category, country);
    const spec = { ...request, party, category, urgency, direction, basis, subject, calendar };
    const lapsedAt = this.write(batches, { ...spec, body: requestBody(random), plan, proposedFrom: null, formalDraft });
    if (!formalDraft || lapsedAt === null) return 1;
    const reference = requestReference(request);
    this.write(batches, {
      ...spec,
      ...formalDraft,
      party: { ...party, channel: RequestChannel.FORMAL_MLA },
      subject: `Formal request (MLA) following ${reference}: ${subject}`.slice(0, 300),
      body: `This formal request follows ${reference}, whose acknowledge stage lapsed without a reply.\n\n${requestBody(random)}`,
      plan: this.followUp(party, lapsedAt, request.id, reference),
      proposedFrom: request.id,
      formalDraft: null,
    });
    return 2;
  }

  /** Who files with whom: the post's attaché or officer for a home agency, or a police office for itself. */
  private party(country: string, channel: RequestChannel): Party {
    const random = this.random;
    const byCode = this.directory.byCode;
    const counterpart = this.counterparts.get(random.pick(COUNTERPARTS[country][channel] ?? [])) as Counterpart;
    const police = channel === RequestChannel.POLICE_MOU || channel === RequestChannel.FORMAL_MLA;
    if (police) {
      const candidates = [
        byCode.get('BARESKRIM'),
        byCode.get('BARESKRIM'),
        byCode.get('KEJAGUNG'),
        ...this.homes.filter((office) => office.kind === 'POLDA'),
      ];
      const offices = candidates.filter(
        (office): office is Office =>
          !!office &&
          office.staff.liaisons.length > 0 &&
          (channel === RequestChannel.FORMAL_MLA || office.type !== AgencyType.PROSECUTION),
      );
      const filing = random.pick(offices);
      // A police office files for itself, linking the people it registered.
      return {
        country,
        channel,
        counterpart,
        filer: random.pick(filing.staff.liaisons),
        filing,
        home: filing,
        victims: this.linked(filing),
      };
    }
    const post = byCode.get(
      channel === RequestChannel.IMMIGRATION_ATTACHE ? POSTS[country].immigration : POSTS[country].embassy,
    ) as Office;
    const embassy = post.type === AgencyType.OVERSEAS_MISSION;
    const home = embassy && random.chance(0.3) ? post : random.pick(this.homes);
    // Attachés file for any home agency but see no victim records; embassy officers (who may file for any agency
    // too) link the people the embassy registered. The immigration channel is the attachés'.
    const officers =
      embassy && channel !== RequestChannel.IMMIGRATION_ATTACHE
        ? [...post.staff.caseOfficers, ...post.staff.liaisons]
        : [];
    if (officers.length > 0 && (post.staff.attaches.length === 0 || random.chance(0.5))) {
      return {
        country,
        channel,
        counterpart,
        filer: random.pick(officers),
        filing: post,
        home,
        victims: this.linked(post),
      };
    }
    return { country, channel, counterpart, filer: random.pick(post.staff.attaches), filing: post, home, victims: [] };
  }

  /** One to three people the filing office registered, for 60 % of its requests. */
  private linked(office: Office): VictimRecord[] {
    const own = this.victimsByOwner.get(office.id) ?? [];
    if (own.length === 0 || !this.random.chance(0.6)) return [];
    const start = this.random.int(0, own.length - 1);
    return own.slice(start, start + this.random.int(1, 3));
  }

  private basis(
    country: string,
    channel: RequestChannel,
    category: RequestCategory,
  ): { instrument: string | null; commitment: string | null } {
    const commitment = (instrument: string, area: string | undefined) => ({
      instrument: this.bases.instruments.get(instrument) ?? null,
      commitment: area ? (this.bases.commitments.get(`${instrument}-${area}`) ?? null) : null,
    });
    if (country !== 'KH') return { instrument: null, commitment: null };
    if (channel === RequestChannel.IMMIGRATION_ATTACHE)
      return commitment('KH-ID-IMM-2024', IMMIGRATION_AREA[category] ?? '04');
    if (channel === RequestChannel.POLICE_MOU) return commitment('MOU-POLRI-KH-MOHA-2022', POLICE_AREA[category]);
    if (channel === RequestChannel.FORMAL_MLA && this.random.chance(0.5))
      return commitment('MOU-POLRI-KH-MOHA-2022', undefined);
    return { instrument: null, commitment: null };
  }

  private deadlines(submitted: number, urgency: RequestUrgency, calendar: FastCalendar): Deadlines {
    const at = (stage: RequestStage): Date => {
      const policy = this.stagePolicies.find((candidate) => candidate.urgency === urgency && candidate.stage === stage);
      if (!policy) throw new Error(`No cross-border deadline policy for ${urgency} ${stage}`);
      if (policy.clockHours) return new Date(submitted + policy.clockHours * HOUR_MS);
      if (policy.workingDays) return calendar.addWorkingDays(new Date(submitted), policy.workingDays);
      return calendar.rollToWorkingDay(new Date(submitted + (policy.calendarDays ?? 0) * DAY_MS));
    };
    return {
      ACKNOWLEDGE: at(RequestStage.ACKNOWLEDGE),
      DECIDE: at(RequestStage.DECIDE),
      EXECUTE: at(RequestStage.EXECUTE),
    };
  }

  /**
   * Draws the submission moment until the fate's constraints hold: every step done by now, running ladders beyond
   * the sweep horizon, overdue ones run out. Closed fates fall back to older submissions, which always fit.
   */
  private plan(fate: Fate, party: Party, urgency: RequestUrgency, calendar: FastCalendar): Plan {
    const random = this.random;
    const now = this.now.getTime();
    const days = (min: number, max: number) => now - random.between(min, max) * DAY_MS;
    if (fate === 'DRAFT' || fate === 'IN_REVIEW')
      return this.unsubmitted(fate, party, days(0.05, fate === 'DRAFT' ? 20 : 10));
    const urgent = urgency === RequestUrgency.URGENT;
    const windows: Partial<Record<Fate, [number, number]>> = {
      SUBMITTED: [0.05, 2],
      ACKNOWLEDGED: [1, 24],
      ACCEPTED: urgent ? [0.1, 1.8] : [2, 80],
      OVERDUE: [45, 80],
    };
    for (let attempt = 0; attempt < 30; attempt++) {
      const [min, max] =
        windows[fate] ?? (attempt < 10 && random.chance(0.1) ? [3, 30] : [attempt < 20 ? 30 : 120, 730]);
      const submitted = days(min, max);
      const deadlines = this.deadlines(submitted, urgency, calendar);
      const plan = this.steps(fate, party, urgency, submitted, deadlines);
      const running = RUNNING[plan.status] ?? [];
      const ranOut = (stage: RequestStage) =>
        ladderDoneBy(this.policy, deadlines[stage], calendar, new Date(now - HOUR_MS));
      const fits =
        plan.steps[plan.steps.length - 1].at < now - 5 * MINUTE_MS &&
        running
          .filter((stage) => stage !== plan.overdue)
          .every((stage) => ladderClearOfHorizon(this.policy, deadlines[stage], calendar, this.now)) &&
        (!plan.overdue || ranOut(plan.overdue)) &&
        (plan.status !== RequestStatus.LAPSED || ranOut(RequestStage.ACKNOWLEDGE));
      if (fits) return plan;
    }
    return this.unsubmitted('DRAFT', party, days(0.05, 20));
  }

  private unsubmitted(fate: 'DRAFT' | 'IN_REVIEW', party: Party, created: number): Plan {
    const drafted: Step = {
      kind: RequestHistoryKind.DRAFTED,
      at: created,
      actor: party.filer,
      agency: party.filing.id,
      action: null,
      to: RequestStatus.DRAFT,
    };
    const steps = [drafted];
    if (fate === 'IN_REVIEW') {
      const at =
        created + this.random.between(10 * MINUTE_MS, Math.min(DAY_MS, this.now.getTime() - created - MINUTE_MS));
      steps.push({
        ...drafted,
        kind: RequestHistoryKind.TRANSITION,
        at,
        action: 'SUBMIT_FOR_REVIEW',
        to: RequestStatus.IN_REVIEW,
      });
    }
    return {
      status: steps[steps.length - 1].to as RequestStatus,
      steps,
      submitted: null,
      deadlines: null,
      overdue: null,
      endedAt: null,
    };
  }

  /**
   * The steps of a submitted request: each counterpart step recorded by the home side (counterparts without
   * accounts) before the reminder of its stage, so that only the fate's own lateness fires rungs.
   */
  private steps(fate: Fate, party: Party, urgency: RequestUrgency, submitted: number, deadlines: Deadlines): Plan {
    const random = this.random;
    const urgent = urgency === RequestUrgency.URGENT;
    // A step takes its usual time, but comes before its stage's reminder (48 h before the deadline) when that
    // reminder lies ahead of the previous step (else before the deadline itself).
    const before = (from: number, stage: RequestStage, usualDays: number) => {
      const reminder = deadlines[stage].getTime() - 48 * HOUR_MS;
      const by = reminder > from ? reminder : deadlines[stage].getTime();
      return from + Math.min(random.between(0.05, usualDays) * DAY_MS, random.between(0.05, 0.9) * (by - from));
    };
    const created = submitted - random.between(10 * MINUTE_MS, urgent ? 6 * HOUR_MS : 3 * DAY_MS);
    const home = { actor: party.filer, agency: party.filing.id };
    const steps: Step[] = [
      { kind: RequestHistoryKind.DRAFTED, at: created, ...home, action: null, to: RequestStatus.DRAFT },
    ];
    if (party.channel === RequestChannel.FORMAL_MLA) {
      // Formal requests go out after the home agency's supervisor reviewed them.
      const supervisor = party.home.staff.supervisors[0] ?? party.filer;
      steps.push({
        kind: RequestHistoryKind.TRANSITION,
        at: created + (submitted - created) / 2,
        ...home,
        action: 'SUBMIT_FOR_REVIEW',
        to: RequestStatus.IN_REVIEW,
      });
      steps.push({
        kind: RequestHistoryKind.TRANSITION,
        at: submitted,
        actor: supervisor,
        agency: party.home.id,
        action: RequestAction.APPROVE,
        to: RequestStatus.SUBMITTED,
      });
    } else {
      steps.push({
        kind: RequestHistoryKind.TRANSITION,
        at: submitted,
        ...home,
        action: RequestAction.SUBMIT,
        to: RequestStatus.SUBMITTED,
      });
    }
    const reply = (
      kind: ReplyKind,
      action: RequestAction,
      at: number,
      to: RequestStatus,
      reason: string | null = null,
    ): Step => ({
      kind: RequestHistoryKind.COUNTERPART_REPLY,
      at,
      ...home,
      action,
      to,
      reason,
      details: {
        replyKind: kind,
        channel: random.weighted<ReplyChannel>([
          [ReplyChannel.LETTER, 35],
          [ReplyChannel.EMAIL, 30],
          [ReplyChannel.MESSAGE, 20],
          [ReplyChannel.MEETING, 10],
          [ReplyChannel.PHONE, 5],
        ]),
        receivedAt: new Date(at).toISOString(),
        counterpartReference: null,
        recordedBy: 'home side',
      },
    });
    const plan = (status: RequestStatus, endedAt: number | null = null, overdue: RequestStage | null = null): Plan => ({
      status,
      steps,
      submitted,
      deadlines,
      overdue,
      endedAt,
    });

    if (fate === 'LAPSED') return plan(RequestStatus.LAPSED, null);
    if (fate === 'WITHDRAWN' && random.chance(0.5)) {
      const at = before(submitted, RequestStage.ACKNOWLEDGE, 3);
      steps.push({
        kind: RequestHistoryKind.TRANSITION,
        at,
        ...home,
        action: RequestAction.WITHDRAW,
        to: RequestStatus.WITHDRAWN,
        reason: random.pick(REQUEST_WITHDRAW_REASONS),
      });
      return plan(RequestStatus.WITHDRAWN, at);
    }
    if (fate === 'SUBMITTED') return plan(RequestStatus.SUBMITTED);
    const acknowledged = before(submitted, RequestStage.ACKNOWLEDGE, 4);
    steps.push(reply(ReplyKind.ACKNOWLEDGED, RequestAction.ACKNOWLEDGE, acknowledged, RequestStatus.ACKNOWLEDGED));
    if (fate === 'ACKNOWLEDGED') return plan(RequestStatus.ACKNOWLEDGED);
    if (fate === 'OVERDUE') return plan(RequestStatus.ACKNOWLEDGED, null, RequestStage.DECIDE);
    const decided = before(acknowledged, RequestStage.DECIDE, 14);
    if (fate === 'REFUSED') {
      steps.push(
        reply(ReplyKind.REFUSED, RequestAction.REFUSE, decided, RequestStatus.REFUSED, random.pick(REFUSAL_GROUNDS)),
      );
      return plan(RequestStatus.REFUSED, decided);
    }
    if (fate === 'WITHDRAWN') {
      steps.push({
        kind: RequestHistoryKind.TRANSITION,
        at: decided,
        ...home,
        action: RequestAction.WITHDRAW,
        to: RequestStatus.WITHDRAWN,
        reason: random.pick(REQUEST_WITHDRAW_REASONS),
      });
      return plan(RequestStatus.WITHDRAWN, decided);
    }
    steps.push(reply(ReplyKind.ACCEPTED, RequestAction.ACCEPT, decided, RequestStatus.ACCEPTED));
    const answered = before(decided, RequestStage.EXECUTE, 40);
    if (random.chance(0.2)) {
      steps.push(
        reply(
          ReplyKind.PARTIAL_ANSWER,
          RequestAction.ANSWER_PARTIALLY,
          decided + (answered - decided) / 2,
          RequestStatus.ACCEPTED,
        ),
      );
    }
    if (fate === 'ACCEPTED') return plan(RequestStatus.ACCEPTED);
    steps.push(reply(ReplyKind.ANSWERED, RequestAction.ANSWER, answered, RequestStatus.ANSWERED));
    const closed = answered + random.between(HOUR_MS, 30 * DAY_MS);
    if (closed > this.now.getTime() - MINUTE_MS) return plan(RequestStatus.ANSWERED);
    steps.push({
      kind: RequestHistoryKind.TRANSITION,
      at: closed,
      ...home,
      action: RequestAction.CLOSE,
      to: RequestStatus.CLOSED,
    });
    return plan(RequestStatus.CLOSED, closed);
  }

  /** The formal request drafted when an informal one lapsed: still a draft, or withdrawn when handled otherwise. */
  private followUp(party: Party, lapsedAt: number, lapsedId: string, lapsedReference: string): Plan {
    const random = this.random;
    const drafted: Step = {
      kind: RequestHistoryKind.DRAFTED,
      at: lapsedAt + 4,
      actor: null,
      agency: null,
      action: null,
      to: RequestStatus.DRAFT,
      details: { proposedFrom: lapsedId, reference: lapsedReference },
    };
    const withdrawnAt = lapsedAt + random.between(1, 20) * DAY_MS;
    if (withdrawnAt > this.now.getTime() - MINUTE_MS || random.chance(0.3)) {
      return {
        status: RequestStatus.DRAFT,
        steps: [drafted],
        submitted: null,
        deadlines: null,
        overdue: null,
        endedAt: null,
      };
    }
    const reason = random.pick(REQUEST_WITHDRAW_REASONS);
    const withdrawn: Step = {
      kind: RequestHistoryKind.TRANSITION,
      at: withdrawnAt,
      actor: party.filer,
      agency: party.filing.id,
      action: RequestAction.WITHDRAW,
      to: RequestStatus.WITHDRAWN,
      reason,
    };
    return {
      status: RequestStatus.WITHDRAWN,
      steps: [drafted, withdrawn],
      submitted: null,
      deadlines: null,
      overdue: null,
      endedAt: withdrawnAt,
    };
  }

  /** Writes the request, its history, its links and its ladders; returns when it lapsed (for a lapsed one). */
  private write(batches: RequestBatches, request: RequestSpec): number | null {
    const random = this.random;
    const { id, party, plan } = request;
    const fired = this.ladders(batches.rungs, request);
    const steps = [...plan.steps, ...fired.steps].sort((a, b) => a.at - b.at);
    const stepAt = (action: RequestAction) => steps.find((step) => step.action === action)?.at ?? null;
    const acknowledged = stepAt(RequestAction.ACKNOWLEDGE) ?? stepAt(RequestAction.ACCEPT);
    const reference =
      acknowledged === null
        ? null
        : `${party.counterpart.code}/${new Date(acknowledged).getUTCFullYear()}/${String(random.int(1, 9999)).padStart(4, '0')}`;
    const reason =
      steps.find((step) => step.action === RequestAction.REFUSE || step.action === RequestAction.WITHDRAW)?.reason ??
      null;
    const at = (value: number | null) => instant(value === null ? null : new Date(value));
    const deadline = (stage: RequestStage) => instant(plan.deadlines?.[stage] ?? null);
    // The request was saved by every status change and reply, and by each stage first marked overdue.
    const saves = steps.filter((step) => step.to !== null || step.kind === RequestHistoryKind.STAGE_OVERDUE).length - 1;

    batches.requests.add([
      id,
      at(steps[0].at),
      at(steps[steps.length - 1].at),
      String(request.number),
      request.direction,
      party.country,
      party.counterpart.id,
      party.channel,
      request.basis.instrument ?? NULL,
      request.basis.commitment ?? NULL,
      request.category,
      request.urgency,
      random.weighted<RequestConfidentiality>([
        [RequestConfidentiality.STANDARD, 60],
        [RequestConfidentiality.CONFIDENTIAL, 35],
        [RequestConfidentiality.STRICTLY_CONFIDENTIAL, 5],
      ]),
      text(request.subject),
      text(request.body),
      party.filer,
      party.filing.id,
      party.home.id,
      plan.status,
      deadline(RequestStage.ACKNOWLEDGE),
      deadline(RequestStage.DECIDE),
      deadline(RequestStage.EXECUTE),
      array(fired.overdueStages),
      at(plan.submitted),
      at(acknowledged),
      at(stepAt(RequestAction.ACCEPT)),
      at(stepAt(RequestAction.ANSWER)),
      at(plan.status === RequestStatus.LAPSED ? fired.lapsedAt : plan.endedAt),
      text(reference),
      text(reason),
      request.proposedFrom ?? NULL,
      plan.submitted === null ? NULL : this.policyJson,
      String(1 + saves),
    ]);

    let status: RequestStatus | null = null;
    for (const step of steps) {
      let details: Record<string, unknown> = step.details ?? {};
      if (step.kind === RequestHistoryKind.COUNTERPART_REPLY) {
        const own = step.action === RequestAction.ACKNOWLEDGE ? reference : null;
        details = { ...details, counterpartReference: own };
      }
      const from = step.to === null || step.kind === RequestHistoryKind.DRAFTED ? null : status;
      const row = [
        random.uuid(),
        id,
        at(step.at),
        step.actor ?? NULL,
        step.agency ?? NULL,
        step.kind,
        from ?? NULL,
        step.to ?? NULL,
      ];
      batches.events.add([...row, text(step.reason ?? null), json(details)], step.action ?? NULL);
      if (step.to) status = step.to;
    }
    if (request.formalDraft && fired.lapsedAt !== null) {
      const details = {
        formalRequestId: request.formalDraft.id,
        formalReference: requestReference(request.formalDraft),
      };
      const row = [
        random.uuid(),
        id,
        at(fired.lapsedAt + 3),
        NULL,
        NULL,
        RequestHistoryKind.FORMAL_CHANNEL_PROPOSED,
        NULL,
        NULL,
      ];
      batches.events.add([...row, NULL, json(details)]);
    }
    for (const victim of party.victims) batches.victims.add([id, victim.id]);
    if (request.basis.commitment) {
      const last = Math.max(steps[steps.length - 1].at, fired.lapsedAt ?? 0);
      this.commitmentActivity.set(
        request.basis.commitment,
        Math.max(this.commitmentActivity.get(request.basis.commitment) ?? 0, last),
      );
    }
    return fired.lapsedAt;
  }

  /**
   * The escalation ladders of the stages still running and of the one that ran out, and what their firings wrote
   * on the request (CrossBorderEscalationSubject.recordFiring): the ESCALATED lines, the overdue mark, and for an
   * informal request the lapse at the last rung.
   */
  private ladders(
    rungRows: CopyBatch,
    request: RequestSpec,
  ): { steps: Step[]; overdueStages: RequestStage[]; lapsedAt: number | null } {
    const { plan, party } = request;
    const result = { steps: [] as Step[], overdueStages: [] as RequestStage[], lapsedAt: null as number | null };
    if (!plan.deadlines || plan.submitted === null) return result;
    const stages = plan.status === RequestStatus.LAPSED ? [RequestStage.ACKNOWLEDGE] : (RUNNING[plan.status] ?? []);
    const audience = {
      assigneeUserId: party.filer,
      responsible: party.home,
      involved: [party.home, party.filing],
      attacheSupervisorId: this.directory.supervisorOf.get(party.filer) ?? null,
    };
    const reached = (rung: SettledRung) => reachedBy(rung.definition.targets, audience);
    const plannedAt = new Date(plan.submitted);
    for (const stage of stages) {
      const deadline = plan.deadlines[stage];
      const rungs = ladderAt(this.policy, deadline, request.calendar, plannedAt, this.now, this.random);
      const item = {
        itemType: CROSS_BORDER_ITEM_TYPE,
        itemId: request.id,
        deadlineKind: stage,
        deadlineVersion: 1,
        deadline,
        plannedAt,
        policyName: this.policy.name,
      };
      addRungRows(rungRows, this.random, item, rungs, reached);
      for (const rung of rungs) {
        if (rung.status !== RungStatus.FIRED || !rung.settledAt) continue;
        const firedAt = rung.settledAt.getTime();
        const { key, targets, action } = rung.definition;
        const details = {
          deadline: stage,
          rung: key,
          targets,
          deadlineVersion: 1,
          due: deadline.toISOString(),
          recipients: reached(rung),
        };
        const mark = { actor: null, agency: null, action: null, to: null };
        result.steps.push({ kind: RequestHistoryKind.ESCALATED, at: firedAt, ...mark, details });
        if (
          (action === RungAction.MARK_OVERDUE || action === RungAction.PROPOSE_FORMAL_CHANNEL) &&
          !result.overdueStages.includes(stage)
        ) {
          result.overdueStages.push(stage);
          result.steps.push({
            kind: RequestHistoryKind.STAGE_OVERDUE,
            at: firedAt + 1,
            ...mark,
            details: { stage, due: deadline.toISOString() },
          });
        }
        if (action === RungAction.PROPOSE_FORMAL_CHANNEL && INFORMAL_CHANNELS.includes(party.channel)) {
          result.lapsedAt = firedAt + 2;
          const details = { stage };
          result.steps.push({
            kind: RequestHistoryKind.TRANSITION,
            at: result.lapsedAt,
            ...mark,
            action: RequestAction.LAPSE,
            to: RequestStatus.LAPSED,
            details,
          });
        }
      }
    }
    return result;
  }
}

interface Plan {
  status: RequestStatus;
  steps: Step[];
  submitted: number | null;
  deadlines: Deadlines | null;
  /** A stage whose whole ladder ran out (formal requests stay open with it overdue). */
  overdue: RequestStage | null;
  endedAt: number | null;
}

interface RequestSpec {
  id: string;
  number: number;
  /** For a request that lapses: the formal request drafted from it. */
  formalDraft: { id: string; number: number } | null;
  party: Party;
  category: RequestCategory;
  urgency: RequestUrgency;
  direction: RequestDirection;
  basis: { instrument: string | null; commitment: string | null };
  subject: string;
  body: string;
  plan: Plan;
  proposedFrom: string | null;
  calendar: FastCalendar;
}
