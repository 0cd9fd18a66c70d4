import { Type } from '@nestjs/common';
import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { IsBase64, IsInt, IsOptional, Max, Min } from 'class-validator';
import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

import { RequestException } from '@app/kernel/domain.exception';

export const MAX_PAGE_SIZE = 100;

@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: 20, description: `How many items to return (1–${MAX_PAGE_SIZE}).` })
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first: number = 20;

  @Field(() => String, { nullable: true, description: 'Return items after this cursor (from pageInfo.endCursor).' })
  @IsOptional()
  @IsBase64()
  after?: string;
}

@ObjectType({ description: 'Where a page ends and whether more follow.' })
export class PageInfo {
  @Field(() => Boolean, { description: 'True when more items follow this page.' })
  hasNextPage: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'Cursor of the last item; pass it as `after` for the next page.',
  })
  endCursor: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Connection<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** Builds the `<Name>Edge` type and an abstract connection to extend as `<Name>Connection`. */
export function ConnectionType<T>(node: Type<T>, name: string): Type<Connection<T>> {
  @ObjectType(`${name}Edge`, { description: `One ${name} in a page.` })
  class EdgeType {
    @Field(() => String, { description: 'Opaque position of this item.' })
    cursor: string;

    @Field(() => node, { description: 'The item.' })
    node: T;
  }

  // Abstract: the caller names the concrete type, e.g. `class AgencyConnection extends ConnectionType(...)`.
  @ObjectType({ isAbstract: true })
  abstract class ConnectionClass {
    @Field(() => [EdgeType], { description: 'The items of this page.' })
    edges: EdgeType[];

    @Field(() => PageInfo, { description: 'Paging state.' })
    pageInfo: PageInfo;

    @Field(() => Int, { description: 'How many items match the filter across all pages.' })
    totalCount: number;
  }
  return ConnectionClass as unknown as Type<Connection<T>>;
}

export interface SortKey<T> {
  /** SQL expression to order by, e.g. `agency.code`; ties are broken by the alias's `id`. */
  column: string;
  /** The same value read from a loaded row. */
  value: (row: T) => string | number;
  /** Newest or largest first (ties still broken by id, in the same direction). */
  descending?: boolean;
}

/** The cursor of a row: its sort value and id (paginate, and the lists that read their rows with plain SQL). */
export const encodeCursor = (value: string | number, id: string): string =>
  Buffer.from(JSON.stringify([value, id]), 'utf8').toString('base64');

/** A cursor's sort value and id; anything else is INVALID_INPUT naming `after`. */
export function decodeCursor(cursor: string): [string | number, string] {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 2 && typeof parsed[1] === 'string') {
      return parsed as [string | number, string];
    }
  } catch {
    // fall through
  }
  throw RequestException.invalidInput('Invalid input: after is not a cursor this list returned.', 'after');
}

/**
 * Keyset pagination over a filtered query: stable under inserts, index-friendly, and bounded by MAX_PAGE_SIZE.
 */
export async function paginate<T extends ObjectLiteral & { id: string }>(
  query: SelectQueryBuilder<T>,
  page: PageArgs,
  sort: SortKey<T>,
): Promise<Connection<T>> {
  const alias = query.alias;
  const totalCount = await query.clone().getCount();
  const pageQuery = query.clone();
  if (page.after) {
    const [value, id] = decodeCursor(page.after);
    const comparison = sort.descending ? '<' : '>';
    pageQuery.andWhere(`(${sort.column}, ${alias}.id) ${comparison} (:afterValue, :afterId)`, {
      afterValue: value,
      afterId: id,
    });
  }
  const direction = sort.descending ? 'DESC' : 'ASC';
  const rows = await pageQuery
    .orderBy(sort.column, direction)
    .addOrderBy(`${alias}.id`, direction)
    .limit(page.first + 1)
    .getMany();
  const hasNextPage = rows.length > page.first;
  const nodes = rows.slice(0, page.first);
  const edges = nodes.map((node) => ({ cursor: encodeCursor(sort.value(node), node.id), node }));
  return { edges, pageInfo: { hasNextPage, endCursor: edges.at(-1)?.cursor ?? null }, totalCount };
}
