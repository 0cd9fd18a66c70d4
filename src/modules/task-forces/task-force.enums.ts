import { registerEnumType } from '@nestjs/graphql';

/** Task-force units form a tree: one national unit, provincial units under it, regency/city units under those. */
export enum TaskForceLevel {
  NATIONAL = 'NATIONAL',
  PROVINCE = 'PROVINCE',
  REGENCY_CITY = 'REGENCY_CITY',
}

/** The role an agency holds in a unit for a period (leadership changes over time, e.g. the 2023 handover). */
export enum MembershipRole {
  CHAIR_1 = 'CHAIR_1',
  CHAIR_2 = 'CHAIR_2',
  DAILY_CHAIR = 'DAILY_CHAIR',
  SECRETARIAT = 'SECRETARIAT',
  MEMBER = 'MEMBER',
  PARTNER = 'PARTNER',
}

registerEnumType(TaskForceLevel, { name: 'TaskForceLevel', description: 'Administrative level of a task-force unit.' });
registerEnumType(MembershipRole, {
  name: 'MembershipRole',
  description: 'Role of an agency in a task-force unit.',
});
