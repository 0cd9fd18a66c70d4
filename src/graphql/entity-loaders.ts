import DataLoader from 'dataloader';
import { DataSource, EntityTarget, In, ObjectLiteral } from 'typeorm';

/**
 * Per-request batch loaders for records by id (and for child lists by a parent key). Created fresh for each
 * GraphQL request so nothing is cached across users.
 */
export class EntityLoaders {
  private readonly byIdLoaders = new Map<EntityTarget<ObjectLiteral>, DataLoader<string, unknown>>();
  private readonly byKeyLoaders = new Map<string, DataLoader<string, unknown[]>>();

  constructor(private readonly dataSource: DataSource) {}

  /** Loads records of one entity by primary key `id`, one query per batch. */
  byId<T extends { id: string }>(entity: EntityTarget<T>): DataLoader<string, T | null> {
    let loader = this.byIdLoaders.get(entity as EntityTarget<ObjectLiteral>);
    if (!loader) {
      loader = new DataLoader<string, T | null>(async (ids) => {
        const rows = await this.dataSource.getRepository(entity).findBy({ id: In([...ids]) } as never);
        const byId = new Map(rows.map((row) => [row.id, row]));
        return ids.map((id) => byId.get(id) ?? null);
      });
      this.byIdLoaders.set(entity as EntityTarget<ObjectLiteral>, loader);
    }
    return loader as DataLoader<string, T | null>;
  }

  /**
   * Loads child lists grouped by a parent key with a caller-supplied batch query; `name` identifies the
   * loader within the request.
   */
  byKey<T>(name: string, batch: (keys: readonly string[]) => Promise<Map<string, T[]>>): DataLoader<string, T[]> {
    let loader = this.byKeyLoaders.get(name);
    if (!loader) {
      loader = new DataLoader<string, unknown[]>(async (keys) => {
        const grouped = await batch(keys);
        return keys.map((key) => grouped.get(key) ?? []);
      });
      this.byKeyLoaders.set(name, loader);
    }
    return loader as DataLoader<string, T[]>;
  }
}
