import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { AccessService } from '@app/auth/access.service';
import { Actor } from '@app/auth/actor';
import { CaseEntity } from '@app/modules/cases/case.entity';
import { VictimEntity } from '@app/modules/victims/victim.entity';

import { CrossBorderErrorReason, CrossBorderException } from '../cross-border.exception';
import { CrossBorderRequestCaseEntity, CrossBorderRequestVictimEntity } from '../cross-border-link.entity';

/** The cases and people a request concerns: only ones the filer may see can be linked. */
@Injectable()
export class RequestLinksService {
  constructor(private readonly access: AccessService) {}

  /** Refuses (naming the first) any case or person the actor may not see, exactly as if it did not exist. */
  async requireVisible(manager: EntityManager, actor: Actor, caseIds: string[], victimIds: string[]): Promise<void> {
    if (caseIds.length > 0) {
      const visibility = this.access.caseVisibility(actor, 'kase');
      const found = await manager
        .getRepository(CaseEntity)
        .createQueryBuilder('kase')
        .select('kase.id')
        .where('kase.id IN (:...caseIds)', { caseIds })
        .andWhere(visibility.sql, visibility.params)
        .getMany();
      const missing = caseIds.find((id) => !found.some((row) => row.id === id));
      if (missing) {
        throw new CrossBorderException(
          CrossBorderErrorReason.LINK_NOT_FOUND,
          `Invalid input: case ${missing} was not found.`,
          'caseIds',
        );
      }
    }
    if (victimIds.length > 0) {
      const visibility = this.access.victimVisibility(actor, 'victim');
      const found = await manager
        .getRepository(VictimEntity)
        .createQueryBuilder('victim')
        .select('victim.id')
        .where('victim.id IN (:...victimIds)', { victimIds })
        .andWhere(visibility.sql, visibility.params)
        .getMany();
      const missing = victimIds.find((id) => !found.some((row) => row.id === id));
      if (missing) {
        throw new CrossBorderException(
          CrossBorderErrorReason.LINK_NOT_FOUND,
          `Invalid input: victim record ${missing} was not found.`,
          'victimIds',
        );
      }
    }
  }

  async link(manager: EntityManager, requestId: string, caseIds: string[], victimIds: string[]): Promise<void> {
    if (caseIds.length > 0) {
      await manager.insert(
        CrossBorderRequestCaseEntity,
        caseIds.map((caseId) => ({ requestId, caseId })),
      );
    }
    if (victimIds.length > 0) {
      await manager.insert(
        CrossBorderRequestVictimEntity,
        victimIds.map((victimId) => ({ requestId, victimId })),
      );
    }
  }

  /** Links the new request to what `fromRequestId` concerns (a formal request proposed from an informal one). */
  async copy(manager: EntityManager, fromRequestId: string, toRequestId: string): Promise<void> {
    const cases = await manager.getRepository(CrossBorderRequestCaseEntity).findBy({ requestId: fromRequestId });
    const victims = await manager.getRepository(CrossBorderRequestVictimEntity).findBy({ requestId: fromRequestId });
    await this.link(
      manager,
      toRequestId,
      cases.map((row) => row.caseId),
      victims.map((row) => row.victimId),
    );
  }
}
