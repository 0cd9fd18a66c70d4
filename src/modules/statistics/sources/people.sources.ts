import { Breakdown as B } from '../statistics.enums';
import { arrayOrUnknown, dayOf, IndicatorSource, oneOf, orUnknown, provinceOf, regencyOf } from './indicator-source';

/**
 * What every person-based figure can be split by. The destination is where the person was rescued or exited, else
 * the case's destination when it has only one: one value per person, so the breakdown adds up.
 */
function personColumns(v: string, c: string, agencyCode: string): IndicatorSource['columns'] {
  const region = `COALESCE(${v}.origin_region, ${c}.origin_region_code)`;
  return {
    [B.ORIGIN_PROVINCE]: { expr: provinceOf(region) },
    [B.ORIGIN_REGENCY]: { expr: regencyOf(region) },
    [B.DESTINATION_COUNTRY]: {
      expr: orUnknown(
        `COALESCE(${v}.rescue_country, CASE WHEN cardinality(${c}.destination_countries) = 1 THEN ${c}.destination_countries[1] END)`,
      ),
    },
    [B.EXPLOITATION_TYPE]: { array: arrayOrUnknown(`${c}.exploitation_types`) },
    [B.SEX]: { expr: `${v}.sex::text` },
    [B.AGE_BAND]: { expr: `${v}.age_band::text` },
    [B.NATIONALITY]: { expr: `${v}.nationality::text` },
    [B.AGENCY]: { expr: agencyCode },
  };
}

const PERSON = `victim v
  LEFT JOIN trafficking_case c ON c.id = v.case_id
  JOIN agency owner ON owner.id = v.owning_agency_id`;

const identifiedDay = `COALESCE(v.identified_on, ${dayOf('v.identified_at', 'owner.time_zone')})`;

const stepDay = `COALESCE(e.occurred_on, ${dayOf('e.occurred_at', 'owner.time_zone')})`;

/** A protection-track step to `status`: one per time a person reached it. */
function protectionStep(status: string): IndicatorSource {
  return {
    from: `victim_event e JOIN ${PERSON} ON v.id = e.victim_id`,
    where: `e.kind = 'PROTECTION_STATUS_CHANGED' AND e.details->>'to' = '${status}'`,
    subject: 'e.id',
    day: stepDay,
    agencies: oneOf('v.owning_agency_id'),
    region: 'COALESCE(v.origin_region, c.origin_region_code)',
    columns: personColumns('v', 'c', 'owner.code'),
  };
}

/**
 * Returns home. An operation's arrival writes the REPATRIATED step of everyone on it with the day it actually arrived
 * (repatriation/commands/handover.service.ts), so the step is the one record of a return, whether an operation brought
 * the person or the return was recorded on the track alone; the operation, when there is one, adds the country left.
 */
function returnsHome(): IndicatorSource {
  const step = protectionStep('REPATRIATED');
  return {
    ...step,
    from: `${step.from}
      LEFT JOIN LATERAL (SELECT o.from_country FROM repatriation_operation_person p
          JOIN repatriation_operation o ON o.id = p.operation_id
         WHERE p.victim_id = v.id AND p.arrived AND o.arrived_on = ${stepDay}
         ORDER BY o.arrived_on, o.number LIMIT 1) trip ON TRUE`,
    columns: { ...step.columns, [B.COUNTERPART_COUNTRY]: { expr: orUnknown('trip.from_country') } },
  };
}

export const PEOPLE_SOURCES: Record<string, IndicatorSource> = {
  VICTIMS_IDENTIFIED: {
    from: PERSON,
    where: `v.identification_status = 'IDENTIFIED'`,
    subject: 'v.id',
    day: identifiedDay,
    agencies: oneOf('v.owning_agency_id'),
    region: 'COALESCE(v.origin_region, c.origin_region_code)',
    columns: personColumns('v', 'c', 'owner.code'),
  },
  PRESUMED_VICTIMS: {
    from: PERSON,
    where: `v.identification_status = 'PRESUMED'`,
    subject: 'v.id',
    day: identifiedDay,
    agencies: oneOf('v.owning_agency_id'),
    region: 'COALESCE(v.origin_region, c.origin_region_code)',
    columns: personColumns('v', 'c', 'owner.code'),
  },
  PERSONS_REPATRIATED: returnsHome(),
  PERSONS_REINTEGRATED: protectionStep('REINTEGRATED'),
  PERSONS_LOST_TO_FOLLOW_UP: protectionStep('LOST_TO_FOLLOW_UP'),
  PERSONS_RE_MIGRATED: protectionStep('RE_MIGRATED'),
  REFERRALS_MADE: {
    from: `referral r JOIN ${PERSON} ON v.id = r.victim_id JOIN agency sender ON sender.id = r.from_agency_id`,
    where: 'TRUE',
    subject: 'r.id',
    day: dayOf('r.created_at', 'sender.time_zone'),
    agencies: oneOf('r.from_agency_id', 'r.recipient_agency_id'),
    region: 'COALESCE(v.origin_region, c.origin_region_code)',
    columns: { ...personColumns('v', 'c', 'sender.code'), [B.SERVICE]: { expr: 'r.service::text' } },
  },
  SERVICES_DELIVERED: {
    from: `victim_service s JOIN ${PERSON} ON v.id = s.victim_id JOIN agency provider ON provider.id = s.provider_agency_id`,
    where: 'TRUE',
    subject: 's.id',
    day: 's.delivered_on',
    agencies: oneOf('s.provider_agency_id', 's.recorded_by_agency_id', 'v.owning_agency_id'),
    region: 'COALESCE(v.origin_region, c.origin_region_code)',
    columns: { ...personColumns('v', 'c', 'provider.code'), [B.SERVICE]: { expr: 's.service::text' } },
  },
};
