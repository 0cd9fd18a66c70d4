/** The notification kinds templates exist for (mirrors NotificationKind in the notifications module). */
export type NotificationTemplateKind =
  | 'TASK_ASSIGNED'
  | 'TASK_DECLINED'
  | 'TASK_COMPLETED'
  | 'TASK_COMMENTED'
  | 'TASK_REOPENED'
  | 'TASK_OVERDUE'
  | 'CASE_TEAM_CHANGED'
  | 'REFERRAL_PROPOSED'
  | 'REFERRAL_ACCEPTED'
  | 'REFERRAL_DECLINED'
  | 'REFERRAL_EXPIRED'
  | 'REFERRAL_WITHDRAWN'
  | 'REFERRAL_COMPLETED'
  | 'REFERRAL_DISCONTINUED'
  | CrossBorderTemplateKind
  | RepatriationTemplateKind
  | 'DEADLINE_REMINDER'
  | 'ESCALATION'
  | 'EXPORT_READY';

/** Repatriation operations and reintegration plans. */
export type RepatriationTemplateKind = 'REPATRIATION_PLANNED' | 'REPATRIATION_UPDATED' | 'REINTEGRATION_PLAN_ASSIGNED';

export const isRepatriationKind = (kind: NotificationTemplateKind): kind is RepatriationTemplateKind =>
  kind === 'REPATRIATION_PLANNED' || kind === 'REPATRIATION_UPDATED' || kind === 'REINTEGRATION_PLAN_ASSIGNED';

/** The cross-border request kinds: their texts share the request's description (category, counterpart, country). */
export type CrossBorderTemplateKind =
  | 'CROSS_BORDER_SUBMITTED'
  | 'CROSS_BORDER_ACKNOWLEDGED'
  | 'CROSS_BORDER_ANSWERED'
  | 'CROSS_BORDER_REFUSED'
  | 'CROSS_BORDER_STAGE_OVERDUE'
  | 'CROSS_BORDER_FORMAL_CHANNEL_PROPOSED'
  | 'CROSS_BORDER_UPDATED';

/**
 * What a template may show: reference codes, a victim's pseudonymous code, agency acronyms, service and urgency
 * codes, instants and links. Never a victim's identity, and never free text typed by users (a comment or a
 * reason could name a person).
 */
export interface NotificationTemplateParams {
  reference: string;
  link: string;
  preferencesLink: string;
  /** ISO instant of the deadline the notification is about (a task's due date, a referral's respond-by). */
  dueAt?: string;
  /** The agency that asked: a task's assigning agency, a referral's referring agency. */
  assigningAgency?: string;
  /** The agency whose move it is: a task's assignee, a referral's recipient (the provider). */
  assigneeAgency?: string;
  actingAgency?: string;
  /** The pseudonymous code of the person concerned, e.g. VCT-7K3QX9MB. */
  victimCode?: string;
  /** The service a referral asks for, as its code (MEDICAL, SHELTER …); shown as a label in the reader's language. */
  service?: string;
  /** EMERGENCY, HIGH or NORMAL (referrals); URGENT or NORMAL (cross-border requests). */
  urgency?: string;
  /** Cross-border requests: the counterpart agency, the home agency filed for and the filer's agency (acronyms). */
  counterpartAgency?: string;
  homeAgency?: string;
  filingAgency?: string;
  /** Cross-border requests: OUTGOING (Indonesia asks) or INCOMING (the counterpart asks). */
  direction?: string;
  /** Cross-border requests: the counterpart country, ISO 3166-1 alpha-2; shown by name in the reader's language. */
  country?: string;
  /** Cross-border requests: what is asked, as its code (LOCATE_RESCUE …); shown as a label. */
  category?: string;
  /** Cross-border requests: the stage `dueAt` belongs to (ACKNOWLEDGE, DECIDE, EXECUTE). */
  stage?: string;
  /** Cross-border requests: the status the request moved to (ACCEPTED, WITHDRAWN …). */
  status?: string;
  /** Cross-border requests: 'true' when an answer is partial (more is to come). */
  partial?: string;
  /** Cross-border requests: 'true' when the change is a stage's deadline being extended (to `dueAt`). */
  deadlineExtended?: string;
  /** Cross-border requests: the reference of the formal request proposed after an informal one lapsed. */
  formalReference?: string;
  /** Case teams: what the agency does in the case (INVESTIGATION, SOCIAL_REHABILITATION …); `status` says ADDED, ENDED or LEAD. */
  caseRole?: string;
  /** Repatriation: the milestone a change is about (TRAVEL_DOCUMENT_ISSUED …), and the operation's reference. */
  milestoneType?: string;
  operationReference?: string;
  /** Escalations: who the rung targets (ASSIGNEE, AGENCY_SUPERVISOR …) and the rung's key. */
  targetRole?: string;
  rungKey?: string;
  /** Exports: what it holds (DEIDENTIFIED_PERSONS …) and its format (CSV, XLSX); `dueAt` is when it expires. */
  exportKind?: string;
  exportFormat?: string;
}

export interface RenderedNotification {
  subject: string;
  /** One line for the in-app list. */
  summary: string;
  text: string;
  html: string;
}

/** What a template says: the subject and the body's paragraphs. */
export type Texts = { subject: string; body: string[] };

const CROSS_BORDER_KINDS: readonly string[] = [
  'CROSS_BORDER_SUBMITTED',
  'CROSS_BORDER_ACKNOWLEDGED',
  'CROSS_BORDER_ANSWERED',
  'CROSS_BORDER_REFUSED',
  'CROSS_BORDER_STAGE_OVERDUE',
  'CROSS_BORDER_FORMAL_CHANNEL_PROPOSED',
  'CROSS_BORDER_UPDATED',
] satisfies CrossBorderTemplateKind[];

export const isCrossBorderKind = (kind: NotificationTemplateKind): kind is CrossBorderTemplateKind =>
  CROSS_BORDER_KINDS.includes(kind);
