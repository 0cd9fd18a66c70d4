// Fails the typecheck when schema.gql gains (or loses) a value of the statistics enums a label is missing for.
import type { StatisticsBreakdown, StatisticsScope } from '@/gql/graphql';

import type { Messages } from './id';

type Same<E extends string, T> = [E] extends [keyof T] ? ([keyof T] extends [E] ? true : false) : false;

export const NUMBERS_ENUM_LABELS_COVER_THE_SCHEMA: [
  Same<StatisticsBreakdown, Messages['statisticsBreakdown']>,
  Same<StatisticsScope, Messages['statisticsScope']>,
] = [true, true];
