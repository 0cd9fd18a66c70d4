// Fails the typecheck when schema.gql gains (or loses) a value of the casework enums a label is missing for.
import type { CaseRole, SuspectRelation, SuspectRole, SuspectStatus } from '@/gql/graphql';

import type { Messages } from './id';

type Same<E extends string, T> = [E] extends [keyof T] ? ([keyof T] extends [E] ? true : false) : false;

export const CASEWORK_ENUM_LABELS_COVER_THE_SCHEMA: [
  Same<CaseRole, Messages['caseRole']>,
  Same<SuspectRelation, Messages['suspectRelation']>,
  Same<SuspectRole, Messages['suspectRole']>,
  Same<SuspectStatus, Messages['suspectStatus']>,
] = [true, true, true, true];
