import { RungAction, RungDefinition, RungTarget } from './escalation.types';

export interface EscalationPolicySeed {
  name: string;
  itemType: string;
  urgency: string;
  rungs: RungDefinition[];
}

const { ASSIGNEE, AGENCY_LIAISON, AGENCY_SUPERVISOR, UNIT_SECRETARIAT, ATTACHE_SUPERVISOR } = RungTarget;

/**
 * The default ladders of DOMAIN.md section 5, seeded as data (administrators may add policies per urgency).
 * Items freeze the policy in force when their ladder starts.
 */
export const DEFAULT_ESCALATION_POLICIES: EscalationPolicySeed[] = [
  {
    name: 'task-default-2026',
    itemType: 'TASK',
    urgency: 'ANY',
    rungs: [
      { key: 'reminder-48h', offset: { hours: -48 }, targets: [ASSIGNEE] },
      { key: 'reminder-24h', offset: { hours: -24 }, targets: [ASSIGNEE] },
      { key: 'due', offset: { hours: 0 }, targets: [ASSIGNEE, AGENCY_LIAISON] },
      { key: 'supervisor', offset: { workingDays: 2 }, targets: [AGENCY_SUPERVISOR] },
      { key: 'secretariat', offset: { workingDays: 5 }, targets: [UNIT_SECRETARIAT] },
    ],
  },
  {
    name: 'referral-default-2026',
    itemType: 'REFERRAL',
    urgency: 'ANY',
    rungs: [
      { key: 'reminder-24h', offset: { hours: -24 }, targets: [ASSIGNEE] },
      // Respond-by passing expires the referral: the ladder ends there and the sender re-routes it.
      {
        key: 'respond-by',
        offset: { hours: 0 },
        targets: [ASSIGNEE, AGENCY_LIAISON, AGENCY_SUPERVISOR],
        action: RungAction.EXPIRE,
      },
    ],
  },
  {
    name: 'cross-border-default-2026',
    itemType: 'CROSS_BORDER_REQUEST',
    urgency: 'ANY',
    rungs: [
      { key: 'reminder-48h', offset: { hours: -48 }, targets: [ASSIGNEE] },
      { key: 'due', offset: { hours: 0 }, targets: [ASSIGNEE, AGENCY_LIAISON], action: RungAction.MARK_OVERDUE },
      { key: 'supervisor', offset: { workingDays: 2 }, targets: [AGENCY_SUPERVISOR, ATTACHE_SUPERVISOR] },
      {
        key: 'secretariat',
        offset: { workingDays: 5 },
        targets: [UNIT_SECRETARIAT, ATTACHE_SUPERVISOR],
        action: RungAction.PROPOSE_FORMAL_CHANNEL,
      },
    ],
  },
  {
    name: 'repatriation-milestone-default-2026',
    itemType: 'REPATRIATION_MILESTONE',
    urgency: 'ANY',
    rungs: [
      { key: 'reminder-48h', offset: { hours: -48 }, targets: [ASSIGNEE] },
      { key: 'due', offset: { hours: 0 }, targets: [ASSIGNEE, AGENCY_LIAISON] },
      { key: 'supervisor', offset: { workingDays: 2 }, targets: [AGENCY_SUPERVISOR] },
      { key: 'secretariat', offset: { workingDays: 5 }, targets: [UNIT_SECRETARIAT] },
    ],
  },
  {
    // A follow-up is due on a day of the agency's choosing within a week: the reminder comes a week ahead.
    name: 'follow-up-contact-default-2026',
    itemType: 'FOLLOW_UP_CONTACT',
    urgency: 'ANY',
    rungs: [
      { key: 'reminder-7d', offset: { hours: -168 }, targets: [ASSIGNEE] },
      { key: 'due', offset: { hours: 0 }, targets: [ASSIGNEE, AGENCY_LIAISON] },
      { key: 'supervisor', offset: { workingDays: 2 }, targets: [AGENCY_SUPERVISOR] },
      { key: 'secretariat', offset: { workingDays: 5 }, targets: [UNIT_SECRETARIAT] },
    ],
  },
];
