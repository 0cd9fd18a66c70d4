import { EntityManager } from 'typeorm';

import { Actor } from '@app/auth/actor';
import { CaseRole } from '@app/kernel/case-role';
import { Clock } from '@app/kernel/clock';
import { isUniqueViolation } from '@app/database/db-errors';
import { dayIn, eventDateProblem } from '@app/kernel/event-date';
import { CaseTeamEventPayload, DomainEvent, Topic } from '@app/kernel/topics';
import { AgencyEntity } from '@app/modules/agencies/agency.entity';
import { AuditService } from '@app/modules/audit/audit.service';
import { recordEvents } from '@app/queue/outbox';

import { CaseEventKind } from '../case-event.entity';
import { recordCaseEvent } from '../case-history';
import { CaseParticipantEntity } from '../case-participant.entity';
import { roleProblem } from '../case-role-fit';
import { CaseErrorReason, CaseException } from '../case.exception';
import { CaseEntity } from '../case.entity';
import { caseReference } from '../case-rules';

type TeamTopic = Extract<Topic, 'case.participant-added' | 'case.participation-ended' | 'case.lead-handed-over'>;

/** The event about a change to a case's team: ids, codes and the role only. */
export function teamEvent(
  topic: TeamTopic,
  kase: CaseEntity,
  participant: CaseParticipantEntity,
  actor: Actor,
  extra: Partial<CaseTeamEventPayload> = {},
): DomainEvent {
  return {
    topic,
    aggregateType: 'Case',
    aggregateId: kase.id,
    payload: {
      caseId: kase.id,
      reference: caseReference(kase),
      leadAgencyId: kase.leadAgencyId,
      participantId: participant.id,
      participantAgencyId: participant.agencyId,
      role: participant.role,
      actorUserId: actor.userId,
      actingAgencyId: actor.agencyId,
      ...extra,
    },
  };
}

/** The agency's current participation in the case, locked for the change; null when it takes no part. */
export function currentParticipation(
  manager: EntityManager,
  caseId: string,
  agencyId: string,
): Promise<CaseParticipantEntity | null> {
  return manager
    .getRepository(CaseParticipantEntity)
    .createQueryBuilder('participant')
    .where('participant.case_id = :caseId AND participant.agency_id = :agencyId', { caseId, agencyId })
    .andWhere('participant.ended_at IS NULL')
    .setLock('pessimistic_write')
    .getOne();
}

/** Who joins, in which role and since when; `fields` names the inputs, for the errors. */
export interface NewParticipant {
  agencyId: string;
  role: CaseRole;
  since?: string;
  fields: { agencyId: string; role: string; since: string };
}

/**
 * Adds an agency to a case's team, in the caller's transaction, on a case already locked for a team change: an
 * active agency, a role that fits it, not already taking part, since a day that has been. The history, the audit
 * trail and the event record it. Used by addCaseParticipant and by a task that brings its assignee into the case.
 */
export async function addParticipant(
  manager: EntityManager,
  deps: { audit: AuditService; clock: Clock },
  actor: Actor,
  kase: CaseEntity,
  spec: NewParticipant,
): Promise<CaseParticipantEntity> {
  const agency = await manager.findOneBy(AgencyEntity, { id: spec.agencyId });
  if (!agency || !agency.active) {
    throw new CaseException(
      CaseErrorReason.PARTICIPANT_INVALID,
      `${spec.fields.agencyId}: agency ${agency ? `${agency.acronym} is inactive and cannot take part in a case` : `${spec.agencyId} was not found`}.`,
      spec.fields.agencyId,
    );
  }
  const misfit = roleProblem(spec.role, agency);
  if (misfit)
    throw new CaseException(CaseErrorReason.ROLE_DOES_NOT_FIT, `${spec.fields.role}: ${misfit}`, spec.fields.role);
  const today = dayIn(deps.clock.now(), actor.timeZone);
  const since = spec.since ?? today;
  const early = eventDateProblem(since, today);
  if (early)
    throw new CaseException(CaseErrorReason.EVENT_DATE_INVALID, `${spec.fields.since}: ${early}`, spec.fields.since);
  const existing = await currentParticipation(manager, kase.id, agency.id);
  if (existing) throw alreadyParticipating(kase, agency, existing, spec.fields.agencyId);
  let participant: CaseParticipantEntity;
  try {
    participant = await manager.save(
      manager.create(CaseParticipantEntity, {
        caseId: kase.id,
        agencyId: agency.id,
        role: spec.role,
        lead: false,
        since,
        addedByUserId: actor.userId,
        addedByAgencyId: actor.agencyId,
        endedOn: null,
        endedAt: null,
        endedByUserId: null,
        endReason: null,
      }),
    );
  } catch (error) {
    // Two people adding the same agency at once: the index lets one through.
    if (isUniqueViolation(error, 'UQ_case_participant_current')) {
      throw alreadyParticipating(kase, agency, null, spec.fields.agencyId);
    }
    throw error;
  }
  await recordCaseEvent(manager, actor, kase.id, {
    kind: CaseEventKind.PARTICIPANT_ADDED,
    details: { participantId: participant.id, agencyId: agency.id, agency: agency.acronym, role: spec.role },
    occurredOn: since,
  });
  await deps.audit.record(manager, actor, {
    operation: 'addCaseParticipant',
    targetType: 'Case',
    targetId: kase.id,
    changes: { participant: { before: null, after: { agencyId: agency.id, role: spec.role, since } } },
  });
  await recordEvents(manager, [teamEvent('case.participant-added', kase, participant, actor)]);
  return participant;
}

function alreadyParticipating(
  kase: CaseEntity,
  agency: AgencyEntity,
  existing: CaseParticipantEntity | null,
  field: string,
): CaseException {
  const how = existing ? ` as ${existing.role}${existing.lead ? ' (the lead)' : ''} since ${existing.since}` : '';
  return new CaseException(
    CaseErrorReason.ALREADY_PARTICIPATING,
    `${field}: ${agency.acronym} already takes part in case ${caseReference(kase)}${how}.`,
    field,
  );
}
