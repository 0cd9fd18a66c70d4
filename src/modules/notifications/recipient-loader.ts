import { Role } from '@app/kernel/role.enum';

import { RecipientsService } from './recipients.service';

/** The lookups the event rules make (event-rules.ts): answered one query each by RecipientsService. */
export type RecipientLookup = Pick<RecipientsService, 'withRole' | 'active' | 'agencyNames'>;

/**
 * Answers the event rules' lookups for a batch of events dispatched side by side (EventBatchDispatchJob): what the
 * rules ask in one turn of the event loop is read with one query per kind of lookup, and each agency, role set and
 * user is read once per batch (issue 22: a storm's 50 `task.overdue` events made 150 queries, now 3). Answers are the
 * same as RecipientsService's, in the same order (by id). One loader serves one batch: it keeps what it read.
 */
export class RecipientLoader implements RecipientLookup {
  private readonly staffByRoles = new Map<string, KeyedLoader<Map<Role, string[]>>>();
  private readonly activeUsers: KeyedLoader<true>;
  private readonly acronyms: KeyedLoader<string>;

  constructor(private readonly recipients: RecipientsService) {
    this.activeUsers = new KeyedLoader(
      async (ids) => new Map((await recipients.active(ids)).map((id) => [id, true as const])),
    );
    this.acronyms = new KeyedLoader((ids) => recipients.agencyNames(ids));
  }

  async withRole(agencyIds: string[], roles: Role[]): Promise<string[]> {
    const key = [...roles].sort().join(',');
    let staff = this.staffByRoles.get(key);
    if (!staff) {
      staff = new KeyedLoader((ids) => this.recipients.withRoleByAgency(ids, roles));
      this.staffByRoles.set(key, staff);
    }
    const byAgency = await Promise.all([...new Set(agencyIds)].map((id) => staff.get(id)));
    return byId(byAgency.flatMap((byRole) => (byRole ? [...byRole.values()].flat() : [])));
  }

  async active(userIds: (string | null | undefined)[]): Promise<string[]> {
    const ids = [...new Set(userIds.filter((id): id is string => typeof id === 'string'))];
    const found = await Promise.all(ids.map(async (id) => ((await this.activeUsers.get(id)) ? [id] : [])));
    return byId(found.flat());
  }

  async agencyNames(agencyIds: (string | null | undefined)[]): Promise<Map<string, string>> {
    const ids = [...new Set(agencyIds.filter((id): id is string => typeof id === 'string'))];
    const names = await Promise.all(ids.map(async (id) => [id, await this.acronyms.get(id)] as const));
    return new Map(names.filter((entry): entry is readonly [string, string] => entry[1] !== undefined));
  }
}

/** Distinct ids in PostgreSQL's uuid order (lower-case hex compares the same way). */
const byId = (ids: string[]): string[] => [...new Set(ids)].sort();

/**
 * Keys asked for in one turn of the event loop, loaded with one call once that turn's promises have settled; each
 * key is loaded once (later asks share the first answer). A key the load does not return is answered undefined.
 */
class KeyedLoader<V> {
  private readonly answers = new Map<string, Promise<V | undefined>>();
  private waiting = new Map<string, { resolve: (value: V | undefined) => void; reject: (error: unknown) => void }>();

  constructor(private readonly load: (keys: string[]) => Promise<Map<string, V>>) {}

  get(key: string): Promise<V | undefined> {
    let answer = this.answers.get(key);
    if (!answer) {
      answer = new Promise((resolve, reject) => {
        if (this.waiting.size === 0) setImmediate(() => this.flush());
        this.waiting.set(key, { resolve, reject });
      });
      this.answers.set(key, answer);
    }
    return answer;
  }

  private flush(): void {
    const waiting = this.waiting;
    this.waiting = new Map();
    this.load([...waiting.keys()]).then(
      (found) => waiting.forEach(({ resolve }, key) => resolve(found.get(key))),
      (error: unknown) => {
        // A failed read is not kept: the batch's retry asks again.
        for (const key of waiting.keys()) this.answers.delete(key);
        waiting.forEach(({ reject }) => reject(error));
      },
    );
  }
}
