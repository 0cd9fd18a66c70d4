import { DEFAULT_FOLLOW_UP_POLICY } from './repatriation.constants';
import { MilestoneAnchor as A, MilestoneOwnerSide as O, MilestoneType as M } from './repatriation.enums';

export interface MilestonePolicySeed {
  country: string;
  type: M;
  ownerSide: O;
  perPerson: boolean;
  blocksDeparture: boolean;
  anchor: A;
  offsetDays: number;
  sequence: number;
}

const line = (
  sequence: number,
  type: M,
  ownerSide: O,
  perPerson: boolean,
  blocksDeparture: boolean,
  anchor: A,
  offsetDays: number,
): MilestonePolicySeed => ({ country: '*', sequence, type, ownerSide, perPerson, blocksDeparture, anchor, offsetDays });

/**
 * The default milestone plan of every operation (project defaults, editable policy data): the mission issues each
 * person's travel document a week before departure, the foreign immigration clears each exit five days before,
 * medical clearance and fines three days before, the escort two days before; the departure and arrival on their
 * planned days; the receiving side hands each person to the home region within two days of arrival.
 */
export const DEFAULT_MILESTONE_PLAN: MilestonePolicySeed[] = [
  line(1, M.TRAVEL_DOCUMENT_ISSUED, O.SENDING, true, true, A.DEPARTURE, -7),
  line(2, M.EXIT_CLEARANCE_GRANTED, O.COUNTERPART, true, true, A.DEPARTURE, -5),
  line(3, M.MEDICAL_CLEARANCE, O.SENDING, true, true, A.DEPARTURE, -3),
  line(4, M.FINES_SETTLED, O.SENDING, true, true, A.DEPARTURE, -3),
  line(5, M.ESCORT_ASSIGNED, O.RECEIVING, false, true, A.DEPARTURE, -2),
  line(6, M.DEPARTED, O.SENDING, false, false, A.DEPARTURE, 0),
  line(7, M.ARRIVED, O.RECEIVING, false, false, A.ARRIVAL, 0),
  line(8, M.HANDED_OVER, O.RECEIVING, true, false, A.ARRIVAL, 2),
];

export const DEFAULT_FOLLOW_UP_POLICIES = [
  { name: DEFAULT_FOLLOW_UP_POLICY, monthsAfterReturn: [1, 3, 6, 12], lostAfterUnreachable: 2, active: true },
];
