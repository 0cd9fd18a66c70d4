// Fails the typecheck when schema.gql gains (or loses) a value of the repatriation enums a label is missing for.
import type {
  FollowUpOutcome,
  FollowUpStatus,
  MilestoneStatus,
  MilestoneType,
  ReintegrationNeed,
  ReintegrationNeedStatus,
  ReintegrationPlanStatus,
  RepatriationOperationStatus,
} from '@/gql/graphql';

import type { Messages } from './id';

type Same<E extends string, T> = [E] extends [keyof T] ? ([keyof T] extends [E] ? true : false) : false;

export const REPATRIATION_ENUM_LABELS_COVER_THE_SCHEMA: [
  Same<FollowUpOutcome, Messages['followUpOutcome']>,
  Same<FollowUpStatus, Messages['followUpStatus']>,
  Same<MilestoneStatus, Messages['milestoneStatus']>,
  Same<MilestoneType, Messages['milestoneType']>,
  Same<ReintegrationNeed, Messages['reintegrationNeed']>,
  Same<ReintegrationNeedStatus, Messages['reintegrationNeedStatus']>,
  Same<ReintegrationPlanStatus, Messages['reintegrationPlanStatus']>,
  Same<RepatriationOperationStatus, Messages['operationStatus']>,
] = [true, true, true, true, true, true, true, true];
