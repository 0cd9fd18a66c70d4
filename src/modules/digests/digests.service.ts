import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { renderDigest } from '@libs/mailer';

import { Actor, hasRole } from '@app/auth/actor';
import { Clock } from '@app/kernel/clock';
import { RequestException } from '@app/kernel/domain.exception';
import { AuditService } from '@app/modules/audit/audit.service';
import { Role } from '@app/kernel/role.enum';

import { DigestContentService } from './digest-content.service';
import { DigestOptOutEntity, DigestUnitOffEntity } from './digest-subscription.entity';
import { DigestPreview, DigestSubscription, DigestWeekSummary, UpdateDigestSubscriptionInput } from './dto/digest.dto';
import { isoWeekOf, previousIsoWeek, weekBounds } from './iso-week';

/** Operator tools and settings of the weekly digest: preview, per-week counts, opting out, units off. */
@Injectable()
export class DigestsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly content: DigestContentService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async preview(userId: string, week: string | undefined): Promise<DigestPreview> {
    const [user] = await this.dataSource.query(`SELECT time_zone FROM app_user WHERE id = $1`, [userId]);
    if (!user) throw RequestException.notFound('User', userId);
    const isoWeek = week ?? isoWeekOf(this.clock.now(), user.time_zone);
    try {
      weekBounds(isoWeek, user.time_zone);
    } catch (error) {
      throw RequestException.invalidInput(`Invalid input: ${(error as Error).message}`, 'week');
    }
    // As the sender does: the digest sent in week W reports on week W-1.
    const rendered = await renderDigest(await this.content.compute(userId, previousIsoWeek(isoWeek), this.clock.now()));
    return { isoWeek, ...rendered };
  }

  async runs(weeks: number): Promise<DigestWeekSummary[]> {
    const rows: { iso_week: string; sent: number; skipped: number; failed: number; pending: number }[] =
      await this.dataSource.query(
        `SELECT iso_week,
           count(*) FILTER (WHERE status = 'SENT')::int AS sent,
           count(*) FILTER (WHERE status = 'SKIPPED')::int AS skipped,
           count(*) FILTER (WHERE status = 'FAILED')::int AS failed,
           count(*) FILTER (WHERE status IN ('PENDING', 'SENDING'))::int AS pending
         FROM digest_run GROUP BY iso_week ORDER BY iso_week DESC LIMIT $1`,
        [weeks],
      );
    return rows.map((row) => ({
      isoWeek: row.iso_week,
      sent: row.sent,
      skipped: row.skipped,
      failed: row.failed,
      pending: row.pending,
    }));
  }

  async mySubscription(actor: Actor): Promise<DigestSubscription> {
    const optedOut = await this.dataSource.getRepository(DigestOptOutEntity).existsBy({ userId: actor.userId });
    return { subscribed: !optedOut, unitId: null };
  }

  async update(actor: Actor, input: UpdateDigestSubscriptionInput): Promise<DigestSubscription> {
    return this.dataSource.transaction(async (manager) => {
      if (input.unitId) {
        if (!hasRole(actor, Role.ADMINISTRATOR)) {
          throw RequestException.forbidden('Only administrators switch a unit’s digests.');
        }
        const [unit] = await manager.query(`SELECT id FROM task_force_unit WHERE id = $1`, [input.unitId]);
        if (!unit) throw RequestException.invalidInput(`Invalid input: no task-force unit ${input.unitId}.`, 'unitId');
        if (input.subscribed) await manager.delete(DigestUnitOffEntity, { unitId: input.unitId });
        else
          await manager.upsert(DigestUnitOffEntity, { unitId: input.unitId, switchedOffByUserId: actor.userId }, [
            'unitId',
          ]);
        await this.audit.record(manager, actor, {
          operation: 'updateDigestSubscription',
          targetType: 'TaskForceUnit',
          targetId: input.unitId,
          changes: { digests: { before: null, after: input.subscribed ? 'on' : 'off' } },
        });
        return { subscribed: input.subscribed, unitId: input.unitId };
      }
      if (input.subscribed) await manager.delete(DigestOptOutEntity, { userId: actor.userId });
      else await manager.upsert(DigestOptOutEntity, { userId: actor.userId }, ['userId']);
      await this.audit.record(manager, actor, {
        operation: 'updateDigestSubscription',
        targetType: 'User',
        targetId: actor.userId,
        changes: { digest: { before: null, after: input.subscribed ? 'on' : 'off' } },
      });
      return { subscribed: input.subscribed, unitId: null };
    });
  }
}
