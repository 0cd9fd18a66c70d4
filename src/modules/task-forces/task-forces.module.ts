import { Module } from '@nestjs/common';

import { AgenciesModule } from '@app/modules/agencies/agencies.module';

import { MembershipFieldsResolver, TaskForcesResolver } from './task-forces.resolver';
import { TaskForcesService } from './task-forces.service';

@Module({
  imports: [AgenciesModule],
  providers: [TaskForcesService, TaskForcesResolver, MembershipFieldsResolver],
  exports: [TaskForcesService],
})
export class TaskForcesModule {}
