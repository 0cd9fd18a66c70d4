import { registerEnumType } from '@nestjs/graphql';

/** A suspect's part in the trafficking chain. */
export enum SuspectRole {
  RECRUITER = 'RECRUITER',
  BROKER = 'BROKER',
  TRANSPORTER = 'TRANSPORTER',
  HARBOURER = 'HARBOURER',
  EMPLOYER = 'EMPLOYER',
  FINANCIER = 'FINANCIER',
  DOCUMENT_FORGER = 'DOCUMENT_FORGER',
  CONTROLLER = 'CONTROLLER',
  OTHER = 'OTHER',
}

/** How the suspect stands to the victims (the seeds: relatives often recruit). */
export enum SuspectRelation {
  RELATIVE = 'RELATIVE',
  SPOUSE_OR_PARTNER = 'SPOUSE_OR_PARTNER',
  FRIEND_OR_ACQUAINTANCE = 'FRIEND_OR_ACQUAINTANCE',
  NEIGHBOUR_OR_COMMUNITY = 'NEIGHBOUR_OR_COMMUNITY',
  EMPLOYER = 'EMPLOYER',
  ONLINE_CONTACT = 'ONLINE_CONTACT',
  STRANGER = 'STRANGER',
  UNKNOWN = 'UNKNOWN',
}

/** Where the suspect stands in the criminal process. */
export enum SuspectStatus {
  IDENTIFIED = 'IDENTIFIED',
  /** Formally named a suspect (tersangka). */
  NAMED_SUSPECT = 'NAMED_SUSPECT',
  ARRESTED = 'ARRESTED',
  CHARGED = 'CHARGED',
  CONVICTED = 'CONVICTED',
  ACQUITTED = 'ACQUITTED',
  RELEASED = 'RELEASED',
}

registerEnumType(SuspectRole, { name: 'SuspectRole', description: "A suspect's part in the trafficking chain." });
registerEnumType(SuspectRelation, {
  name: 'SuspectRelation',
  description: 'How a suspect stands to the victims (e.g. a relative who recruited them).',
});
registerEnumType(SuspectStatus, {
  name: 'SuspectStatus',
  description:
    'IDENTIFIED → NAMED_SUSPECT → ARRESTED → CHARGED → CONVICTED | ACQUITTED; RELEASED from named, arrested (and re-arrest).',
  valuesMap: { NAMED_SUSPECT: { description: 'Formally named a suspect (tersangka).' } },
});
