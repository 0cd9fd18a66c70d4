import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { Actor } from '@app/auth/actor';
import { IdentityDisclosureService } from '@app/modules/victims/identity-disclosure.service';
import { VictimIdentity } from '@app/modules/victims/victim-identity';
import { ConsentPurpose } from '@app/modules/victims/victim.enums';
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
    private readonly disclosure: IdentityDisclosureService,
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
    const links = await this.dataSource.getRepository(CrossBorderRequestVictimEntity).findBy({ requestId: request.id });
    const victims = await this.victims.linkedTo(links.map((link) => link.victimId));
    const counterpartRequest = {
      counterpartAgencyId: request.counterpartAgencyId,
      purpose: CATEGORY_PURPOSE[request.category],
      reference: requestReference(request),
    };
    const result: { code: string; identity: VictimIdentity | null }[] = [];
    for (const victim of victims) {
      // The victims module decides and audits each opening: the owner/referral rule, else the counterpart's consent.
      const identity =
        (await this.disclosure.identity(actor, victim)) ??
        (await this.disclosure.counterpartIdentity(actor, victim, counterpartRequest));
      result.push({ code: victim.code, identity });
    }
    return result;
  }
}
