import { Role } from '@app/kernel/role.enum';
import { DispatchedEvent, noticeOf } from '@app/modules/notifications/event-notices';
import { RecipientLoader } from '@app/modules/notifications/recipient-loader';
import { RecipientsService } from '@app/modules/notifications/recipients.service';
import { actorOf, Factories } from '@libs/testing/factories';
import { TestApp } from '@libs/testing/test-app';

/**
 * A batch of events is told to the same people whether its rules look them up one event at a time or all together
 * through the batch's loader (EventBatchDispatchJob): the loader only saves queries.
 */
describe("a batch's notices, looked up together", () => {
  let api: TestApp;
  let factories: Factories;

  beforeAll(async () => {
    api = await TestApp.start();
    factories = new Factories(api);
  });

  afterAll(() => api?.stop());

  it('names the same recipients and agencies as one lookup per event, with a handful of queries for 40 events', async () => {
    const asking = await factories.agency();
    const doing = await factories.agency();
    const silent = await factories.agency();
    const askingLiaisons = [
      await factories.user([Role.LIAISON], { agencyId: asking.id }),
      await factories.user([Role.LIAISON, Role.CASE_OFFICER], { agencyId: asking.id }),
    ];
    const gone = await factories.user([Role.LIAISON], { agencyId: asking.id });
    await factories.user([Role.LIAISON], { agencyId: asking.id, active: false });
    const doers = [
      await factories.user([Role.LIAISON], { agencyId: doing.id }),
      await factories.user([Role.LIAISON, Role.SUPERVISOR], { agencyId: doing.id }),
      await factories.user([Role.CASE_OFFICER], { agencyId: doing.id }),
    ];
    const since = new Date();
    for (let i = 0; i < 24; i++) {
      const creator = [askingLiaisons[0], askingLiaisons[1], gone][i % 3];
      await factories.task(actorOf(creator), {
        assigneeAgencyId: doing.id,
        ...(i % 4 === 0 ? { assigneeUserId: doers[i % 3].id } : {}),
      });
    }
    for (let i = 0; i < 12; i++) await factories.task(actorOf(doers[i % 2]), { assigneeAgencyId: asking.id });
    for (let i = 0; i < 4; i++) await factories.task(actorOf(askingLiaisons[0]), { assigneeAgencyId: silent.id });
    // The creator who since left: told of nothing more, whichever way the lookup goes.
    await api.dataSource.query(`UPDATE app_user SET active = false WHERE id = $1`, [gone.id]);

    const events: DispatchedEvent[] = await api.dataSource.query(
      `SELECT id, topic, payload, created_at AS "occurredAt" FROM outbox_event
       WHERE created_at >= $1 AND payload->>'assigningAgencyId' = ANY($2) ORDER BY created_at`,
      [since, [asking.id, doing.id]],
    );
    expect(events).toHaveLength(40);
    const recipients = api.app.get(RecipientsService);
    const oneByOne = [];
    for (const event of events) oneByOne.push(await noticeOf(event, recipients));

    const queries: string[] = [];
    const counted = new Proxy(recipients, {
      get(target, name: keyof RecipientsService) {
        const method = target[name];
        return (...args: never[]) => {
          queries.push(name);
          return (method as (...a: never[]) => unknown).apply(target, args);
        };
      },
    });
    const loader = new RecipientLoader(counted);
    const together = await Promise.all(events.map((event) => noticeOf(event, loader)));

    expect(together).toEqual(oneByOne);
    expect(oneByOne.every((notice) => notice !== undefined)).toBe(true);
    // Told: the named assignee or the doing agency's liaisons (2); nobody at the silent agency; never the one who left.
    expect(oneByOne.map((notice) => notice!.recipients.length).sort()).toEqual(
      [...Array(4).fill(0), ...Array(6).fill(1), ...Array(30).fill(2)].sort(),
    );
    expect(oneByOne.flatMap((notice) => notice!.recipients)).not.toContain(gone.id);
    expect(new Set(oneByOne.map((notice) => notice!.params.assigningAgency))).toEqual(
      new Set([asking.acronym, doing.acronym]),
    );
    // The rules ask in two rounds (names, then people); each kind of lookup is one query a round.
    expect(queries.length).toBeLessThanOrEqual(4);
  }, 120_000);
});
