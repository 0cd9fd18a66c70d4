import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { Actor } from '@app/auth/actor';
import { CasesService } from '@app/modules/cases/cases.service';
import { VictimsService } from '@app/modules/victims/victims.service';

import { CrossBorderErrorReason, CrossBorderException } from '../cross-border.exception';
import { CrossBorderRequestCaseEntity, CrossBorderRequestVictimEntity } from '../cross-border-link.entity';

/** The cases and people a request concerns: only ones the filer may see can be linked. */
@Injectable()
export class RequestLinksService {
  constructor(
    private readonly cases: CasesService,
    private readonly victims: VictimsService,
  ) {}

  /** Refuses (naming the first) any case or person the actor may not see, exactly as if it did not exist. */
  async requireVisible(manager: EntityManager, actor: Actor, caseIds: string[], victimIds: string[]): Promise<void> {
    const cases = await this.cases.visibleIds(manager, actor, caseIds);
    const missingCase = caseIds.find((id) => !cases.includes(id));
    if (missingCase) {
      throw new CrossBorderException(
        CrossBorderErrorReason.LINK_NOT_FOUND,
        `Invalid input: case ${missingCase} was not found.`,
        'caseIds',
      );
    }
    const victims = await this.victims.visibleIds(manager, actor, victimIds);
    const missingVictim = victimIds.find((id) => !victims.includes(id));
    if (missingVictim) {
      throw new CrossBorderException(
        CrossBorderErrorReason.LINK_NOT_FOUND,
        `Invalid input: victim record ${missingVictim} was not found.`,
        'victimIds',
      );
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
