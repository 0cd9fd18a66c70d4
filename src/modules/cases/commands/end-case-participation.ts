import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { AccessService } from '@app/auth/access.service';
import { Actor } from '@app/auth/actor';
import { Clock } from '@app/kernel/clock';
import { dayIn, eventDateProblem } from '@app/kernel/event-date';
import { AuditService } from '@app/modules/audit/audit.service';
import { recordEvents } from '@app/queue/outbox';

import { EndCaseParticipationInput } from '../dto/case-team.inputs';
import { CaseEventKind } from '../case-event.entity';
import { recordCaseEvent } from '../case-history';
import { CaseParticipantEntity } from '../case-participant.entity';
import { CaseErrorReason, CaseException } from '../case.exception';
import { caseReference } from '../case-rules';
import { currentParticipation, teamEvent } from './case-team';
import { lockCaseForTeam } from './case-locks';

/**
 * The lead agency (or the unit secretariat) ends an agency's participation. Access reads the row fresh on every
 * request, so the agency's officers no longer see the case or its people from the next one. The lead's own
 * participation cannot end: the lead is handed over first.
 */
@Injectable()
export class EndCaseParticipation {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  execute(actor: Actor, input: EndCaseParticipationInput): Promise<CaseParticipantEntity> {
    return this.dataSource.transaction(async (manager) => {
      const kase = await lockCaseForTeam(manager, this.access, actor, input.caseId);
      const participant = await currentParticipation(manager, kase.id, input.agencyId);
      if (!participant) {
        throw new CaseException(
          CaseErrorReason.NOT_PARTICIPATING,
          `agencyId: agency ${input.agencyId} does not take part in case ${caseReference(kase)}.`,
          'agencyId',
        );
      }
      if (participant.lead) {
        throw new CaseException(
          CaseErrorReason.LEAD_PARTICIPATION,
          `agencyId: the lead agency's participation cannot end; hand the lead of ${caseReference(kase)} over first (handOverCaseLead).`,
          'agencyId',
        );
      }
      const now = this.clock.now();
      const endedOn = input.endedOn ?? dayIn(now, actor.timeZone);
      const problem = eventDateProblem(endedOn, dayIn(now, actor.timeZone), [
        { day: participant.since, what: 'the participation began' },
      ]);
      if (problem) throw new CaseException(CaseErrorReason.EVENT_DATE_INVALID, `endedOn: ${problem}`, 'endedOn');
      participant.endedOn = endedOn;
      participant.endedAt = now;
      participant.endedByUserId = actor.userId;
      participant.endReason = input.reason.trim();
      const saved = await manager.save(participant);
      await recordCaseEvent(manager, actor, kase.id, {
        kind: CaseEventKind.PARTICIPATION_ENDED,
        reason: saved.endReason,
        details: { participantId: saved.id, agencyId: saved.agencyId, role: saved.role },
        occurredOn: endedOn,
      });
      await this.audit.record(manager, actor, {
        operation: 'endCaseParticipation',
        targetType: 'Case',
        targetId: kase.id,
        changes: { participant: { before: { agencyId: saved.agencyId, role: saved.role }, after: { endedOn } } },
      });
      await recordEvents(manager, [teamEvent('case.participation-ended', kase, saved, actor)]);
      return saved;
    });
  }
}
