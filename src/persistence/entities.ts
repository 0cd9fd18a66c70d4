import { DataQualityIssueEntity } from '@app/modules/data-quality/data-quality-issue.entity';
import { ExportFileChunkEntity } from '@app/modules/exports/export-file-chunk.entity';
import { ExportEntity } from '@app/modules/exports/export.entity';
import { AgencyEntity } from '@app/modules/agencies/agency.entity';
import { AuditEntryEntity } from '@app/modules/audit/audit-entry.entity';
import { EscalationPolicyEntity } from '@app/modules/escalations/escalation-policy.entity';
import { EscalationRungEntity } from '@app/modules/escalations/escalation-rung.entity';
import { HolidayEntity } from '@app/modules/calendars/holiday.entity';
import { CaseEventEntity } from '@app/modules/cases/case-event.entity';
import { CaseEntity } from '@app/modules/cases/case.entity';
import { CaseParticipantEntity } from '@app/modules/cases/case-participant.entity';
import { GroupOperationEntity } from '@app/modules/group-operations/group-operation.entity';
import { SuspectEventEntity } from '@app/modules/suspects/suspect-event.entity';
import { SuspectEntity } from '@app/modules/suspects/suspect.entity';
import { TaskVictimEntity } from '@app/modules/tasks/task-victim.entity';
import { VictimServiceEntity } from '@app/modules/victims/victim-service.entity';
import { AgreementCommitmentEntity } from '@app/modules/legal-instruments/agreement-commitment.entity';
import { LegalInstrumentPartyEntity } from '@app/modules/legal-instruments/legal-instrument-party.entity';
import { LegalInstrumentEntity } from '@app/modules/legal-instruments/legal-instrument.entity';
import { NotificationPreferenceEntity } from '@app/modules/notifications/notification-preference.entity';
import { NotificationEntity } from '@app/modules/notifications/notification.entity';
import { MembershipEntity } from '@app/modules/task-forces/membership.entity';
import { TaskForceUnitEntity } from '@app/modules/task-forces/task-force-unit.entity';
import { WorkItemEventEntity } from '@app/workflow/history/work-item-event.entity';
import { TaskEntity } from '@app/modules/tasks/task.entity';
import { UserEntity } from '@app/modules/users/user.entity';
import { OutboxEventEntity } from '@app/queue/outbox-event.entity';

/** Every stored entity, listed once: the app, the migration CLI and the tests share this list. */
import { VictimEntity } from '@app/modules/victims/victim.entity';
import { VictimEventEntity } from '@app/modules/victims/victim-event.entity';
import { ConsentEntity } from '@app/modules/victims/consent.entity';
import { DuplicateFlagEntity } from '@app/modules/victims/duplicate-flag.entity';

import { ReferralEntity } from '@app/modules/referrals/referral.entity';
import { ReferralResponsePolicyEntity } from '@app/modules/referrals/referral-response-policy.entity';
import { CrossBorderDeadlinePolicyEntity } from '@app/modules/cross-border/cross-border-deadline-policy.entity';
import {
  CrossBorderRequestCaseEntity,
  CrossBorderRequestVictimEntity,
} from '@app/modules/cross-border/cross-border-link.entity';
import { CrossBorderRequestEntity } from '@app/modules/cross-border/cross-border-request.entity';
import { DigestRunEntity } from '@app/modules/digests/digest-run.entity';
import { DocumentEntity } from '@app/modules/documents/document.entity';
import { DigestOptOutEntity, DigestUnitOffEntity } from '@app/modules/digests/digest-subscription.entity';
import { ActionItemEntity } from '@app/modules/meetings/action-item.entity';
import { MeetingAttendanceEntity } from '@app/modules/meetings/meeting-attendance.entity';
import { MeetingDecisionEntity } from '@app/modules/meetings/meeting-decision.entity';
import { MeetingEntity } from '@app/modules/meetings/meeting.entity';
import { FollowUpContactEntity } from '@app/modules/repatriation/follow-up-contact.entity';
import { FollowUpPolicyEntity } from '@app/modules/repatriation/follow-up-policy.entity';
import { MilestonePolicyEntity } from '@app/modules/repatriation/milestone-policy.entity';
import { OperationPersonEntity } from '@app/modules/repatriation/operation-person.entity';
import { ReintegrationNeedEntity } from '@app/modules/repatriation/reintegration-need.entity';
import { ReintegrationPlanEntity } from '@app/modules/repatriation/reintegration-plan.entity';
import { RepatriationMilestoneEntity } from '@app/modules/repatriation/repatriation-milestone.entity';
import { RepatriationOperationEntity } from '@app/modules/repatriation/repatriation-operation.entity';
import { ActivityRevisionEntity } from '@app/modules/activities/activity-revision.entity';
import { ActivityEntity } from '@app/modules/activities/activity.entity';
export const ENTITIES = [
  AgencyEntity,
  TaskForceUnitEntity,
  MembershipEntity,
  LegalInstrumentEntity,
  LegalInstrumentPartyEntity,
  AgreementCommitmentEntity,
  HolidayEntity,
  UserEntity,
  AuditEntryEntity,
  TaskEntity,
  WorkItemEventEntity,
  CaseEntity,
  CaseEventEntity,
  CaseParticipantEntity,
  VictimEntity,
  VictimServiceEntity,
  TaskVictimEntity,
  SuspectEntity,
  SuspectEventEntity,
  GroupOperationEntity,
  VictimEventEntity,
  ConsentEntity,
  DuplicateFlagEntity,
  ReferralEntity,
  ReferralResponsePolicyEntity,
  CrossBorderRequestEntity,
  CrossBorderRequestCaseEntity,
  CrossBorderRequestVictimEntity,
  CrossBorderDeadlinePolicyEntity,
  DigestRunEntity,
  DigestOptOutEntity,
  DigestUnitOffEntity,
  OutboxEventEntity,
  EscalationPolicyEntity,
  EscalationRungEntity,
  NotificationEntity,
  NotificationPreferenceEntity,
  MeetingEntity,
  MeetingAttendanceEntity,
  MeetingDecisionEntity,
  ActionItemEntity,
  ActivityEntity,
  ActivityRevisionEntity,
  RepatriationOperationEntity,
  OperationPersonEntity,
  RepatriationMilestoneEntity,
  MilestonePolicyEntity,
  ReintegrationPlanEntity,
  ReintegrationNeedEntity,
  FollowUpContactEntity,
  FollowUpPolicyEntity,
  DocumentEntity,
  ExportEntity,
  ExportFileChunkEntity,
  DataQualityIssueEntity,
];
