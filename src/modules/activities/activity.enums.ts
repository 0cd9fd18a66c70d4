import { registerEnumType } from '@nestjs/graphql';

/** What kind of event an activity was (seed brief P10 and P11). */
export enum ActivityType {
  SOCIALISATION = 'SOCIALISATION',
  TRAINING = 'TRAINING',
  TRAINING_OF_TRAINERS = 'TRAINING_OF_TRAINERS',
  CAMPAIGN = 'CAMPAIGN',
  TALK_SHOW = 'TALK_SHOW',
  WORKSHOP = 'WORKSHOP',
  PUBLIC_DISCUSSION = 'PUBLIC_DISCUSSION',
  PRE_DEPARTURE_ORIENTATION = 'PRE_DEPARTURE_ORIENTATION',
  PUBLICATION = 'PUBLICATION',
  OTHER = 'OTHER',
}

/** The main group an activity reached (one per activity, so the figures by target group add up). */
export enum TargetGroup {
  MIGRANT_WORKERS = 'MIGRANT_WORKERS',
  PROSPECTIVE_MIGRANT_WORKERS = 'PROSPECTIVE_MIGRANT_WORKERS',
  OFFICIALS = 'OFFICIALS',
  LAW_ENFORCEMENT = 'LAW_ENFORCEMENT',
  FRONTLINE_OFFICERS = 'FRONTLINE_OFFICERS',
  SERVICE_PROVIDERS = 'SERVICE_PROVIDERS',
  TRAINERS = 'TRAINERS',
  STUDENTS = 'STUDENTS',
  JOURNALISTS = 'JOURNALISTS',
  COMMUNITIES = 'COMMUNITIES',
  GENERAL_PUBLIC = 'GENERAL_PUBLIC',
  COUNTERPART_OFFICERS = 'COUNTERPART_OFFICERS',
}

/**
 * Who paid. The papers criticise that funds go to coordination rather than the regions ([004]): recording the
 * source with every cost is what lets the figures show where the money went.
 */
export enum FundingSource {
  /** The state budget (national ministries and agencies). */
  APBN = 'APBN',
  /** A regional budget (province, regency, city). */
  APBD = 'APBD',
  /** IOM's own funds. */
  IOM = 'IOM',
  /** A foreign donor (INL, KOICA, UK Aid …): name it in the funding note. */
  DONOR = 'DONOR',
  /** The organising partner's own funds (an NGO, a university). */
  PARTNER_OWN = 'PARTNER_OWN',
  PRIVATE_SECTOR = 'PRIVATE_SECTOR',
  /** Nothing was spent beyond staff time. */
  NO_COST = 'NO_COST',
  /** Not known (historical records). */
  NOT_RECORDED = 'NOT_RECORDED',
}

/** What an entry of an activity's history records. */
export enum ActivityRevisionKind {
  RECORDED = 'RECORDED',
  CORRECTED = 'CORRECTED',
}

registerEnumType(ActivityType, { name: 'ActivityType', description: 'What kind of event an activity was.' });
registerEnumType(TargetGroup, { name: 'TargetGroup', description: 'The main group an activity reached.' });
registerEnumType(FundingSource, { name: 'FundingSource', description: 'Who paid for an activity or a meeting.' });
registerEnumType(ActivityRevisionKind, {
  name: 'ActivityRevisionKind',
  description: "What an entry of an activity's history records.",
});
