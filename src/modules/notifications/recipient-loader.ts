import DataLoader from 'dataloader';

import { Role } from '@app/kernel/role.enum';

import { RecipientsService } from './recipients.service';

/** The lookups the event rules make (event-rules.ts): answered one query each by RecipientsService. */
export type RecipientLookup = Pick<RecipientsService, 'withRole' | 'active' | 'agencyNames'>;

/**
 * Answers the event rules' lookups for a batch of events dispatched side by side (EventBatchDispatchJob): what the
 * rules ask in one turn of the event loop is read with one query per kind of lookup, and each agency, role set and
 * user is read once per batch (issue 22: a storm's 50 `task.overdue` events made 150 queries, now 3). Answers are the
 * same as RecipientsService's, in the same order (by id). One loader serves one batch: it keeps what it read (a
 * DataLoader per lookup, as the GraphQL loaders; a failed read is not kept, so the batch's retry asks again).
 */
export class RecipientLoader implements RecipientLookup {
  private readonly staffByRoles = new Map<string, DataLoader<string, Map<Role, string[]> | undefined>>();
  private readonly activeUsers: DataLoader<string, boolean>;
  private readonly acronyms: DataLoader<string, string | undefined>;

  constructor(private readonly recipients: RecipientsService) {
    this.activeUsers = new DataLoader(async (ids) => {
      const active = new Set(await recipients.active([...ids]));
      return ids.map((id) => active.has(id));
    });
    this.acronyms = loaderOf((ids) => recipients.agencyNames(ids));
  }

  async withRole(agencyIds: string[], roles: Role[]): Promise<string[]> {
    const key = [...roles].sort().join(',');
    let staff = this.staffByRoles.get(key);
    if (!staff) {
      staff = loaderOf((ids) => this.recipients.withRoleByAgency(ids, roles));
      this.staffByRoles.set(key, staff);
    }
    const byAgency = await loadAll(staff, [...new Set(agencyIds)]);
    return byId(byAgency.flatMap((byRole) => (byRole ? [...byRole.values()].flat() : [])));
  }

  async active(userIds: (string | null | undefined)[]): Promise<string[]> {
    const ids = [...new Set(userIds.filter((id): id is string => typeof id === 'string'))];
    const active = await loadAll(this.activeUsers, ids);
    return byId(ids.filter((_, i) => active[i]));
  }

  async agencyNames(agencyIds: (string | null | undefined)[]): Promise<Map<string, string>> {
    const ids = [...new Set(agencyIds.filter((id): id is string => typeof id === 'string'))];
    const names = await loadAll(this.acronyms, ids);
    return new Map(ids.flatMap((id, i) => (names[i] === undefined ? [] : [[id, names[i]] as const])));
  }
}

/** Distinct ids in PostgreSQL's uuid order (lower-case hex compares the same way). */
const byId = (ids: string[]): string[] => [...new Set(ids)].sort();

/** A DataLoader over a lookup that answers by key (a key it does not return is answered undefined). */
const loaderOf = <V>(lookup: (keys: string[]) => Promise<Map<string, V>>) =>
  new DataLoader<string, V | undefined>(async (keys) => {
    const found = await lookup([...keys]);
    return keys.map((key) => found.get(key));
  });

/** Every key's answer, or the read's error (DataLoader's loadMany would hand errors back as values). */
const loadAll = <V>(loader: DataLoader<string, V>, keys: string[]): Promise<V[]> =>
  Promise.all(keys.map((key) => loader.load(key)));
