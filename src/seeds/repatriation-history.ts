import { MilestoneType } from '@app/modules/repatriation/repatriation.enums';

/** A repatriation the sources describe, loaded as a completed operation (the people are not in the register). */
export interface HistoricalOperation {
  /** The natural key: no two historical operations share a route and a start. */
  route: string;
  fromCountry: string;
  sendingCode: string;
  receivingCode: string;
  counterpartCode: string | null;
  startedOn: string;
  plannedDepartureOn: string;
  plannedArrivalOn: string;
  departedOn: string | null;
  arrivedOn: string | null;
  departurePlace: string | null;
  arrivalPlace: string | null;
  headcount: number;
  /** The steps the sources report, with the agency that took each and the day when they give it. */
  milestones: { type: MilestoneType; ownerCode: string; happenedOn: string | null }[];
  source: string;
}

const M = MilestoneType;

/**
 * Poipet 2023 and Sibu 2016 (DOMAIN.md section 8; seed brief P5 and [000]), so a newcomer sees real history on first
 * start. Days the sources do not give are left empty and the source note says so.
 */
export const HISTORICAL_OPERATIONS: HistoricalOperation[] = [
  {
    route: 'Poipet – Phnom Penh – Jakarta',
    fromCountry: 'KH',
    sendingCode: 'KBRI-PNH',
    receivingCode: 'BP2MI',
    counterpartCode: 'KH-GDI',
    startedOn: '2023-06-28',
    plannedDepartureOn: '2023-10-04',
    plannedArrivalOn: '2023-10-04',
    departedOn: '2023-10-04',
    arrivedOn: '2023-10-04',
    departurePlace: 'Phnom Penh',
    arrivalPlace: 'Jakarta',
    headcount: 28,
    milestones: [
      { type: M.TRAVEL_DOCUMENT_ISSUED, ownerCode: 'KBRI-PNH', happenedOn: null },
      { type: M.EXIT_CLEARANCE_GRANTED, ownerCode: 'KH-GDI', happenedOn: null },
      { type: M.MEDICAL_CLEARANCE, ownerCode: 'KBRI-PNH', happenedOn: null },
      { type: M.DEPARTED, ownerCode: 'KBRI-PNH', happenedOn: '2023-10-04' },
      { type: M.ARRIVED, ownerCode: 'BP2MI', happenedOn: '2023-10-04' },
      { type: M.HANDED_OVER, ownerCode: 'BP2MI', happenedOn: null },
    ],
    source:
      'Seed brief P5 [002]: 27 Indonesians retrieved from an inn in Poipet on 28 June 2023 with KBRI Phnom Penh and the local police, a Caritas shelter from 14 July, one more rescued on 5 September, interviews with KBRI interpreters, 28 repatriated on 4 October 2023 (98 days); 3 hospitalised, costs paid by KBRI. The days of the travel documents, exit clearance, medical clearance and handover are not in the sources; the receiving agency (BP2MI) and the exit clearance by the General Department of Immigration are inferred.',
  },
  {
    route: 'Sibu – Kuching – Indramayu',
    fromCountry: 'MY',
    sendingCode: 'KBRI-KUL',
    receivingCode: 'BARESKRIM',
    counterpartCode: 'MY-PDRM',
    startedOn: '2016-10-01',
    plannedDepartureOn: '2016-11-30',
    plannedArrivalOn: '2016-11-30',
    departedOn: null,
    arrivedOn: null,
    departurePlace: null,
    arrivalPlace: null,
    headcount: 4,
    milestones: [
      { type: M.EXIT_CLEARANCE_GRANTED, ownerCode: 'MY-PDRM', happenedOn: null },
      { type: M.DEPARTED, ownerCode: 'KBRI-KUL', happenedOn: null },
      { type: M.ARRIVED, ownerCode: 'BARESKRIM', happenedOn: null },
    ],
    source:
      'Seed brief [000]: Bareskrim and Malaysia jointly rescued 4 victims from Indramayu in Sibu (October–November 2016); shelter and court process in Malaysia. The days of departure and arrival are not in the sources: the planned days (end of November 2016) are placeholders, the route and the mission (KBRI Kuala Lumpur) are inferred.',
  },
];
