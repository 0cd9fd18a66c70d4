import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, SelectQueryBuilder } from 'typeorm';

import { Actor } from '@app/auth/actor';
import { Connection, paginate } from '@app/graphql/pagination';

import { activityVisibility } from '../activity-access';
import { ActivityRevisionEntity } from '../activity-revision.entity';
import { ActivityEntity } from '../activity.entity';
import { ActivityException } from '../activity.exception';
import { ActivitiesArgs } from '../dto/activity.inputs';

/** Reading activities, through the visibility rule; histories load in batches. */
@Injectable()
export class ActivityQueries {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  visibleQuery(actor: Actor): SelectQueryBuilder<ActivityEntity> {
    const visibility = activityVisibility(actor, 'activity');
    return this.dataSource
      .getRepository(ActivityEntity)
      .createQueryBuilder('activity')
      .where(visibility.sql, visibility.params);
  }

  async findVisible(actor: Actor, id: string): Promise<ActivityEntity> {
    const activity = await this.visibleQuery(actor).andWhere('activity.id = :activityId', { activityId: id }).getOne();
    if (!activity) throw ActivityException.notFound(id);
    return activity;
  }

  /** Activities the actor may see, the latest first. */
  list(actor: Actor, args: ActivitiesArgs): Promise<Connection<ActivityEntity>> {
    const query = this.visibleQuery(actor);
    const filter = args.filter ?? {};
    if (filter.from) query.andWhere('activity.startsOn >= :from', { from: filter.from });
    if (filter.to) query.andWhere('activity.startsOn <= :to', { to: filter.to });
    if (filter.pillar) query.andWhere('activity.pillar = :pillar', { pillar: filter.pillar });
    if (filter.duty) query.andWhere('activity.duty = :duty', { duty: filter.duty });
    if (filter.type) query.andWhere('activity.type = :type', { type: filter.type });
    if (filter.targetGroup) query.andWhere('activity.targetGroup = :targetGroup', { targetGroup: filter.targetGroup });
    if (filter.regionCode) {
      query.andWhere('(activity.region_code = :region OR activity.region_code LIKE :regionPrefix)', {
        region: filter.regionCode,
        regionPrefix: `${filter.regionCode}.%`,
      });
    }
    if (filter.agencyId) {
      query.andWhere('(activity.organiser_agency_id = :agencyId OR :agencyId = ANY(activity.supporting_agency_ids))', {
        agencyId: filter.agencyId,
      });
    }
    return paginate(query, args, { column: 'activity.startsOn', value: (row) => row.startsOn, descending: true });
  }

  /** Histories of many activities, oldest entry first (the parent's visibility has been checked). */
  async historyOf(activityIds: readonly string[]): Promise<Map<string, ActivityRevisionEntity[]>> {
    const rows = await this.dataSource.getRepository(ActivityRevisionEntity).find({
      where: { activityId: In([...activityIds]) },
      order: { occurredAt: 'ASC', id: 'ASC' },
    });
    const grouped = new Map<string, ActivityRevisionEntity[]>();
    for (const row of rows) grouped.set(row.activityId, [...(grouped.get(row.activityId) ?? []), row]);
    return grouped;
  }
}
