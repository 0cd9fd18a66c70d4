import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, Not } from 'typeorm';

import { WorkCalendar } from '@libs/deadlines';

import { Clock } from '@app/kernel/clock';

import { EscalationPolicyEntity } from './escalation-policy.entity';
import { EscalationRungEntity } from './escalation-rung.entity';
import { PolicySnapshot, RungStatus } from './escalation.types';
import { planLadder } from './ladder';

/** One deadline of one item, as its module sees it after a change. */
export interface LadderRequest {
  itemType: string;
  itemId: string;
  /** DUE for a task's due date; ACKNOWLEDGE / DECIDE / EXECUTE / RESPOND for staged deadlines. */
  deadlineKind: string;
  deadlineVersion: number;
  deadlineAt: Date;
  /** False once the step this deadline belongs to is done (or the item closed): the ladder stops. */
  running: boolean;
  policy: PolicySnapshot;
  calendar: WorkCalendar;
}

/**
 * Plans and stops escalation ladders inside the item's own transaction: the rungs exist exactly when the
 * change does. PostgreSQL is their scheduler (RungScheduler claims them when due): nothing goes to Redis.
 */
@Injectable()
export class EscalationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async policies(): Promise<EscalationPolicyEntity[]> {
    return this.dataSource.getRepository(EscalationPolicyEntity).find({ order: { itemType: 'ASC', urgency: 'ASC' } });
  }

  /** The active policy for an item type and urgency, falling back to the item type's ANY policy. */
  async policyFor(manager: EntityManager, itemType: string, urgency: string): Promise<PolicySnapshot> {
    const candidates = await manager
      .getRepository(EscalationPolicyEntity)
      .findBy({ itemType, urgency: In([urgency, 'ANY']), active: true });
    const policy = candidates.find((p) => p.urgency === urgency) ?? candidates.find((p) => p.urgency === 'ANY');
    if (!policy) throw new Error(`No active escalation policy for ${itemType} (${urgency}); seed one.`);
    return { name: policy.name, rungs: policy.rungs };
  }

  /**
   * Undoes the arming of the items' rungs not yet due (DueRungBatch arms them ahead): they are plain SCHEDULED again
   * and what they wrote ahead is deleted, in the caller's transaction, which changed the items; the next arming pass
   * decides them as the items then are. Waits for an arming batch that holds one of the rungs. Returns how many.
   */
  async disarm(manager: EntityManager, itemType: string, itemIds: string[]): Promise<number> {
    const [row]: { disarmed: number }[] = await manager.query(`SELECT disarm_rungs($1, $2::uuid[], $3) AS disarmed`, [
      itemType,
      itemIds,
      this.clock.now(),
    ]);
    return row.disarmed;
  }

  /**
   * Brings the ladder of one deadline in line with the item: rungs of older versions, or of a deadline no
   * longer running, are cancelled; the current version's rungs are planned once (a rerun changes nothing).
   */
  async syncLadder(manager: EntityManager, request: LadderRequest): Promise<void> {
    const now = this.clock.now();
    const scope = { itemType: request.itemType, itemId: request.itemId, deadlineKind: request.deadlineKind };
    await manager.update(
      EscalationRungEntity,
      request.running
        ? { ...scope, status: RungStatus.SCHEDULED, deadlineVersion: Not(request.deadlineVersion) }
        : { ...scope, status: RungStatus.SCHEDULED },
      {
        status: RungStatus.CANCELLED,
        settledAt: now,
        note: request.running ? 'the deadline changed' : 'the step was done or the item closed',
      },
    );
    if (!request.running) return;
    const planned = planLadder(request.policy, request.deadlineAt, request.calendar, now);
    await manager
      .createQueryBuilder()
      .insert()
      .into(EscalationRungEntity)
      .values(
        planned.map((rung) => ({
          ...scope,
          deadlineVersion: request.deadlineVersion,
          deadlineAt: request.deadlineAt,
          policyName: request.policy.name,
          rungKey: rung.definition.key,
          rungIndex: rung.index,
          fireAt: rung.fireAt,
          targets: rung.definition.targets,
          action: rung.definition.action ?? null,
          status: rung.status,
          settledAt: rung.status === RungStatus.SKIPPED ? now : null,
          note: rung.status === RungStatus.SKIPPED ? 'already past when the ladder was planned' : null,
        })),
      )
      .orIgnore()
      .execute();
  }
}
