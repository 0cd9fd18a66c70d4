import { registerEnumType } from '@nestjs/graphql';

/** Services a victim is referred for; each needs the matching capability at the provider. */
export enum ReferralService {
  MEDICAL = 'MEDICAL',
  PSYCHOSOCIAL = 'PSYCHOSOCIAL',
  SHELTER = 'SHELTER',
  LEGAL_AID = 'LEGAL_AID',
  INTERPRETER = 'INTERPRETER',
  TRAVEL_DOCUMENTS = 'TRAVEL_DOCUMENTS',
  REPATRIATION = 'REPATRIATION',
  LIVELIHOOD = 'LIVELIHOOD',
  COMPENSATION = 'COMPENSATION',
  WITNESS_PROTECTION = 'WITNESS_PROTECTION',
}

/** How fast the provider must answer (respond-by from the referral response policy, DOMAIN.md section 4). */
export enum ReferralUrgency {
  EMERGENCY = 'EMERGENCY',
  HIGH = 'HIGH',
  NORMAL = 'NORMAL',
}

export enum ReferralStatus {
  PROPOSED = 'PROPOSED',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
  EXPIRED = 'EXPIRED',
  WITHDRAWN = 'WITHDRAWN',
  IN_SERVICE = 'IN_SERVICE',
  COMPLETED = 'COMPLETED',
  DISCONTINUED = 'DISCONTINUED',
}

export enum ReferralAction {
  ACCEPT = 'ACCEPT',
  DECLINE = 'DECLINE',
  WITHDRAW = 'WITHDRAW',
  START_SERVICE = 'START_SERVICE',
  COMPLETE = 'COMPLETE',
  DISCONTINUE = 'DISCONTINUE',
  /** The respond-by passed (the escalation engine, not a person). */
  EXPIRE = 'EXPIRE',
}

/** Which side of a referral acts: the sending agency, the provider, or the system. */
export enum ReferralSide {
  SENDER = 'SENDER',
  PROVIDER = 'PROVIDER',
  SYSTEM = 'SYSTEM',
}

registerEnumType(ReferralAction, { name: 'ReferralAction', description: 'A transition of a referral.' });
registerEnumType(ReferralService, { name: 'ReferralService', description: 'The service a victim is referred for.' });
registerEnumType(ReferralUrgency, {
  name: 'ReferralUrgency',
  description: 'EMERGENCY (answer within 24 h), HIGH (2 working days) or NORMAL (5 working days), by default.',
});
registerEnumType(ReferralStatus, {
  name: 'ReferralStatus',
  description:
    'PROPOSED → ACCEPTED | DECLINED | EXPIRED | WITHDRAWN; ACCEPTED → IN_SERVICE → COMPLETED | DISCONTINUED.',
});
