import { AgencyEntity } from '@app/modules/agencies/agency.entity';
import { AuditEntryEntity } from '@app/modules/audit/audit-entry.entity';
import { EscalationPolicyEntity } from '@app/modules/escalations/escalation-policy.entity';
import { EscalationRungEntity } from '@app/modules/escalations/escalation-rung.entity';
import { HolidayEntity } from '@app/modules/calendars/holiday.entity';
import { AgreementCommitmentEntity } from '@app/modules/legal-instruments/agreement-commitment.entity';
import { LegalInstrumentPartyEntity } from '@app/modules/legal-instruments/legal-instrument-party.entity';
import { LegalInstrumentEntity } from '@app/modules/legal-instruments/legal-instrument.entity';
import { NotificationPreferenceEntity } from '@app/modules/notifications/notification-preference.entity';
import { NotificationEntity } from '@app/modules/notifications/notification.entity';
import { MembershipEntity } from '@app/modules/task-forces/membership.entity';
import { TaskForceUnitEntity } from '@app/modules/task-forces/task-force-unit.entity';
import { TaskEventEntity } from '@app/modules/tasks/task-event.entity';
import { TaskEntity } from '@app/modules/tasks/task.entity';
import { UserEntity } from '@app/modules/users/user.entity';
import { OutboxEventEntity } from '@app/queue/outbox-event.entity';

/** Every stored entity, listed once: the app, the migration CLI and the tests share this list. */
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
  TaskEventEntity,
  OutboxEventEntity,
  EscalationPolicyEntity,
  EscalationRungEntity,
  NotificationEntity,
  NotificationPreferenceEntity,
];
