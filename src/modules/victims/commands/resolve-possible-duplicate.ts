import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { AccessService } from '@app/auth/access.service';
import { Actor } from '@app/auth/actor';
import { Clock } from '@app/kernel/clock';
import { AuditService } from '@app/modules/audit/audit.service';

import { ResolvePossibleDuplicateInput } from '../dto/victim.inputs';
import { DuplicateFlagEntity } from '../duplicate-flag.entity';
import { VictimEntity } from '../victim.entity';
import { DuplicateFlagStatus } from '../victim.enums';
import { VictimErrorReason, VictimException } from '../victim.exception';

/** The secretariat closes a flag it can see (on a record it may see), with how it was reconciled. */
@Injectable()
export class ResolvePossibleDuplicate {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  execute(actor: Actor, input: ResolvePossibleDuplicateInput): Promise<DuplicateFlagEntity> {
    return this.dataSource.transaction(async (manager) => {
      const visibility = this.access.victimVisibility(actor, 'victim');
      const flag = await manager
        .getRepository(DuplicateFlagEntity)
        .createQueryBuilder('flag')
        .innerJoin(VictimEntity, 'victim', 'victim.id = flag.existing_victim_id')
        .where('flag.id = :id', { id: input.id })
        .andWhere(visibility.sql, visibility.params)
        .setLock('pessimistic_write', undefined, ['flag'])
        .getOne();
      if (!flag) {
        throw new VictimException(VictimErrorReason.VICTIM_NOT_FOUND, `Possible duplicate ${input.id} was not found.`);
      }
      if (flag.status === DuplicateFlagStatus.RESOLVED) {
        throw new VictimException(
          VictimErrorReason.ILLEGAL_TRANSITION,
          `Possible duplicate ${flag.id} was resolved already.`,
        );
      }
      flag.status = DuplicateFlagStatus.RESOLVED;
      flag.resolvedAt = this.clock.now();
      flag.resolvedByUserId = actor.userId;
      flag.resolutionNote = input.note;
      await manager.save(flag);
      // The note stays on the flag, not in either record's history: the registering agency must not learn of the
      // match from its own record, nor the owner from theirs (registration-matches.ts).
      await this.audit.record(manager, actor, {
        operation: 'resolvePossibleDuplicate',
        targetType: 'PossibleDuplicate',
        targetId: flag.id,
        changes: { status: { before: DuplicateFlagStatus.OPEN, after: DuplicateFlagStatus.RESOLVED } },
      });
      return flag;
    });
  }
}
