import { Breakdown as B } from '../statistics.enums';
import { arrayOrUnknown, dayOf, IndicatorSource, oneOf, orUnknown, provinceOf, regencyOf } from './indicator-source';

/** A case's own breakdowns: several destinations and exploitation types are possible (multi-valued). */
const caseColumns: IndicatorSource['columns'] = {
  [B.ORIGIN_PROVINCE]: { expr: provinceOf('c.origin_region_code') },
  [B.ORIGIN_REGENCY]: { expr: regencyOf('c.origin_region_code') },
  [B.DESTINATION_COUNTRY]: { array: arrayOrUnknown('c.destination_countries') },
  [B.EXPLOITATION_TYPE]: { array: arrayOrUnknown('c.exploitation_types') },
  [B.AGENCY]: { expr: 'lead.code' },
};

const CASE = `trafficking_case c JOIN agency lead ON lead.id = c.lead_agency_id`;

/** A suspect's case agencies: the lead and the agency that recorded the suspect. */
const suspectAgencies = oneOf('c.lead_agency_id', 's.recorded_by_agency_id');

export const JUSTICE_SOURCES: Record<string, IndicatorSource> = {
  REPORTS_RECEIVED: {
    from: CASE,
    where: 'TRUE',
    subject: 'c.id',
    day: `COALESCE(c.reported_on, ${dayOf('c.created_at', 'lead.time_zone')})`,
    agencies: oneOf('c.lead_agency_id'),
    region: 'c.origin_region_code',
    columns: caseColumns,
  },
  SUSPECTS_RECORDED: {
    from: `suspect s JOIN ${CASE} ON c.id = s.case_id`,
    where: 'TRUE',
    subject: 's.id',
    day: `COALESCE((SELECT min(se.occurred_on) FROM suspect_event se WHERE se.suspect_id = s.id), ${dayOf('s.created_at', 'lead.time_zone')})`,
    agencies: suspectAgencies,
    region: 'c.origin_region_code',
    columns: { ...caseColumns, [B.NATIONALITY]: { expr: orUnknown('s.nationality') } },
  },
  SUSPECTS_CHARGED: {
    from: `suspect_event e JOIN suspect s ON s.id = e.suspect_id JOIN ${CASE} ON c.id = s.case_id`,
    where: `e.to_status = 'CHARGED'`,
    subject: 'e.id',
    day: 'e.occurred_on',
    agencies: suspectAgencies,
    region: 'c.origin_region_code',
    columns: { ...caseColumns, [B.NATIONALITY]: { expr: orUnknown('s.nationality') } },
  },
  CROSS_BORDER_REQUESTS: {
    from: `cross_border_request r JOIN agency home ON home.id = r.on_behalf_of_agency_id`,
    where: 'r.submitted_at IS NOT NULL',
    subject: 'r.id',
    day: dayOf('r.submitted_at', 'home.time_zone'),
    agencies: oneOf('r.on_behalf_of_agency_id', 'r.filing_agency_id', 'r.counterpart_agency_id'),
    region: 'home.region_code',
    columns: {
      [B.COUNTERPART_COUNTRY]: { expr: 'r.counterpart_country::text' },
      [B.AGENCY]: { expr: 'home.code' },
    },
  },
  TASKS_ASSIGNED: {
    from: `task t JOIN agency assignee ON assignee.id = t.assignee_agency_id`,
    where: 'TRUE',
    subject: 't.id',
    day: dayOf('t.created_at', 'assignee.time_zone'),
    agencies: oneOf('t.assigning_agency_id', 't.assignee_agency_id'),
    region: 'assignee.region_code',
    columns: {
      [B.PILLAR]: { expr: 't.pillar::text' },
      [B.DUTY]: { expr: 't.duty::text' },
      [B.AGENCY]: { expr: 'assignee.code' },
    },
  },
};
