import { DateTime } from 'luxon';

import { Actor } from '@app/auth/actor';
import { FixedClock } from '@app/kernel/clock';
import { DigestContent } from '@app/modules/digests/digest-content';
import { DigestContentService } from '@app/modules/digests/digest-content.service';
import { isoWeekOf } from '@app/modules/digests/iso-week';
import { TaskAction } from '@app/modules/tasks/task.enums';
import { TasksService } from '@app/modules/tasks/tasks.service';
import { Role } from '@app/kernel/role.enum';
import { UserEntity } from '@app/modules/users/user.entity';
import { actorOf, Factories } from '@libs/testing/factories';
import { isolatedEnvironment, IsolatedEnvironment } from '@libs/testing/isolated-environment';
import { TestApp } from '@libs/testing/test-app';

const ZONE = 'Asia/Jakarta';
const DAY_MS = 86_400_000;

/**
 * "This week against last week" for tasks: opened, completed (once each, however often) and overdue, now and at
 * the end of last week. PostgreSQL stamps when a task was created and when each step of its history happened
 * with its own clock, which a test cannot move. So the dataset is built now, in the current week (Jakarta time),
 * and read from three moments: this week's digest (everything happened this week), next week's digest (the same
 * things happened last week), and next week's digest computed at a moment between two history lines (the end of
 * last week is then that moment, and each task's status at it is read from its history).
 */
describe('weekly digest: task counts this week against last week', () => {
  let env: IsolatedEnvironment;
  let api: TestApp;
  let sut: DigestContentService;
  let recipient: UserEntity;
  /** The current ISO week on the database's clock, in Jakarta. */
  let week: string;
  let nextWeek: string;
  /** The database's clock once everything below was done. */
  let done: Date;
  /** The database's clock between the history lines before it and those after it. */
  let between: Date;

  const databaseNow = async (): Promise<Date> =>
    (await api.dataSource.query('SELECT clock_timestamp() AS now'))[0].now as Date;

  beforeAll(async () => {
    env = await isolatedEnvironment();
    const clock = new FixedClock(new Date());
    api = await TestApp.start(env.env, { clock });
    const started = await databaseNow();
    // Deadlines are set through the services, which refuse dates in the past: the app's clock goes ten days back.
    clock.set(new Date(started.getTime() - 10 * DAY_MS));
    sut = api.app.get(DigestContentService);
    const factories = new Factories(api);
    const tasks = api.app.get(TasksService);
    week = isoWeekOf(started, ZONE);
    nextWeek = isoWeekOf(DateTime.fromJSDate(started).plus({ weeks: 1 }).toJSDate(), ZONE);

    const home = await factories.agency({ acronym: 'Home' });
    const asker = await factories.agency({ acronym: 'Asker' });
    const other = await factories.agency({ acronym: 'Other' });
    recipient = await factories.user([Role.LIAISON], { agencyId: home.id, timeZone: ZONE });
    const homeLiaison = actorOf(recipient);
    const askerLiaison = actorOf(await factories.user([Role.LIAISON], { agencyId: asker.id }));
    const due = (daysFromStart: number) => ({ at: new Date(started.getTime() + daysFromStart * DAY_MS) });
    const ask = (by: Actor, to: string, daysFromStart: number) =>
      factories.task(by, { assigneeAgencyId: to, due: due(daysFromStart) });
    const act = async (by: Actor, id: string, ...actions: TaskAction[]) => {
      for (const action of actions) await tasks.transition(by, action, { id, reason: 'As agreed in the meeting.' });
    };
    const { ACKNOWLEDGE, START, COMPLETE, REOPEN, CANCEL } = TaskAction;

    // Overdue and open throughout.
    await ask(askerLiaison, home.id, -5);
    // Not due yet; completed twice (reopened in between): one completion.
    const twice = await ask(askerLiaison, home.id, 5);
    await act(homeLiaison, twice.id, ACKNOWLEDGE, START, COMPLETE);
    await act(askerLiaison, twice.id, REOPEN);
    await act(homeLiaison, twice.id, ACKNOWLEDGE, START, COMPLETE);
    // Overdue, open at the moment in between, cancelled after it.
    const cancelled = [await ask(askerLiaison, home.id, -4), await ask(askerLiaison, home.id, -2)];
    // Overdue, done at the moment in between, reopened after it.
    const reopened = await ask(askerLiaison, home.id, -3);
    await act(homeLiaison, reopened.id, ACKNOWLEDGE, START, COMPLETE);
    // Asked by the agency of another: opened, counted for the agency too.
    await ask(homeLiaison, other.id, 1);

    between = await databaseNow();
    for (const task of cancelled) await act(askerLiaison, task.id, CANCEL);
    await act(askerLiaison, reopened.id, REOPEN);
    done = await databaseNow();

    if (isoWeekOf(done, ZONE) !== week) {
      throw new Error(`The week turned (${week} to ${isoWeekOf(done, ZONE)}) while the data was made; run again.`);
    }
  }, 120_000);

  afterAll(async () => {
    await api?.stop();
    await env?.drop();
  });

  const digest = (isoWeek: string, now: Date): Promise<DigestContent> => sut.compute(recipient.id, isoWeek, now);

  it('counts what happened this week in this week’s digest', async () => {
    const content = await digest(week, new Date(done.getTime() + 1_000));
    expect(content.counts).toEqual({
      // Opened: six tasks, five assigned to the agency and one it asked of another. Completed: two, one of them
      // twice. Overdue now: the open overdue task and the reopened one (the cancelled ones no longer).
      thisWeek: { tasksOpened: 6, tasksCompleted: 2, overdueNow: 2, escalationsFired: 0 },
      lastWeek: { tasksOpened: 0, tasksCompleted: 0, overdueNow: 0, escalationsFired: 0 },
    });
  });

  it('counts the same work as last week’s in next week’s digest', async () => {
    const content = await digest(nextWeek, new Date(done.getTime() + 7 * DAY_MS));
    expect(content.counts).toEqual({
      thisWeek: { tasksOpened: 0, tasksCompleted: 0, overdueNow: 2, escalationsFired: 0 },
      // At the end of last week: the same two overdue tasks (nothing has changed since).
      lastWeek: { tasksOpened: 6, tasksCompleted: 2, overdueNow: 2, escalationsFired: 0 },
    });
  });

  it('judges last week’s overdue work by each task’s status then, read from its history', async () => {
    const content = await digest(nextWeek, between);
    // Then: the open overdue task and the two cancelled since (the reopened one was done). Now: the open one and
    // the reopened one.
    expect(content.counts.lastWeek).toMatchObject({ tasksOpened: 6, tasksCompleted: 2, overdueNow: 3 });
    expect(content.counts.thisWeek).toMatchObject({ overdueNow: 2 });
  });
});
