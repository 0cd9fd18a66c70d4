import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { Actor } from '@app/auth/actor';
import { Connection, decodeCursor, encodeCursor, PageArgs } from '@app/graphql/pagination';
import { RequestException } from '@app/kernel/domain.exception';

import { TaskEntity } from '../task.entity';
import { TaskKind } from '../task.kind';
import { OPEN_STATUSES } from '../task.lifecycle';

/**
 * An agency's open work, most urgent first (`myWorkQueue`, the liaison's home screen and the API's most frequent
 * read): one plain statement for the count and the page, its rows mapped straight to tasks (issue 22, benchmark A:
 * the query builder, a second statement for the count and TypeORM's hydration of each row cost the API more than
 * PostgreSQL spent answering). The same rows, order, cursors and count as `paginate` over the visible tasks, through
 * the same visibility rule (TaskKind).
 */
@Injectable()
export class WorkQueueQuery {
  /** Every stored column under its property name, as TypeORM would load it. */
  private readonly columns: string;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly kind: TaskKind,
  ) {
    this.columns = dataSource
      .getMetadata(TaskEntity)
      .columns.map((column) => `task.${column.databaseName} AS "${column.propertyName}"`)
      .join(', ');
  }

  async page(actor: Actor, page: PageArgs): Promise<Connection<TaskEntity>> {
    const visibility = this.kind.visibility(actor, 'task');
    const open = `(${visibility.sql}) AND task.assignee_agency_id = :workQueueAgencyId AND task.status IN (:...openStatuses)`;
    const after = page.after ? decodeCursor(page.after) : undefined;
    if (after && (typeof after[0] !== 'string' || Number.isNaN(Date.parse(after[0])))) {
      throw RequestException.invalidInput('Invalid input: after is not a cursor this list returned.', 'after');
    }
    // The count comes with the page (a page past the end still answers it: the row of nulls is left out).
    const [sql, values] = this.dataSource.driver.escapeQueryWithParameters(
      `WITH total AS (SELECT count(*)::int AS n FROM task task WHERE ${open})
       SELECT total.n AS "totalCount", page.* FROM total LEFT JOIN LATERAL (
         SELECT ${this.columns} FROM task task
         WHERE ${open}${after ? ' AND (task.due_at, task.id) > (:afterValue, :afterId)' : ''}
         ORDER BY task.due_at, task.id LIMIT :limit
       ) page ON true`,
      {
        ...visibility.params,
        workQueueAgencyId: actor.agencyId,
        openStatuses: OPEN_STATUSES,
        limit: page.first + 1,
        ...(after ? { afterValue: after[0], afterId: after[1] } : {}),
      },
      {},
    );
    const rows: (TaskEntity & { totalCount: number })[] = await this.dataSource.query(sql, values);
    // The rows are the tasks (plain objects: nothing asks a task for its class); each also carries the count, which
    // no field of Task reads. Copying every row without it cost 3.5 % of the API's CPU under load.
    const tasks: TaskEntity[] = rows[0]?.id === null ? [] : rows;
    const nodes = tasks.slice(0, page.first);
    const edges = nodes.map((node) => ({ cursor: encodeCursor(node.dueAt.toISOString(), node.id), node }));
    return {
      edges,
      pageInfo: { hasNextPage: tasks.length > page.first, endCursor: edges.at(-1)?.cursor ?? null },
      totalCount: rows[0]?.totalCount ?? 0,
    };
  }
}
