import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { Actor } from '@app/auth/actor';
import { CaseRole } from '@app/kernel/case-role';
import { Clock } from '@app/kernel/clock';
import { dayIn } from '@app/kernel/event-date';
import { AuditService, diffFields } from '@app/modules/audit/audit.service';
import { recordEvents } from '@app/queue/outbox';

import { OpenCaseInput } from '../dto/case.inputs';
import { CaseEventKind } from '../case-event.entity';
import { recordCaseEvent } from '../case-history';
import { CaseParticipantEntity } from '../case-participant.entity';
import { roleProblem, rolesFor } from '../case-role-fit';
import { caseDatesProblem } from '../case-dates';
import { CaseErrorReason, CaseException } from '../case.exception';
import { JusticeStatus } from '../case.enums';
import { CaseEntity } from '../case.entity';
import { caseEvent, DESCRIPTIVE_FIELDS, description, requireLeadAgency, requireUnit } from '../case-rules';

/**
 * Opens a case led by the actor's own agency, at REPORTED, with the lead's row in the case team. Its event dates may
 * be historical (a 2023 case entered now); they never move any deadline.
 */
@Injectable()
export class OpenCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  execute(actor: Actor, input: OpenCaseInput): Promise<CaseEntity> {
    return this.dataSource.transaction(async (manager) => {
      const lead = await requireLeadAgency(manager, actor.agencyId);
      await requireUnit(manager, input.unitId);
      const given = description(input);
      const now = this.clock.now();
      const dates = caseDatesProblem(given, now, actor.timeZone);
      if (dates) throw new CaseException(CaseErrorReason.EVENT_DATE_INVALID, dates.message, dates.field);
      const role = input.leadRole ?? rolesFor(lead)[0] ?? CaseRole.COORDINATION;
      const misfit = roleProblem(role, lead);
      if (misfit) throw new CaseException(CaseErrorReason.ROLE_DOES_NOT_FIT, `leadRole: ${misfit}`, 'leadRole');
      const opened = await manager.save(
        manager.create(CaseEntity, {
          originRegionCode: null,
          destinationCountries: [],
          transitCountries: [],
          recruitmentChannels: [],
          meansOfControl: [],
          summary: '',
          reportedOn: null,
          exploitationFrom: null,
          exploitationTo: null,
          rescuedOn: null,
          rescuePlace: null,
          rescueCountry: null,
          ...given,
          // Never from input: the opener's own agency leads the case.
          leadAgencyId: actor.agencyId,
          openedByUserId: actor.userId,
          status: JusticeStatus.REPORTED,
          statusChangedAt: now,
          statusReason: null,
        }),
      );
      const since = opened.reportedOn ?? dayIn(now, actor.timeZone);
      await manager.insert(CaseParticipantEntity, {
        caseId: opened.id,
        agencyId: actor.agencyId,
        role,
        lead: true,
        since,
        addedByUserId: actor.userId,
        addedByAgencyId: actor.agencyId,
      });
      await recordCaseEvent(manager, actor, opened.id, {
        kind: CaseEventKind.OPENED,
        toStatus: opened.status,
        details: { leadRole: role },
        occurredOn: opened.reportedOn,
      });
      await this.audit.record(manager, actor, {
        operation: 'openCase',
        targetType: 'Case',
        targetId: opened.id,
        changes: diffFields(null, opened, ['leadAgencyId', 'status', ...DESCRIPTIVE_FIELDS]),
      });
      await recordEvents(manager, [caseEvent('case.opened', opened, actor)]);
      return opened;
    });
  }
}
