import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

import { Actor, hasRole } from '@app/auth/actor';
import { AgencyType } from '@app/modules/agencies/agency.enums';
import { AgencyEntity } from '@app/modules/agencies/agency.entity';
import { CommitmentLinksService } from '@app/modules/legal-instruments/commitment-links.service';
import { Role } from '@app/kernel/role.enum';
import { WorkItemChanges } from '@app/workflow/work-item-changes';

import { RequestHistoryKind } from '../cross-border.constants';
import { CrossBorderKind } from '../cross-border.kind';
import { RequestConfidentiality, RequestDirection, RequestStatus, RequestUrgency } from '../cross-border.enums';
import { CrossBorderErrorReason, CrossBorderException } from '../cross-border.exception';
import { CrossBorderRequestEntity } from '../cross-border-request.entity';
import { DraftCrossBorderRequestInput } from '../dto/cross-border.inputs';
import { RequestLinksService } from './request-links.service';

/** An attaché (or an officer of the home agency) drafts a request: counterpart, legal basis and links checked. */
@Injectable()
export class DraftRequestCommand {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly kind: CrossBorderKind,
    private readonly changes: WorkItemChanges,
    private readonly commitments: CommitmentLinksService,
    private readonly links: RequestLinksService,
  ) {}

  execute(actor: Actor, input: DraftCrossBorderRequestInput): Promise<CrossBorderRequestEntity> {
    return this.dataSource.transaction(async (manager) => {
      const counterpart = await manager.findOneBy(AgencyEntity, { id: input.counterpartAgencyId });
      if (
        !counterpart ||
        !counterpart.active ||
        counterpart.country !== input.counterpartCountry ||
        counterpart.country === 'ID'
      ) {
        throw new CrossBorderException(
          CrossBorderErrorReason.COUNTERPART_INVALID,
          `Invalid input: the counterpart must be an active agency of ${input.counterpartCountry}` +
            (counterpart ? ` (${counterpart.acronym} is of ${counterpart.country}).` : '.'),
          'counterpartAgencyId',
        );
      }
      const home = await this.requireHome(manager, actor, input.onBehalfOfAgencyId ?? actor.agencyId);
      await this.requireLegalBasis(manager, input);
      const caseIds = [...new Set(input.caseIds ?? [])];
      const victimIds = [...new Set(input.victimIds ?? [])];
      await this.links.requireVisible(manager, actor, caseIds, victimIds, [actor.agencyId, home.id]);

      const draft = manager.create(CrossBorderRequestEntity, {
        direction: input.direction ?? RequestDirection.OUTGOING,
        counterpartCountry: input.counterpartCountry,
        counterpartAgencyId: counterpart.id,
        channel: input.channel,
        legalInstrumentId: input.legalInstrumentId ?? null,
        agreementCommitmentId: input.agreementCommitmentId ?? null,
        category: input.category,
        urgency: input.urgency ?? RequestUrgency.NORMAL,
        confidentiality: input.confidentiality ?? RequestConfidentiality.STANDARD,
        subject: input.subject,
        body: input.body,
        filedByUserId: actor.userId,
        filingAgencyId: actor.agencyId,
        onBehalfOfAgencyId: home.id,
        status: RequestStatus.DRAFT,
        deadlineVersions: { ACKNOWLEDGE: 1, DECIDE: 1, EXECUTE: 1 },
        overdueStages: [],
      });
      const request = await manager.save(draft);
      await this.links.link(manager, request.id, caseIds, victimIds);
      return this.changes.record(manager, this.kind, actor, request, {
        operation: 'draftCrossBorderRequest',
        history: { kind: RequestHistoryKind.DRAFTED, toStatus: RequestStatus.DRAFT },
        audit: {
          counterpartAgencyId: { before: null, after: counterpart.id },
          channel: { before: null, after: request.channel },
          category: { before: null, after: request.category },
        },
      });
    });
  }

  /** An active Indonesian agency the actor may file for: attachés and embassy officers for any, others for their own. */
  private async requireHome(manager: EntityManager, actor: Actor, homeId: string): Promise<AgencyEntity> {
    const home = await manager.findOneBy(AgencyEntity, { id: homeId });
    const actorAgency = await manager.findOneByOrFail(AgencyEntity, { id: actor.agencyId });
    if (!home || !home.active || home.country !== 'ID') {
      throw new CrossBorderException(
        CrossBorderErrorReason.HOME_AGENCY_INVALID,
        'Invalid input: the home agency must be an active Indonesian agency.',
        'onBehalfOfAgencyId',
      );
    }
    const mayFileFor =
      home.id === actor.agencyId ||
      home.id === actorAgency.parentAgencyId ||
      hasRole(actor, Role.ATTACHE) ||
      actorAgency.type === AgencyType.OVERSEAS_MISSION;
    if (!mayFileFor) {
      throw new CrossBorderException(
        CrossBorderErrorReason.HOME_AGENCY_INVALID,
        `Invalid input: you may file for your own agency; ${home.acronym} files its own requests (or through an attaché).`,
        'onBehalfOfAgencyId',
      );
    }
    return home;
  }

  /** The instrument must bind the counterpart's country (a party of it), and the commitment belong to it. */
  private async requireLegalBasis(manager: EntityManager, input: DraftCrossBorderRequestInput): Promise<void> {
    const { legalInstrumentId, agreementCommitmentId, counterpartCountry } = input;
    if (!legalInstrumentId) {
      if (agreementCommitmentId) {
        throw new CrossBorderException(
          CrossBorderErrorReason.LEGAL_BASIS_INVALID,
          'Invalid input: a commitment area needs its instrument (legalInstrumentId).',
          'legalInstrumentId',
        );
      }
      return;
    }
    const basis = await this.commitments.legalBasis(
      manager,
      legalInstrumentId,
      counterpartCountry,
      agreementCommitmentId,
    );
    if (!basis) {
      throw new CrossBorderException(
        CrossBorderErrorReason.LEGAL_BASIS_INVALID,
        `Invalid input: no legal instrument ${legalInstrumentId}.`,
        'legalInstrumentId',
      );
    }
    if (!basis.binds) {
      throw new CrossBorderException(
        CrossBorderErrorReason.LEGAL_BASIS_INVALID,
        `Invalid input: ${basis.instrument.code} does not bind ${counterpartCountry} (no party of it is of that country).`,
        'legalInstrumentId',
      );
    }
    if (agreementCommitmentId && !basis.commitment) {
      throw new CrossBorderException(
        CrossBorderErrorReason.LEGAL_BASIS_INVALID,
        `Invalid input: commitment ${agreementCommitmentId} is not an area of ${basis.instrument.code}.`,
        'agreementCommitmentId',
      );
    }
  }
}
