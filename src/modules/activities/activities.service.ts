import { Injectable } from '@nestjs/common';

import { Actor } from '@app/auth/actor';
import { Connection } from '@app/graphql/pagination';

import { ActivityRevisionEntity } from './activity-revision.entity';
import { ActivityEntity } from './activity.entity';
import { CorrectActivityCommand } from './commands/correct-activity.command';
import { RecordActivityCommand } from './commands/record-activity.command';
import { ActivitiesArgs, CorrectActivityInput, RecordActivityInput } from './dto/activity.inputs';
import { ActivityQueries } from './queries/activity-queries.service';

/** Prevention, training and partnership activities: one entry point per use case (commands/, queries/). */
@Injectable()
export class ActivitiesService {
  constructor(
    private readonly queries: ActivityQueries,
    private readonly recording: RecordActivityCommand,
    private readonly correcting: CorrectActivityCommand,
  ) {}

  findVisible(actor: Actor, id: string): Promise<ActivityEntity> {
    return this.queries.findVisible(actor, id);
  }

  list(actor: Actor, args: ActivitiesArgs): Promise<Connection<ActivityEntity>> {
    return this.queries.list(actor, args);
  }

  historyOf(activityIds: readonly string[]): Promise<Map<string, ActivityRevisionEntity[]>> {
    return this.queries.historyOf(activityIds);
  }

  recordActivity(actor: Actor, input: RecordActivityInput): Promise<ActivityEntity> {
    return this.recording.execute(actor, input);
  }

  correctActivity(actor: Actor, input: CorrectActivityInput): Promise<ActivityEntity> {
    return this.correcting.execute(actor, input);
  }
}
