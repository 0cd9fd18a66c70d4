import { Module } from '@nestjs/common';

import { AgenciesModule } from '@app/modules/agencies/agencies.module';

import { ActivitiesResolver } from './activities.resolver';
import { ActivitiesService } from './activities.service';
import { ActivityFields } from './commands/activity-fields';
import { CorrectActivityCommand } from './commands/correct-activity.command';
import { RecordActivityCommand } from './commands/record-activity.command';
import { ActivityQueries } from './queries/activity-queries.service';

/** Prevention, training and partnership activities (task-force duties 2 and 5), entered by their organisers. */
@Module({
  imports: [AgenciesModule],
  providers: [
    ActivityFields,
    RecordActivityCommand,
    CorrectActivityCommand,
    ActivityQueries,
    ActivitiesService,
    ActivitiesResolver,
  ],
  exports: [ActivitiesService],
})
export class ActivitiesModule {}
