import { Module } from '@nestjs/common';

import { AgenciesModule } from '@app/modules/agencies/agencies.module';
import { LegalInstrumentsModule } from '@app/modules/legal-instruments/legal-instruments.module';
import { TaskForcesModule } from '@app/modules/task-forces/task-forces.module';
import { TasksModule } from '@app/modules/tasks/tasks.module';

import { CloseActionItemCommand } from './commands/close-action-item.command';
import { RecordAttendanceCommand } from './commands/record-attendance.command';
import { RecordDecisionCommand } from './commands/record-decision.command';
import { RecordMinutesCommand } from './commands/record-minutes.command';
import { ScheduleMeetingCommand } from './commands/schedule-meeting.command';
import { MeetingAccess } from './meeting-access';
import {
  ActionItemAgencyCountResolver,
  ActionItemResolver,
  MeetingAttendanceResolver,
  MeetingDecisionResolver,
} from './meeting-parts.resolver';
import { MeetingsResolver } from './meetings.resolver';
import { MeetingsService } from './meetings.service';
import { ActionItemQueries } from './queries/action-item-queries.service';
import { MeetingQueries } from './queries/meeting-queries.service';

/**
 * Coordination meetings of task-force units (and bilateral ones): attendance, minutes, decisions, and action items
 * that are tasks on the work-item kernel (the tasks module's kind, linked to the decision).
 */
@Module({
  imports: [AgenciesModule, TaskForcesModule, LegalInstrumentsModule, TasksModule],
  providers: [
    MeetingAccess,
    MeetingQueries,
    ActionItemQueries,
    ScheduleMeetingCommand,
    RecordAttendanceCommand,
    RecordDecisionCommand,
    CloseActionItemCommand,
    RecordMinutesCommand,
    MeetingsService,
    MeetingsResolver,
    MeetingDecisionResolver,
    MeetingAttendanceResolver,
    ActionItemResolver,
    ActionItemAgencyCountResolver,
  ],
  exports: [MeetingsService],
})
export class MeetingsModule {}
