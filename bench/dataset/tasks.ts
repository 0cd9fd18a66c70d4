import { Client } from 'pg';

import { PolicySnapshot, RungStatus } from '@app/modules/escalations/escalation.types';
import { TaskAction, TaskForceDuty, TaskPillar, TaskPriority, TaskStatus } from '@app/modules/tasks/task.enums';
import { TASK_DEADLINE_KIND, TASK_ITEM_TYPE, TaskHistoryKind } from '@app/modules/tasks/task.constants';

import { Calendars, FastCalendar } from './calendars';
import { breathe, CopyBatch, instant, json, LoadPipeline, NULL, text } from './copy';
import { HistoryBatch } from './history';
import { Directory, Office } from './directory';
import { addRungRows, ladderAt, ladderDoneBy, reachedBy, RUNG_COLUMNS, SettledRung } from './ladders';
import { SeededRandom, WeightedPicker } from './random';
import { BLOCK_REASONS, CANCEL_REASONS, COMPLETE_NOTES, REOPEN_REASONS, taskDescription, taskTitle } from './texts';

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/** Tasks generated before the rows go to PostgreSQL; the next batch is generated while this one loads. */
const BATCH_TASKS = 20_000;

export const TASK_COLUMNS = [
  'id',
  'created_at',
  'updated_at',
  'number',
  'assigning_agency_id',
  'assignee_agency_id',
  'assignee_user_id',
  'created_by_user_id',
  'title',
  'description',
  'pillar',
  'duty',
  'priority',
  'status',
  'due_at',
  'deadline_version',
  'blocked_reason',
  'completed_at',
  'escalation_policy',
  'version',
];
/** Where a task ends up: closed (60 %), or open with its due date ahead (30 %) or passed (10 %). */
type Fate = 'DONE' | 'CANCELLED' | 'UPCOMING' | 'OVERDUE';
const FATES: [Fate, number][] = [
  ['DONE', 51],
  ['CANCELLED', 9],
  ['UPCOMING', 30],
  ['OVERDUE', 10],
];

/** The open statuses (task-state-machine.ts OPEN_STATUSES) and the actions that lead to each from OPEN. */
const OPEN_PATHS: [TaskAction[], number][] = [
  [[], 30],
  [[TaskAction.ACKNOWLEDGE], 22],
  [[TaskAction.ACKNOWLEDGE, TaskAction.START], 30],
  [[TaskAction.ACKNOWLEDGE, TaskAction.START, TaskAction.BLOCK, TaskAction.UNBLOCK], 5],
  [[TaskAction.ACKNOWLEDGE, TaskAction.START, TaskAction.BLOCK], 8],
  [[TaskAction.ACKNOWLEDGE, TaskAction.START, TaskAction.COMPLETE, TaskAction.REOPEN], 5],
];
const DONE_PATHS: [TaskAction[], number][] = [
  [[TaskAction.ACKNOWLEDGE, TaskAction.START, TaskAction.COMPLETE], 88],
  [[TaskAction.ACKNOWLEDGE, TaskAction.START, TaskAction.BLOCK, TaskAction.UNBLOCK, TaskAction.COMPLETE], 12],
];
const CANCEL_PATHS: [TaskAction[], number][] = [
  [[TaskAction.CANCEL], 50],
  [[TaskAction.ACKNOWLEDGE, TaskAction.CANCEL], 25],
  [[TaskAction.ACKNOWLEDGE, TaskAction.START, TaskAction.CANCEL], 25],
];
const STATUS_AFTER: Record<TaskAction, TaskStatus> = {
  ACKNOWLEDGE: TaskStatus.ACKNOWLEDGED,
  DECLINE: TaskStatus.DECLINED,
  START: TaskStatus.IN_PROGRESS,
  BLOCK: TaskStatus.BLOCKED,
  UNBLOCK: TaskStatus.IN_PROGRESS,
  COMPLETE: TaskStatus.DONE,
  CANCEL: TaskStatus.CANCELLED,
  REOPEN: TaskStatus.REOPENED,
  REASSIGN: TaskStatus.OPEN,
};
/** Actions the assigning agency takes; the assignee takes the others. */
const ASSIGNER_ACTIONS = new Set([TaskAction.CANCEL, TaskAction.REOPEN]);

const PILLARS: [TaskPillar, number][] = [
  [TaskPillar.PROTECTION, 40],
  [TaskPillar.PREVENTION, 25],
  [TaskPillar.PROSECUTION, 25],
  [TaskPillar.PARTNERSHIP, 10],
];
const DUTIES: Record<TaskPillar, [TaskForceDuty, number][]> = {
  PROTECTION: [
    [TaskForceDuty.VICTIM_MONITORING, 6],
    [TaskForceDuty.COORDINATION, 4],
  ],
  PREVENTION: [
    [TaskForceDuty.TRAINING_AND_COOPERATION, 6],
    [TaskForceDuty.COORDINATION, 4],
  ],
  PROSECUTION: [
    [TaskForceDuty.LEGAL_DEVELOPMENT, 4],
    [TaskForceDuty.COORDINATION, 6],
  ],
  PARTNERSHIP: [
    [TaskForceDuty.COORDINATION, 5],
    [TaskForceDuty.REPORTING_AND_EVALUATION, 5],
  ],
};
const PRIORITIES: [TaskPriority, number][] = [
  [TaskPriority.NORMAL, 60],
  [TaskPriority.HIGH, 20],
  [TaskPriority.LOW, 12],
  [TaskPriority.URGENT, 8],
];

interface Batches {
  tasks: CopyBatch;
  events: CopyBatch;
  rungs: CopyBatch;
}

export interface TaskCounts {
  task: number;
  task_event: number;
  escalation_rung: number;
}

/**
 * Tasks between agencies at national scale, with their history and, for open ones, their escalation ladders.
 *
 * Who: the assignee is drawn by the offices' weights (5 % headquarters, the rest regional offices); the assigner
 * is mostly an office of the same province, sometimes headquarters. When: open tasks are either overdue (due
 * 10 days to 4 months ago, their whole ladder run: FIRED or SKIPPED) or due at least 5 days ahead (every rung
 * SCHEDULED beyond the sweep horizon); closed tasks finished before their first reminder, so their ladders were
 * cancelled before anything fired (those CANCELLED rungs are not generated). A share of creations, completions
 * and firings falls in the last two weeks, so weekly digests have something to say.
 */
export class TaskGenerator {
  private readonly regional: WeightedPicker<Office>;
  private readonly headquarters: WeightedPicker<Office>;
  private readonly byProvince = new Map<string, WeightedPicker<Office>>();
  private readonly anyRegional: Office[];
  private nextNumber: number;
  private readonly policyJson: string;

  constructor(
    private readonly directory: Directory,
    private readonly calendars: Calendars,
    private readonly policy: PolicySnapshot,
    private readonly random: SeededRandom,
    private readonly now: Date,
    firstNumber: number,
  ) {
    const takesTasks = directory.offices.filter(
      (office) => office.country === 'ID' && office.staff.liaisons.length > 0,
    );
    const regional = takesTasks.filter((office) => office.level === 'PROVINCE' || office.level === 'REGENCY_CITY');
    const headquarters = takesTasks.filter((office) => office.level === 'NATIONAL' || office.level === 'ABROAD');
    this.regional = new WeightedPicker(
      regional,
      regional.map((office) => office.weight),
    );
    this.headquarters = new WeightedPicker(
      headquarters,
      headquarters.map((office) => office.weight),
    );
    const provinces = new Map<string, Office[]>();
    for (const office of regional) {
      const code = office.province?.code as string;
      provinces.set(code, [...(provinces.get(code) ?? []), office]);
    }
    for (const [code, offices] of provinces) {
      this.byProvince.set(
        code,
        new WeightedPicker(
          offices,
          offices.map((office) => office.weight),
        ),
      );
    }
    this.anyRegional = regional;
    this.nextNumber = firstNumber;
    this.policyJson = json(policy);
  }

  /** Generates and loads `count` tasks; generation of a batch overlaps the loading of the previous one. */
  async load(clients: { tasks: Client; events: Client; rungs: Client }, count: number): Promise<TaskCounts> {
    const counts: TaskCounts = { task: 0, task_event: 0, escalation_rung: 0 };
    const pipeline = new LoadPipeline();
    for (let done = 0; done < count;) {
      const size = Math.min(BATCH_TASKS, count - done);
      const batches: Batches = {
        tasks: new CopyBatch('task', TASK_COLUMNS),
        events: new HistoryBatch(TASK_ITEM_TYPE, true),
        rungs: new CopyBatch('escalation_rung', RUNG_COLUMNS),
      };
      for (let i = 0; i < size; i++) {
        this.addTask(batches);
        if (i % 1_000 === 999) await breathe();
      }
      done += size;
      await pipeline.submit(
        async () => {
          const [tasks, rungs] = await Promise.all([
            batches.tasks.copyTo(clients.tasks),
            batches.rungs.copyTo(clients.rungs),
          ]);
          counts.task += tasks;
          counts.escalation_rung += rungs;
        },
        // After the tasks are committed: their history references them.
        async () => {
          counts.task_event += await batches.events.copyTo(clients.events);
        },
      );
    }
    await pipeline.drain();
    return counts;
  }

  /** The number of the last task generated (the sequence continues after it). */
  get lastNumber(): number {
    return this.nextNumber - 1;
  }

  /**
   * The next `count` tasks go to `officeId` and are open: the benchmark liaison's queue holds a full page from
   * the first growth reading on, so benchmark D compares the same page over a small and a large database.
   */
  focusOn(officeId: string, count: number): void {
    const office = this.anyRegional.find((candidate) => candidate.id === officeId);
    if (!office) throw new Error(`focusOn: ${officeId} is not a regional office that takes tasks`);
    this.focus = { office, remaining: count };
  }

  private focus: { office: Office; remaining: number } | undefined;

  private addTask(batches: Batches): void {
    const random = this.random;
    const focused = this.focus && this.focus.remaining-- > 0 ? this.focus.office : undefined;
    const assignee = focused ?? (random.chance(0.05) ? this.headquarters.pick(random) : this.regional.pick(random));
    const assigner = this.assignerFor(assignee);
    const creator = random.pick(assigner.staff.liaisons);
    const assigneeUser = random.chance(0.35) ? this.staffMember(assignee) : null;
    const calendar = this.calendars.of(assignee.country, assignee.timeZone);
    let fate = random.weighted(FATES);
    while (focused && (fate === 'DONE' || fate === 'CANCELLED')) fate = random.weighted(FATES);
    const now = this.now.getTime();

    let created: number;
    let due: Date;
    let path: TaskAction[];
    let steps: number[];
    if (fate === 'DONE' || fate === 'CANCELLED') {
      created = now - (random.chance(0.15) ? random.between(0.5, 30) : random.between(30, 730)) * DAY_MS;
      path = random.weighted(fate === 'DONE' ? DONE_PATHS : CANCEL_PATHS);
      steps = this.stepTimes(
        created,
        path.length,
        Math.min(now - 10 * MINUTE_MS, created + random.between(1, 30) * DAY_MS),
      );
      // Closed before the first reminder: the ladder was cancelled with nothing fired.
      due = this.dueAround(calendar, steps[steps.length - 1] + random.between(2.2, 20) * DAY_MS);
    } else if (fate === 'UPCOMING') {
      // Open work accumulates over months: 40 % of a million tasks cannot all be a few weeks old.
      const ahead = random.chance(0.25) ? random.between(5.1, 7) : random.between(7, 75);
      due = this.dueAround(calendar, now + ahead * DAY_MS);
      created = now - random.between(10 * MINUTE_MS, 120 * DAY_MS);
      path = random.weighted(OPEN_PATHS);
      steps = this.stepTimes(created, path.length, now - MINUTE_MS);
    } else {
      due = this.dueAround(calendar, now - random.between(10, 120) * DAY_MS);
      // Overdue long enough for the whole ladder (5 working days after the due date) to have run.
      while (!ladderDoneBy(this.policy, due, calendar, new Date(now - HOUR_MS)))
        due = new Date(due.getTime() - 3 * DAY_MS);
      created = due.getTime() - random.between(2, 40) * DAY_MS;
      path = random.weighted(OPEN_PATHS.filter(([actions]) => !actions.includes(TaskAction.REOPEN)));
      steps = this.stepTimes(created, path.length, now - MINUTE_MS);
    }

    const id = random.uuid();
    const status = path.length > 0 ? STATUS_AFTER[path[path.length - 1]] : TaskStatus.OPEN;
    const completeAt = path.includes(TaskAction.COMPLETE) ? steps[path.indexOf(TaskAction.COMPLETE)] : null;
    const reopened = path.includes(TaskAction.REOPEN);
    const updated = steps.length > 0 ? steps[steps.length - 1] : created;
    const pillar = random.weighted(PILLARS);
    const place = assignee.placeName ?? assigner.placeName ?? random.pick(this.directory.regencies).nameId;
    const blockedReason = status === TaskStatus.BLOCKED ? random.pick(BLOCK_REASONS) : null;

    batches.tasks.add([
      id,
      instant(new Date(created)),
      instant(new Date(updated)),
      String(this.nextNumber++),
      assigner.id,
      assignee.id,
      assigneeUser ?? NULL,
      creator,
      text(taskTitle(random, pillar, place)),
      text(taskDescription(random)),
      pillar,
      random.weighted(DUTIES[pillar]),
      random.weighted(PRIORITIES),
      status,
      instant(due),
      reopened ? '2' : '1',
      text(blockedReason),
      instant(completeAt === null ? null : new Date(completeAt)),
      this.policyJson,
      String(1 + path.length),
    ]);

    const event = (at: number, actor: string | null, agency: string | null, kind: TaskHistoryKind, rest: string[]) =>
      batches.events.add([random.uuid(), id, instant(new Date(at)), actor ?? NULL, agency ?? NULL, kind, ...rest]);
    event(created, creator, assigner.id, TaskHistoryKind.CREATED, [NULL, NULL, TaskStatus.OPEN, NULL, '{}']);
    const assigneeActor =
      assigneeUser && assignee.staff.liaisons.includes(assigneeUser)
        ? assigneeUser
        : random.pick(assignee.staff.liaisons);
    let from = TaskStatus.OPEN;
    path.forEach((action, index) => {
      const byAssigner = ASSIGNER_ACTIONS.has(action);
      const to = STATUS_AFTER[action];
      const reason = this.reasonFor(action, to === status ? blockedReason : null);
      const [actor, agency] = byAssigner ? [creator, assigner.id] : [assigneeActor, assignee.id];
      event(steps[index], actor, agency, TaskHistoryKind.TRANSITION, [action, from, to, text(reason), '{}']);
      from = to;
    });

    // Open tasks run a ladder since creation; a reopened one since its reopening (the first was cancelled when it
    // was completed, days before its due date, so nothing of it fired).
    if (fate === 'UPCOMING' || fate === 'OVERDUE') {
      const plannedAt = new Date(reopened ? steps[steps.length - 1] : created);
      this.addLadder(batches, calendar, {
        id,
        due,
        plannedAt,
        version: reopened ? 2 : 1,
        assignee,
        assigner,
        assigneeUser,
      });
    }
  }

  /** A liaison or case officer of the office (a task's named assignee). */
  private staffMember(office: Office): string {
    const { liaisons, caseOfficers } = office.staff;
    const index = Math.floor(this.random.next() * (liaisons.length + caseOfficers.length));
    return index < liaisons.length ? liaisons[index] : caseOfficers[index - liaisons.length];
  }

  /** Mostly an office of the assignee's province; otherwise headquarters or an office elsewhere. */
  private assignerFor(assignee: Office): Office {
    const random = this.random;
    for (let attempt = 0; attempt < 10; attempt++) {
      const draw = random.next();
      const sameProvince = assignee.province ? this.byProvince.get(assignee.province.code) : undefined;
      const candidate =
        assignee.level === 'NATIONAL' || assignee.level === 'ABROAD'
          ? draw < 0.7
            ? this.regional.pick(random)
            : this.headquarters.pick(random)
          : draw < 0.78 && sameProvince
            ? sameProvince.pick(random)
            : draw < 0.9
              ? this.headquarters.pick(random)
              : random.pick(this.anyRegional);
      if (candidate.id !== assignee.id) return candidate;
    }
    return this.headquarters.pick(random);
  }

  /** `count` moments after `from`, in order, none later than `until`. */
  private stepTimes(from: number, count: number, until: number): number[] {
    return this.random.sortedBetween(from + MINUTE_MS, Math.max(from + 2 * MINUTE_MS, until), count);
  }

  /** A due date as assigners set them: a round office hour, on a working day of the assignee, not before `from`. */
  private dueAround(calendar: FastCalendar, from: number): Date {
    const onTheDay = calendar.atLocalHour(from, this.random.int(9, 17)).getTime();
    return calendar.rollToWorkingDay(new Date(onTheDay < from ? onTheDay + DAY_MS : onTheDay));
  }

  private reasonFor(action: TaskAction, blockedReason: string | null): string | null {
    const random = this.random;
    switch (action) {
      case TaskAction.BLOCK:
        return blockedReason ?? random.pick(BLOCK_REASONS);
      case TaskAction.CANCEL:
        return random.pick(CANCEL_REASONS);
      case TaskAction.REOPEN:
        return random.pick(REOPEN_REASONS);
      case TaskAction.COMPLETE:
        return random.chance(0.5) ? random.pick(COMPLETE_NOTES) : null;
      default:
        return null;
    }
  }

  private addLadder(
    batches: Batches,
    calendar: FastCalendar,
    task: {
      id: string;
      due: Date;
      plannedAt: Date;
      version: number;
      assignee: Office;
      assigner: Office;
      assigneeUser: string | null;
    },
  ): void {
    const rungs = ladderAt(this.policy, task.due, calendar, task.plannedAt, this.now, this.random);
    const audience = {
      assigneeUserId: task.assigneeUser,
      responsible: task.assignee,
      involved: [task.assigner, task.assignee],
      attacheSupervisorId: null,
    };
    const reached = (rung: SettledRung) => reachedBy(rung.definition.targets, audience);
    const item = {
      itemType: TASK_ITEM_TYPE,
      itemId: task.id,
      deadlineKind: TASK_DEADLINE_KIND,
      deadlineVersion: task.version,
      deadline: task.due,
      plannedAt: task.plannedAt,
      policyName: this.policy.name,
    };
    addRungRows(batches.rungs, this.random, item, rungs, reached);
    // Each firing is on the task's history, as TaskEscalationSubject.recordFiring writes it.
    for (const rung of rungs) {
      if (rung.status !== RungStatus.FIRED || !rung.settledAt) continue;
      const details = {
        deadline: TASK_DEADLINE_KIND,
        rung: rung.definition.key,
        targets: rung.definition.targets,
        deadlineVersion: task.version,
        due: task.due.toISOString(),
        recipients: reached(rung),
      };
      batches.events.add([
        this.random.uuid(),
        task.id,
        instant(rung.settledAt),
        NULL,
        NULL,
        TaskHistoryKind.ESCALATED,
        NULL,
        NULL,
        NULL,
        NULL,
        json(details),
      ]);
    }
  }
}
