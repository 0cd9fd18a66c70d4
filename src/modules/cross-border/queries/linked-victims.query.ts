import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { Actor, hasRole } from '@app/auth/actor';
import { AuditService } from '@app/modules/audit/audit.service';
import { Role } from '@app/modules/users/role.enum';
import { ConsentEntity } from '@app/modules/victims/consent.entity';
import { IdentityVault } from '@app/modules/victims/identity-vault';
import { VictimIdentity } from '@app/modules/victims/victim-identity';
import { ConsentPurpose } from '@app/modules/victims/victim.enums';
import { VictimEntity } from '@app/modules/victims/victim.entity';
import { VictimsService } from '@app/modules/victims/victims.service';

import { requestReference } from '../cross-border.constants';
import { RequestCategory } from '../cross-border.enums';
import { CrossBorderRequestVictimEntity } from '../cross-border-link.entity';
import { CrossBorderRequestEntity } from '../cross-border-request.entity';

/** The consent purpose that lets a counterpart see identities for each category (none: codes only). */
const CATEGORY_PURPOSE: Record<RequestCategory, ConsentPurpose | null> = {
  LOCATE_RESCUE: ConsentPurpose.CASE_COORDINATION,
  VICTIM_INTERVIEW_SUPPORT: ConsentPurpose.CASE_COORDINATION,
  SHELTER_PLACEMENT: ConsentPurpose.CASE_COORDINATION,
  REPATRIATION_EXIT_CLEARANCE: ConsentPurpose.REPATRIATION,
  TRAVEL_DOCUMENT_VERIFICATION: ConsentPurpose.REPATRIATION,
  MIGRANT_STATUS_DETERMINATION: ConsentPurpose.REPATRIATION,
  CASE_INFORMATION: ConsentPurpose.CASE_COORDINATION,
  STATISTICS_EXCHANGE: null,
  JOINT_OPERATION: ConsentPurpose.CASE_COORDINATION,
  COURT_SUPPORT: ConsentPurpose.LEGAL_PROCEEDINGS,
};

/** The people a request concerns, as the reader may see them. */
@Injectable()
export class LinkedVictimsQuery {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly victims: VictimsService,
    private readonly vault: IdentityVault,
    private readonly audit: AuditService,
  ) {}

  /**
   * The people a request concerns: always the pseudonymous code; the identity only for the home side's
   * officers entitled to it (the victim rule) and, for the counterpart's own accounts, only with consent in
   * force for that counterpart and for the purpose the request's category serves. Every opening is audited.
   */
  async forReader(
    actor: Actor,
    request: CrossBorderRequestEntity,
  ): Promise<{ code: string; identity: VictimIdentity | null }[]> {
    const victims = await this.dataSource
      .getRepository(VictimEntity)
      .createQueryBuilder('victim')
      .innerJoin(CrossBorderRequestVictimEntity, 'link', 'link.victim_id = victim.id')
      .where('link.request_id = :requestId', { requestId: request.id })
      .orderBy('victim.code', 'ASC')
      .getMany();
    const purpose = CATEGORY_PURPOSE[request.category];
    const counterpart =
      hasRole(actor, Role.COUNTERPART) && actor.agencyId === request.counterpartAgencyId && purpose !== null;
    const result: { code: string; identity: VictimIdentity | null }[] = [];
    for (const victim of victims) {
      let identity: VictimIdentity | null = null;
      if (await this.victims.canSeeIdentity(actor, victim.id)) {
        identity = await this.victims.identity(actor, victim);
      } else if (counterpart) {
        const consent = await this.dataSource
          .getRepository(ConsentEntity)
          .createQueryBuilder('consent')
          .where('consent.victim_id = :victimId AND consent.recipient_agency_id = :agencyId', {
            victimId: victim.id,
            agencyId: actor.agencyId,
          })
          .andWhere('consent.purpose = :purpose AND consent.revoked_at IS NULL', { purpose })
          .getOne();
        if (consent) {
          await this.audit.record(this.dataSource.manager, actor, {
            operation: 'readVictimIdentity',
            targetType: 'Victim',
            targetId: victim.id,
            changes: { via: { before: null, after: `cross-border request ${requestReference(request)}` } },
          });
          identity = this.vault.open(victim);
        }
      }
      result.push({ code: victim.code, identity });
    }
    return result;
  }
}
