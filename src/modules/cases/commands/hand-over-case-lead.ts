import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { AccessService } from '@app/auth/access.service';
import { Actor } from '@app/auth/actor';
import { AuditService } from '@app/modules/audit/audit.service';
import { recordEvents } from '@app/queue/outbox';

import { HandOverCaseLeadInput } from '../dto/case-team.inputs';
import { CaseEventKind } from '../case-event.entity';
import { recordCaseEvent } from '../case-history';
import { CaseErrorReason, CaseException } from '../case.exception';
import { CaseEntity } from '../case.entity';
import { caseReference, requireLeadAgency } from '../case-rules';
import { currentParticipation, teamEvent } from './case-team';
import { lockCaseForTeam } from './case-locks';

/**
 * The lead agency (or the unit secretariat) hands the lead to another agency already in the team (e.g. the
 * prosecutor once the dossier is accepted). The former lead stays in the team in its role; the new lead works the
 * case from now on (description, justice track, team).
 */
@Injectable()
export class HandOverCaseLead {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  execute(actor: Actor, input: HandOverCaseLeadInput): Promise<CaseEntity> {
    return this.dataSource.transaction(async (manager) => {
      const kase = await lockCaseForTeam(manager, this.access, actor, input.caseId, input.expectedVersion);
      const next = await currentParticipation(manager, kase.id, input.toAgencyId);
      if (!next) {
        throw new CaseException(
          CaseErrorReason.NOT_PARTICIPATING,
          `toAgencyId: agency ${input.toAgencyId} does not take part in case ${caseReference(kase)}; add it to the team first (addCaseParticipant).`,
          'toAgencyId',
        );
      }
      if (next.lead) {
        throw new CaseException(
          CaseErrorReason.ALREADY_LEAD,
          `toAgencyId: that agency leads case ${caseReference(kase)} already.`,
          'toAgencyId',
        );
      }
      await requireLeadAgency(manager, next.agencyId, 'toAgencyId');
      const previous = await currentParticipation(manager, kase.id, kase.leadAgencyId);
      const previousLeadAgencyId = kase.leadAgencyId;
      // The old lead's row first: one lead per case at any moment (a unique index holds it).
      if (previous) {
        previous.lead = false;
        await manager.save(previous);
      }
      next.lead = true;
      await manager.save(next);
      kase.leadAgencyId = next.agencyId;
      const saved = await manager.save(kase);
      const reason = input.reason.trim();
      await recordCaseEvent(manager, actor, kase.id, {
        kind: CaseEventKind.LEAD_HANDED_OVER,
        reason,
        details: { leadAgencyId: { before: previousLeadAgencyId, after: next.agencyId }, role: next.role },
      });
      await this.audit.record(manager, actor, {
        operation: 'handOverCaseLead',
        targetType: 'Case',
        targetId: kase.id,
        changes: { leadAgencyId: { before: previousLeadAgencyId, after: next.agencyId } },
      });
      await recordEvents(manager, [teamEvent('case.lead-handed-over', saved, next, actor, { previousLeadAgencyId })]);
      return saved;
    });
  }
}
