import { EntityManager } from 'typeorm';

import { Actor } from '@app/auth/actor';
import { DomainEvent, Topic } from '@app/kernel/topics';
import { formatReference } from '@app/kernel/reference';
import { AgencyType } from '@app/modules/agencies/agency.enums';
import { AgencyEntity } from '@app/modules/agencies/agency.entity';
import { TaskForceUnitEntity } from '@app/modules/task-forces/task-force-unit.entity';

import { OpenCaseInput, UpdateCaseInput } from './dto/case.inputs';
import { CaseErrorReason, CaseException } from './case.exception';
import { CaseEntity } from './case.entity';

/** The fields that describe a case (edited with updateCase; audited and kept in the history). */
export const DESCRIPTIVE_FIELDS = [
  'unitId',
  'originRegionCode',
  'destinationCountries',
  'transitCountries',
  'exploitationTypes',
  'recruitmentChannels',
  'meansOfControl',
  'intakeChannel',
  'summary',
  'reportedOn',
  'exploitationFrom',
  'exploitationTo',
  'rescuedOn',
  'rescuePlace',
  'rescueCountry',
] as const satisfies readonly (keyof CaseEntity)[];

/**
 * Kinds of body that never lead a case: partners support on request and receive referrals (DOMAIN.md section
 * 1: IOM "never a case owner"), and foreign counterparts answer requests; the justice track is Indonesia's.
 */
const NOT_CASE_LEADS: readonly AgencyType[] = [
  AgencyType.INTERNATIONAL_ORGANISATION,
  AgencyType.NGO,
  AgencyType.FOREIGN_COUNTERPART,
];

/** The human reference of a case, e.g. CASE-000042. */
export function caseReference(kase: Pick<CaseEntity, 'number'>): string {
  return formatReference('CASE', kase.number);
}

/** An agency that may lead a case: active, and a body that can own one. `field` names the input naming it. */
export async function requireLeadAgency(
  manager: EntityManager,
  agencyId: string,
  field?: string,
): Promise<AgencyEntity> {
  const agency = await manager.findOneByOrFail(AgencyEntity, { id: agencyId });
  const yours = field === undefined;
  if (!agency.active) {
    throw new CaseException(
      CaseErrorReason.LEAD_AGENCY_NOT_ELIGIBLE,
      `${yours ? 'Your agency ' : `${field}: `}${agency.acronym} is inactive and cannot lead cases.`,
      field,
    );
  }
  if (NOT_CASE_LEADS.includes(agency.type)) {
    throw new CaseException(
      CaseErrorReason.LEAD_AGENCY_NOT_ELIGIBLE,
      `${field ? `${field}: ` : ''}Cases are led by Indonesian authorities; ${agency.acronym} (${agency.type}) supports cases through referrals and requests instead.`,
      field,
    );
  }
  return agency;
}

export async function requireUnit(manager: EntityManager, unitId: string): Promise<void> {
  const unit = await manager.findOneBy(TaskForceUnitEntity, { id: unitId });
  if (!unit || !unit.active) {
    throw new CaseException(
      CaseErrorReason.UNIT_INVALID,
      `unitId: task-force unit ${unitId} ${unit ? 'is inactive and takes no new cases' : 'was not found'}.`,
      'unitId',
    );
  }
}

type Description = Partial<Pick<CaseEntity, (typeof DESCRIPTIVE_FIELDS)[number]>>;

/** The descriptive fields an input gives (omitted and null ones left out), lists without repeats, text trimmed. */
export function description(input: OpenCaseInput | UpdateCaseInput): Description {
  const given: Description = {
    unitId: input.unitId,
    originRegionCode: input.originRegionCode,
    destinationCountries: input.destinationCountries && distinct(input.destinationCountries),
    transitCountries: input.transitCountries && distinct(input.transitCountries),
    exploitationTypes: input.exploitationTypes && distinct(input.exploitationTypes),
    recruitmentChannels: input.recruitmentChannels && distinct(input.recruitmentChannels),
    meansOfControl: input.meansOfControl && distinct(input.meansOfControl),
    intakeChannel: input.intakeChannel,
    summary: input.summary?.trim(),
    reportedOn: input.reportedOn,
    exploitationFrom: input.exploitationFrom,
    exploitationTo: input.exploitationTo,
    rescuedOn: input.rescuedOn,
    rescuePlace: input.rescuePlace?.trim(),
    rescueCountry: input.rescueCountry,
  };
  return Object.fromEntries(Object.entries(given).filter(([, value]) => value !== undefined && value !== null));
}

/** The list without repeats, in first-seen order. */
function distinct<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

/** Ids, codes and statuses only: the summary and the case's description stay out of events. */
export function caseEvent(
  topic: Extract<Topic, 'case.opened' | 'case.status-changed'>,
  kase: CaseEntity,
  actor: Actor,
  extra: { fromStatus?: string } = {},
): DomainEvent {
  return {
    topic,
    aggregateType: 'Case',
    aggregateId: kase.id,
    payload: {
      caseId: kase.id,
      reference: caseReference(kase),
      leadAgencyId: kase.leadAgencyId,
      unitId: kase.unitId,
      status: kase.status,
      actorUserId: actor.userId,
      actingAgencyId: actor.agencyId,
      ...extra,
    },
  };
}
