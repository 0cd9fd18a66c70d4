import { Module } from '@nestjs/common';

import { AuthModule } from '@app/auth/auth.module';
import { CalendarsModule } from '@app/modules/calendars/calendars.module';
import { CasesModule } from '@app/modules/cases/cases.module';
import { VictimsModule } from '@app/modules/victims/victims.module';
import { LegalInstrumentsModule } from '@app/modules/legal-instruments/legal-instruments.module';

import { CloseActionItemTaskCommand } from './commands/close-action-item-task.command';
import { CommentOnTaskCommand } from './commands/comment-on-task.command';
import { CreateTaskCommand } from './commands/create-task.command';
import { EditTaskCommand } from './commands/edit-task.command';
import { RescheduleTaskCommand } from './commands/reschedule-task.command';
import { TaskAssignmentService } from './commands/task-assignment.service';
import { TaskLinksService } from './commands/task-links.service';
import { TransitionTaskCommand } from './commands/transition-task.command';
import { TaskDuePreviewQuery } from './queries/task-due-preview.query';
import { TaskQueries } from './queries/task-queries.service';
import { WorkQueueQuery } from './queries/work-queue.query';
import { TaskDuePreviewResolver } from './task-due-preview.resolver';
import { CaseTasksResolver, TaskLinksResolver } from './task-links.resolver';
import { TaskKind } from './task.kind';
import { TasksResolver } from './tasks.resolver';
import { TasksService } from './tasks.service';

/** Tasks between agencies: a kind of work item (task.kind.ts) with its use cases. */
@Module({
  imports: [AuthModule, CalendarsModule, LegalInstrumentsModule, CasesModule, VictimsModule],
  providers: [
    TaskKind,
    TaskAssignmentService,
    TaskLinksService,
    CreateTaskCommand,
    EditTaskCommand,
    RescheduleTaskCommand,
    TransitionTaskCommand,
    CommentOnTaskCommand,
    CloseActionItemTaskCommand,
    TaskQueries,
    WorkQueueQuery,
    TaskDuePreviewQuery,
    TaskDuePreviewResolver,
    TasksService,
    TasksResolver,
    TaskLinksResolver,
    CaseTasksResolver,
  ],
  exports: [TasksService],
})
export class TasksModule {}
