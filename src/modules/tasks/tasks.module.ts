import { Module } from '@nestjs/common';

import { AuthModule } from '@app/auth/auth.module';
import { CalendarsModule } from '@app/modules/calendars/calendars.module';

import { TaskEscalationSubject } from './task-escalation.subject';
import { TasksResolver } from './tasks.resolver';
import { TasksService } from './tasks.service';

@Module({
  imports: [AuthModule, CalendarsModule],
  providers: [TasksService, TasksResolver, TaskEscalationSubject],
  exports: [TasksService],
})
export class TasksModule {}
