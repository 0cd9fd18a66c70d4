import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { Actor } from '@app/auth/actor';
import { CasesService } from '@app/modules/cases/cases.service';
import { VictimsService } from '@app/modules/victims/victims.service';

import { CrossBorderErrorReason, CrossBorderException } from '../cross-border.exception';
import { CrossBorderRequestCaseEntity, CrossBorderRequestVictimEntity } from '../cross-border-link.entity';

/**
 * The cases and people a request concerns. A case or person can be linked when the filer may see it, or when the
 * filing agency or the home agency the request is filed for takes part in the case (an attaché files for the police
 * that lead it). Anything else answers exactly as an id that does not exist (NOT_FOUND).
 */
@Injectable()
export class RequestLinksService {
  constructor(
    private readonly cases: CasesService,
    private readonly victims: VictimsService,
  ) {}

  /** Refuses (naming the first) any case or person that cannot be linked, exactly as if it did not exist. */
  async requireVisible(
    manager: EntityManager,
    actor: Actor,
    caseIds: string[],
    victimIds: string[],
    homeAgencyIds: string[] = [],
  ): Promise<void> {
    const teamCases = new Set(await this.cases.withParticipant(manager, homeAgencyIds, caseIds));
    const cases = new Set(await this.cases.visibleIds(manager, actor, caseIds));
    const missingCase = caseIds.findIndex((id) => !cases.has(id) && !teamCases.has(id));
    if (missingCase >= 0) {
      throw new CrossBorderException(
        CrossBorderErrorReason.LINK_NOT_FOUND,
        `Invalid input: case ${caseIds[missingCase]} was not found.`,
        `caseIds.${missingCase}`,
      );
    }
    const victims = new Set(await this.victims.visibleIds(manager, actor, victimIds));
    const people = await this.victims.linkedTo(victimIds.filter((id) => !victims.has(id)));
    const personCases = people.map((person) => person.caseId).filter((id): id is string => id !== null);
    const inTeamCase = new Set(await this.cases.withParticipant(manager, homeAgencyIds, personCases));
    for (const person of people) if (person.caseId && inTeamCase.has(person.caseId)) victims.add(person.id);
    const missingVictim = victimIds.findIndex((id) => !victims.has(id));
    if (missingVictim >= 0) {
      throw new CrossBorderException(
        CrossBorderErrorReason.LINK_NOT_FOUND,
        `Invalid input: victim record ${victimIds[missingVictim]} was not found.`,
        `victimIds.${missingVictim}`,
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
