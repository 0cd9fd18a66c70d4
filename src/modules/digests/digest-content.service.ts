import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { DataSource, EntityManager } from 'typeorm';

import { Clock } from '@app/kernel/clock';
import { RequestException } from '@app/kernel/domain.exception';
import { AppConfig } from '@app/config/app-config';
import { APP_CONFIG } from '@app/config/config.module';
import { runningStages } from '@app/modules/cross-border/cross-border.lifecycle';
import { RequestStage, RequestStatus } from '@app/modules/cross-border/cross-border.enums';
import { CROSS_BORDER_ITEM_TYPE, requestReference } from '@app/modules/cross-border/cross-border.constants';
import { REFERRAL_ITEM_TYPE, referralReference } from '@app/modules/referrals/referral.constants';
import { OPEN_STATUSES } from '@app/modules/tasks/task.lifecycle';
import { TaskStatus } from '@app/modules/tasks/task.enums';
import { TASK_ITEM_TYPE, taskReference } from '@app/modules/tasks/task.constants';
import { Role } from '@app/kernel/role.enum';

import {
  AgencyRankingItem,
  CrossBorderCountryGroup,
  DigestAudience,
  DigestContent,
  DigestItemKind,
  DueSoonItem,
  EscalationItem,
  OverdueItem,
  ReferralAwaitingItem,
  StalledCommitmentItem,
  WeekCounts,
} from './digest-content';
import { previousIsoWeek, WeekBounds, weekBounds } from './iso-week';

const DAY_MS = 86_400_000;
/** "Due soon": the deadline falls within this long after the digest's moment. */
const DUE_SOON_MS = 7 * DAY_MS;
/** The secretariat's ranking names at most this many agencies. */
const RANKING_SIZE = 20;

/** Which roles put a person in which digest audience; case officers read what their liaison reads. */
const AUDIENCE_ROLES: ReadonlyArray<[DigestAudience, readonly Role[]]> = [
  ['LIAISON', [Role.LIAISON, Role.CASE_OFFICER]],
  ['SUPERVISOR', [Role.SUPERVISOR]],
  ['SECRETARIAT', [Role.SECRETARIAT]],
  ['ATTACHE', [Role.ATTACHE]],
];

/** Requests still waiting for a stage (the counterpart's, or ours for an incoming one). */
const OPEN_REQUEST_STATUSES = [RequestStatus.SUBMITTED, RequestStatus.ACKNOWLEDGED, RequestStatus.ACCEPTED];

/**
 * SQL condition on a request alias: a stage whose deadline passed is still running. A stage marked overdue that
 * was done late since (acknowledged after its acknowledge-by) stays in overdue_stages as history, but the request
 * is no longer late for it. Built from the lifecycle table so the two never disagree.
 */
const overdueNowSql = (alias: string): string =>
  `${alias}.overdue_stages::text[] && (CASE ${alias}.status::text ${OPEN_REQUEST_STATUSES.map(
    (status) => `WHEN '${status}' THEN ARRAY[${runningStages(status).map((stage) => `'${stage}'`)}]`,
  ).join(' ')} ELSE ARRAY[]::text[] END)`;

const STAGE_DEADLINE: Record<RequestStage, 'acknowledgeBy' | 'decideBy' | 'executeBy'> = {
  ACKNOWLEDGE: 'acknowledgeBy',
  DECIDE: 'decideBy',
  EXECUTE: 'executeBy',
};

const ITEM_PATH: Record<DigestItemKind, string> = {
  TASK: 'tasks',
  REFERRAL: 'referrals',
  CROSS_BORDER_REQUEST: 'cross-border-requests',
};

interface RecipientRow {
  id: string;
  displayName: string;
  locale: 'id' | 'en';
  timeZone: string;
  agencyId: string;
  agencyAcronym: string;
  roles: Role[];
}

interface TaskRow {
  side: 'ASSIGNED_TO_US' | 'ASSIGNED_BY_US';
  id: string;
  number: number;
  status: TaskStatus;
  dueAt: Date;
  counterpartAgency: string;
}

interface ReferralRow {
  id: string;
  number: number;
  service: string;
  urgency: string;
  respondBy: Date;
  fromAgency: string;
}

interface RequestRow {
  id: string;
  number: number;
  status: RequestStatus;
  country: string;
  counterpartAgency: string;
  overdueStages: RequestStage[];
  acknowledgeBy: Date | null;
  decideBy: Date | null;
  executeBy: Date | null;
  outstandingSince: Date;
  filedByMe: boolean;
  ofMyAgency: boolean;
}

interface RungRow {
  kind: DigestItemKind;
  itemId: string;
  number: number;
  rungKey: string;
  firedAt: Date;
}

interface CountsRow {
  openedThisWeek: number;
  openedLastWeek: number;
  completedThisWeek: number;
  completedLastWeek: number;
  overdueNow: number;
  overdueEndOfLastWeek: number;
}

/** Who the digest is for and the instants it is computed against. */
interface Scope {
  userId: string;
  agencyId: string;
  audiences: DigestAudience[];
  now: Date;
  week: WeekBounds;
  lastWeek: WeekBounds;
}

/**
 * Computes what one person's weekly digest says (DOMAIN.md section 6), fresh from PostgreSQL, in one read-only
 * snapshot so that the sections and the counts agree. The number of queries is fixed (one per section family,
 * whatever the data), since this runs once per recipient for every recipient each week. Only reference numbers,
 * statuses, instants, agency acronyms and counts are read: never titles, bodies, reasons or anything of a victim.
 */
@Injectable()
export class DigestContentService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /**
   * The digest of `userId` for `isoWeek` (e.g. 2026-W48, read in the recipient's time zone) as it stands at
   * `now` (the clock's now by default): deadlines are judged at `now`, activity (escalations, counts) over the
   * week's [Monday 00:00, next Monday 00:00).
   */
  async compute(userId: string, isoWeek: string, now: Date = this.clock.now()): Promise<DigestContent> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      // Each query here reads a few index ranges: starting parallel workers for them costs more than it saves
      // (measured on 300,000 tasks: the escalation lookup took 130 ms with workers, 10 ms without), and the weekly
      // run does this for every recipient.
      await manager.query('SET TRANSACTION READ ONLY; SET LOCAL max_parallel_workers_per_gather = 0');
      const recipient = await this.recipient(manager, userId);
      const week = weekBounds(isoWeek, recipient.timeZone);
      const audiences = AUDIENCE_ROLES.filter(([, roles]) => roles.some((role) => recipient.roles.includes(role))).map(
        ([audience]) => audience,
      );
      const scope: Scope = {
        userId,
        agencyId: recipient.agencyId,
        audiences,
        now,
        week,
        lastWeek: weekBounds(previousIsoWeek(isoWeek), recipient.timeZone),
      };
      const content: DigestContent = {
        recipient: {
          userId,
          displayName: recipient.displayName,
          locale: recipient.locale,
          timeZone: recipient.timeZone,
          agencyId: recipient.agencyId,
          agencyAcronym: recipient.agencyAcronym,
          audiences,
        },
        week: { isoWeek, start: week.start.toISOString(), end: week.end.toISOString() },
        preferencesLink: `${this.config.publicUrl}/settings/notifications`,
        sections: {
          dueSoon: [],
          overdue: [],
          overdueByOthers: [],
          referralsAwaiting: [],
          crossBorder: [],
          escalations: [],
          stalledCommitments: [],
          agencyRanking: [],
        },
        counts: { thisWeek: emptyCounts(), lastWeek: emptyCounts() },
      };
      // Roles without a digest (administrators, auditors, counterparts, partners) are told nothing.
      if (audiences.length === 0) return content;
      await this.fill(manager, scope, recipient, content);
      return content;
    });
  }

  private async fill(
    manager: EntityManager,
    scope: Scope,
    recipient: RecipientRow,
    content: DigestContent,
  ): Promise<void> {
    const { sections } = content;
    const tasks = await this.tasks(manager, scope);
    const referrals = await this.referralsAwaiting(manager, scope);
    const requests = await this.requests(manager, scope);
    const rungs = await this.firedRungs(manager, scope);
    const counts = await this.counts(manager, scope);

    const mine = tasks.filter((task) => task.side === 'ASSIGNED_TO_US');
    sections.dueSoon = mine
      .filter((task) => task.dueAt >= scope.now)
      .map((task): DueSoonItem => ({
        kind: 'TASK',
        reference: taskReference(task),
        link: this.link('TASK', task.id),
        counterpartAgency: task.counterpartAgency,
        dueAt: task.dueAt.toISOString(),
        status: task.status,
      }));
    const overdueTasks = mine.filter((task) => task.dueAt < scope.now).map((task) => this.overdueTask(task, scope));
    const overdueReferrals = referrals
      .filter((referral) => referral.respondBy < scope.now)
      .map((referral): OverdueItem => ({
        kind: 'REFERRAL',
        reference: referralReference(referral),
        link: this.link('REFERRAL', referral.id),
        counterpartAgency: referral.fromAgency,
        dueAt: referral.respondBy.toISOString(),
        daysOverdue: wholeDays(scope.now, referral.respondBy),
      }));
    const overdueRequests = requests
      .filter((request) => request.ofMyAgency)
      .flatMap((request) => this.overdueRequest(request, scope));
    sections.overdue = [...overdueTasks, ...overdueReferrals, ...overdueRequests].sort(byDueThenReference);
    sections.overdueByOthers = tasks
      .filter((task) => task.side === 'ASSIGNED_BY_US')
      .map((task) => this.overdueTask(task, scope));

    sections.referralsAwaiting = referrals.map((referral): ReferralAwaitingItem => ({
      reference: referralReference(referral),
      link: this.link('REFERRAL', referral.id),
      fromAgency: referral.fromAgency,
      service: referral.service,
      urgency: referral.urgency,
      respondBy: referral.respondBy.toISOString(),
    }));

    const has = (audience: DigestAudience) => scope.audiences.includes(audience);
    const homeSide = has('LIAISON') || has('SUPERVISOR');
    sections.crossBorder = this.crossBorderGroups(
      requests.filter((request) => (has('ATTACHE') && request.filedByMe) || (homeSide && request.ofMyAgency)),
      scope,
    );

    const thisWeekRungs = rungs.filter((rung) => rung.firedAt >= scope.week.start);
    sections.escalations = thisWeekRungs.map((rung): EscalationItem => ({
      kind: rung.kind,
      reference: itemReference(rung.kind, rung.number),
      link: this.link(rung.kind, rung.itemId),
      rungKey: rung.rungKey,
      firedAt: rung.firedAt.toISOString(),
    }));

    sections.stalledCommitments = await this.stalledCommitments(manager, scope, has('SECRETARIAT'));
    if (has('SECRETARIAT')) sections.agencyRanking = await this.agencyRanking(manager, scope, recipient.timeZone);

    content.counts = {
      thisWeek: {
        tasksOpened: counts.openedThisWeek,
        tasksCompleted: counts.completedThisWeek,
        overdueNow: counts.overdueNow,
        escalationsFired: thisWeekRungs.length,
      },
      lastWeek: {
        tasksOpened: counts.openedLastWeek,
        tasksCompleted: counts.completedLastWeek,
        overdueNow: counts.overdueEndOfLastWeek,
        escalationsFired: rungs.length - thisWeekRungs.length,
      },
    };
  }

  private async recipient(manager: EntityManager, userId: string): Promise<RecipientRow> {
    const rows: RecipientRow[] = await manager.query(
      `SELECT u.id, u.display_name AS "displayName", u.locale::text AS locale, u.time_zone AS "timeZone",
              u.agency_id AS "agencyId", a.acronym AS "agencyAcronym", u.roles::text[] AS roles
         FROM app_user u JOIN agency a ON a.id = u.agency_id
        WHERE u.id = $1`,
      [userId],
    );
    if (rows.length === 0) throw RequestException.notFound('User', userId);
    return rows[0];
  }

  /**
   * Open tasks of the agency due before the end of the "due soon" window (due soon and overdue alike), and open
   * tasks the agency asked of another agency that are overdue there. A supervisor sees all of the agency's
   * tasks; everyone else the tasks named for them and those named for nobody (the agency's shared queue).
   */
  private tasks(manager: EntityManager, scope: Scope): Promise<TaskRow[]> {
    return manager.query(
      `SELECT 'ASSIGNED_TO_US' AS side, t.id, t.number, t.status::text AS status, t.due_at AS "dueAt",
              assigning.acronym AS "counterpartAgency"
         FROM task t JOIN agency assigning ON assigning.id = t.assigning_agency_id
        WHERE t.assignee_agency_id = $1 AND t.status = ANY($3::task_status[]) AND t.due_at < $5
          AND ($6::boolean OR t.assignee_user_id IS NULL OR t.assignee_user_id = $2)
       UNION ALL
       SELECT 'ASSIGNED_BY_US', t.id, t.number, t.status::text, t.due_at, assignee.acronym
         FROM task t JOIN agency assignee ON assignee.id = t.assignee_agency_id
        WHERE t.assigning_agency_id = $1 AND t.assignee_agency_id <> $1 AND t.status = ANY($3::task_status[])
          AND t.due_at < $4
        ORDER BY "dueAt", number`,
      [
        scope.agencyId,
        scope.userId,
        OPEN_STATUSES,
        scope.now,
        new Date(scope.now.getTime() + DUE_SOON_MS),
        scope.audiences.includes('SUPERVISOR'),
      ],
    );
  }

  /** Referrals waiting for the agency's answer, most pressing first (the deadline, then the urgency). */
  private referralsAwaiting(manager: EntityManager, scope: Scope): Promise<ReferralRow[]> {
    return manager.query(
      `SELECT r.id, r.number, r.service::text AS service, r.urgency::text AS urgency, r.respond_by AS "respondBy",
              sender.acronym AS "fromAgency"
         FROM referral r JOIN agency sender ON sender.id = r.from_agency_id
        WHERE r.recipient_agency_id = $1 AND r.status = 'PROPOSED'
        ORDER BY r.respond_by, CASE r.urgency WHEN 'EMERGENCY' THEN 0 WHEN 'HIGH' THEN 1 ELSE 2 END, r.number`,
      [scope.agencyId],
    );
  }

  /**
   * Open requests of the agency (filed by it, or on its behalf) and those the recipient filed, by country and
   * counterpart. Both directions: for an incoming request the stage still owed is the home agency's.
   */
  private requests(manager: EntityManager, scope: Scope): Promise<RequestRow[]> {
    return manager.query(
      `SELECT c.id, c.number, c.status::text AS status, c.counterpart_country AS country,
              counterpart.acronym AS "counterpartAgency", c.overdue_stages::text[] AS "overdueStages",
              c.acknowledge_by AS "acknowledgeBy", c.decide_by AS "decideBy", c.execute_by AS "executeBy",
              COALESCE(c.submitted_at, c.created_at) AS "outstandingSince",
              c.filed_by_user_id = $2 AS "filedByMe",
              (c.on_behalf_of_agency_id = $1 OR c.filing_agency_id = $1) AS "ofMyAgency"
         FROM cross_border_request c JOIN agency counterpart ON counterpart.id = c.counterpart_agency_id
        WHERE c.status = ANY($3::cross_border_status[])
          AND (c.on_behalf_of_agency_id = $1 OR c.filing_agency_id = $1 OR c.filed_by_user_id = $2)
        ORDER BY c.counterpart_country, counterpart.acronym, "outstandingSince", c.number`,
      [scope.agencyId, scope.userId, OPEN_REQUEST_STATUSES],
    );
  }

  /**
   * Escalation rungs that fired in this week or last week on the agency's items: tasks assigned to it (a named
   * assignee is always one of its people), referrals sent to it, requests it filed or that were filed for it.
   * Reminders (rungs before the deadline) are not escalations and are left out.
   *
   * A rung fires only while its item is open (finishing an item cancels what is pending), so a task completed
   * before the period cannot have fired in it: the years of done tasks an agency accumulates are not looked
   * into (completed_at and settled_at are both the application's clock).
   */
  private firedRungs(manager: EntityManager, scope: Scope): Promise<RungRow[]> {
    return manager.query(
      `SELECT e.item_type AS kind, e.item_id AS "itemId", item.number, e.rung_key AS "rungKey",
              e.settled_at AS "firedAt"
         FROM escalation_rung e
         JOIN (SELECT $4::text AS item_type, t.id, t.number FROM task t
                WHERE t.assignee_agency_id = $1 AND (t.status <> $7 OR t.completed_at IS NULL OR t.completed_at >= $2)
               UNION ALL
               SELECT $5::text, r.id, r.number FROM referral r WHERE r.recipient_agency_id = $1
               UNION ALL
               SELECT $6::text, c.id, c.number FROM cross_border_request c
                WHERE c.on_behalf_of_agency_id = $1 OR c.filing_agency_id = $1) item
           ON item.item_type = e.item_type AND item.id = e.item_id
        WHERE e.status = 'FIRED' AND e.settled_at >= $2 AND e.settled_at < $3 AND e.fire_at >= e.deadline_at
        ORDER BY e.settled_at, e.item_type, item.number, e.rung_index`,
      [
        scope.agencyId,
        scope.lastWeek.start,
        scope.week.end,
        TASK_ITEM_TYPE,
        REFERRAL_ITEM_TYPE,
        CROSS_BORDER_ITEM_TYPE,
        TaskStatus.DONE,
      ],
    );
  }

  /** Commitments that stalled: the agency's own, or every one for a secretariat. Oldest activity first. */
  private async stalledCommitments(
    manager: EntityManager,
    scope: Scope,
    all: boolean,
  ): Promise<StalledCommitmentItem[]> {
    const rows: { code: string; instrumentCode: string; ownerAgency: string | null; lastActivityAt: Date | null }[] =
      await manager.query(
        `SELECT c.code, i.code AS "instrumentCode", owner.acronym AS "ownerAgency", c.last_activity_at AS "lastActivityAt"
           FROM agreement_commitment c
           JOIN legal_instrument i ON i.id = c.instrument_id
           LEFT JOIN agency owner ON owner.id = c.owner_agency_id
          WHERE c.status = 'STALLED' AND ($2::boolean OR c.owner_agency_id = $1)
          ORDER BY c.last_activity_at ASC NULLS FIRST, c.code`,
        [scope.agencyId, all],
      );
    return rows.map((row) => ({ ...row, lastActivityAt: row.lastActivityAt?.toISOString() ?? null }));
  }

  /**
   * The secretariat's view: every agency holding a role (member, chair, partner …) in a task-force unit whose
   * secretariat the recipient's agency holds, both on the digest's day in the recipient's time zone, ranked by
   * overdue work: open tasks past due at the agency, referrals still unanswered past their respond-by, and its
   * requests with a running stage overdue. Agencies with nothing overdue are left out.
   */
  private agencyRanking(manager: EntityManager, scope: Scope, timeZone: string): Promise<AgencyRankingItem[]> {
    const today = DateTime.fromJSDate(scope.now, { zone: timeZone }).toISODate();
    return manager.query(
      `WITH members AS (
         SELECT DISTINCT member.agency_id
           FROM membership secretariat
           JOIN membership member ON member.unit_id = secretariat.unit_id
          WHERE secretariat.agency_id = $1 AND secretariat.role = 'SECRETARIAT'
            AND secretariat.valid_from <= $2::date AND (secretariat.valid_to IS NULL OR secretariat.valid_to > $2::date)
            AND member.valid_from <= $2::date AND (member.valid_to IS NULL OR member.valid_to > $2::date)),
       -- Late requests are few: counted once for every agency (filing or home), not scanned again per member.
       late_requests AS (
         SELECT side.agency_id, count(DISTINCT c.id)::int AS n
           FROM cross_border_request c
           CROSS JOIN LATERAL (VALUES (c.on_behalf_of_agency_id), (c.filing_agency_id)) side(agency_id)
          WHERE c.status = ANY($5::cross_border_status[]) AND ${overdueNowSql('c')}
          GROUP BY side.agency_id)
       SELECT a.acronym AS agency, tasks.n AS "overdueTasks", referrals.n AS "overdueReferrals",
              COALESCE(requests.n, 0) AS "overdueRequests", tasks.n + referrals.n + COALESCE(requests.n, 0) AS total
         FROM members m
         JOIN agency a ON a.id = m.agency_id
         CROSS JOIN LATERAL (
           SELECT count(*)::int AS n FROM task t
            WHERE t.assignee_agency_id = m.agency_id AND t.status = ANY($4::task_status[]) AND t.due_at < $3) tasks
         CROSS JOIN LATERAL (
           SELECT count(*)::int AS n FROM referral r
            WHERE r.recipient_agency_id = m.agency_id AND r.status = 'PROPOSED' AND r.respond_by < $3) referrals
         LEFT JOIN late_requests requests ON requests.agency_id = m.agency_id
        WHERE tasks.n + referrals.n + COALESCE(requests.n, 0) > 0
        ORDER BY total DESC, a.acronym, a.code
        LIMIT ${RANKING_SIZE}`,
      [scope.agencyId, today, scope.now, OPEN_STATUSES, OPEN_REQUEST_STATUSES],
    );
  }

  /**
   * Task figures of the agency for this week and last week. Opened: created in the week, assigned to or by the
   * agency. Completed: tasks assigned to the agency that were completed in the week (once each, however often).
   * Overdue: the agency's open tasks past due at the digest's moment, and at the end of last week. For last
   * week, each task's status then is read from its history (a task untouched since had the status it has now);
   * its due date and assignee are taken as they are now, so a task re-dated or reassigned since is judged by its
   * current ones (an approximation, documented).
   *
   * Only tasks written since a moment can have history after it: a status change saves the task (updated_at) in
   * the transaction that writes the history line, on the same database clock. So the history of an agency's
   * untouched tasks is never read, which keeps this cheap for agencies with years of closed tasks.
   */
  private async counts(manager: EntityManager, scope: Scope): Promise<CountsRow> {
    const endOfLastWeek = new Date(Math.min(scope.lastWeek.end.getTime(), scope.now.getTime()));
    const rows: CountsRow[] = await manager.query(
      `WITH opened AS (
         SELECT count(*) FILTER (WHERE t.created_at >= $3)::int AS this_week,
                count(*) FILTER (WHERE t.created_at < $3)::int AS last_week
           FROM task t
          WHERE (t.assignee_agency_id = $1 OR t.assigning_agency_id = $1) AND t.created_at >= $2 AND t.created_at < $4),
       completed AS (
         SELECT count(*) FILTER (WHERE done.this_week)::int AS this_week,
                count(*) FILTER (WHERE done.last_week)::int AS last_week
           FROM task t
           CROSS JOIN LATERAL (
             SELECT bool_or(e.occurred_at >= $3) AS this_week, bool_or(e.occurred_at < $3) AS last_week
               FROM work_item_event e
              WHERE e.item_id = t.id AND e.item_type = 'TASK' AND e.kind = 'TRANSITION' AND e.to_status = $8
                AND e.occurred_at >= $2 AND e.occurred_at < $4) done
          WHERE t.assignee_agency_id = $1 AND t.updated_at >= $2::timestamptz - interval '1 hour'),
       overdue_now AS (
         SELECT count(*)::int AS n FROM task t
          WHERE t.assignee_agency_id = $1 AND t.status = ANY($5::task_status[]) AND t.due_at < $6),
       overdue_then AS (
         SELECT count(*)::int AS n
           FROM task t
           LEFT JOIN LATERAL (
             SELECT e.to_status FROM work_item_event e
              WHERE t.updated_at >= $7 AND e.item_id = t.id AND e.item_type = 'TASK' AND e.to_status IS NOT NULL AND e.occurred_at < $7
              ORDER BY e.occurred_at DESC LIMIT 1) then_status ON TRUE
          WHERE t.assignee_agency_id = $1 AND t.created_at < $7 AND t.due_at < $7
            AND (CASE WHEN t.updated_at < $7 THEN t.status::text ELSE COALESCE(then_status.to_status, $9) END)
                = ANY($10::text[]))
       SELECT opened.this_week AS "openedThisWeek", opened.last_week AS "openedLastWeek",
              completed.this_week AS "completedThisWeek", completed.last_week AS "completedLastWeek",
              overdue_now.n AS "overdueNow", overdue_then.n AS "overdueEndOfLastWeek"
         FROM opened, completed, overdue_now, overdue_then`,
      [
        scope.agencyId,
        scope.lastWeek.start,
        scope.week.start,
        scope.week.end,
        OPEN_STATUSES,
        scope.now,
        endOfLastWeek,
        TaskStatus.DONE,
        TaskStatus.OPEN,
        OPEN_STATUSES,
      ],
    );
    return rows[0];
  }

  private overdueTask(task: TaskRow, scope: Scope): OverdueItem {
    return {
      kind: 'TASK',
      reference: taskReference(task),
      link: this.link('TASK', task.id),
      counterpartAgency: task.counterpartAgency,
      dueAt: task.dueAt.toISOString(),
      daysOverdue: wholeDays(scope.now, task.dueAt),
    };
  }

  /** A request is overdue while one of its running stages is; it is late since the earliest such deadline. */
  private overdueRequest(request: RequestRow, scope: Scope): OverdueItem[] {
    const deadlines = runningStages(request.status)
      .filter((stage) => request.overdueStages.includes(stage))
      .map((stage) => request[STAGE_DEADLINE[stage]])
      .filter((deadline): deadline is Date => deadline !== null)
      .sort((a, b) => a.getTime() - b.getTime());
    if (deadlines.length === 0) return [];
    return [
      {
        kind: 'CROSS_BORDER_REQUEST',
        reference: requestReference(request),
        link: this.link('CROSS_BORDER_REQUEST', request.id),
        counterpartAgency: request.counterpartAgency,
        dueAt: deadlines[0].toISOString(),
        daysOverdue: wholeDays(scope.now, deadlines[0]),
      },
    ];
  }

  /** Requests (already ordered by country, counterpart, age) grouped per country. */
  private crossBorderGroups(requests: RequestRow[], scope: Scope): CrossBorderCountryGroup[] {
    const groups: CrossBorderCountryGroup[] = [];
    for (const request of requests) {
      const openStage = runningStages(request.status)[0] ?? null;
      let group = groups.at(-1);
      if (group?.country !== request.country) {
        group = { country: request.country, requests: [] };
        groups.push(group);
      }
      group.requests.push({
        reference: requestReference(request),
        link: this.link('CROSS_BORDER_REQUEST', request.id),
        counterpartAgency: request.counterpartAgency,
        status: request.status,
        openStage,
        daysOutstanding: wholeDays(scope.now, request.outstandingSince),
        overdue: openStage !== null && request.overdueStages.includes(openStage),
      });
    }
    return groups;
  }

  private link(kind: DigestItemKind, id: string): string {
    return `${this.config.publicUrl}/${ITEM_PATH[kind]}/${id}`;
  }
}

function emptyCounts(): WeekCounts {
  return { tasksOpened: 0, tasksCompleted: 0, overdueNow: 0, escalationsFired: 0 };
}

/** Whole days from `since` to `until` (0 when less than a day, or when `since` is later). */
function wholeDays(until: Date, since: Date): number {
  return Math.max(0, Math.floor((until.getTime() - since.getTime()) / DAY_MS));
}

function itemReference(kind: DigestItemKind, number: number): string {
  switch (kind) {
    case 'TASK':
      return taskReference({ number });
    case 'REFERRAL':
      return referralReference({ number });
    case 'CROSS_BORDER_REQUEST':
      return requestReference({ number });
  }
}

const KIND_ORDER: Record<DigestItemKind, number> = { TASK: 0, REFERRAL: 1, CROSS_BORDER_REQUEST: 2 };

/** Longest overdue first; ties by kind, then reference. */
function byDueThenReference(a: OverdueItem, b: OverdueItem): number {
  return (
    a.dueAt.localeCompare(b.dueAt) || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.reference.localeCompare(b.reference)
  );
}
