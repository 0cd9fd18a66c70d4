import { registerEnumType } from '@nestjs/graphql';

export enum RequestDirection {
  OUTGOING = 'OUTGOING',
  INCOMING = 'INCOMING',
}

/** How a request travels. All but FORMAL_MLA are informal: when they lapse, the formal channel is proposed. */
export enum RequestChannel {
  IMMIGRATION_ATTACHE = 'IMMIGRATION_ATTACHE',
  POLICE_MOU = 'POLICE_MOU',
  DIPLOMATIC_KBRI = 'DIPLOMATIC_KBRI',
  IOM_FACILITATED = 'IOM_FACILITATED',
  FORMAL_MLA = 'FORMAL_MLA',
}

export enum RequestCategory {
  LOCATE_RESCUE = 'LOCATE_RESCUE',
  VICTIM_INTERVIEW_SUPPORT = 'VICTIM_INTERVIEW_SUPPORT',
  SHELTER_PLACEMENT = 'SHELTER_PLACEMENT',
  REPATRIATION_EXIT_CLEARANCE = 'REPATRIATION_EXIT_CLEARANCE',
  TRAVEL_DOCUMENT_VERIFICATION = 'TRAVEL_DOCUMENT_VERIFICATION',
  MIGRANT_STATUS_DETERMINATION = 'MIGRANT_STATUS_DETERMINATION',
  CASE_INFORMATION = 'CASE_INFORMATION',
  STATISTICS_EXCHANGE = 'STATISTICS_EXCHANGE',
  JOINT_OPERATION = 'JOINT_OPERATION',
  COURT_SUPPORT = 'COURT_SUPPORT',
}

export enum RequestUrgency {
  URGENT = 'URGENT',
  NORMAL = 'NORMAL',
}

export enum RequestConfidentiality {
  STANDARD = 'STANDARD',
  CONFIDENTIAL = 'CONFIDENTIAL',
  STRICTLY_CONFIDENTIAL = 'STRICTLY_CONFIDENTIAL',
}

export enum RequestStatus {
  DRAFT = 'DRAFT',
  /** Awaiting the home agency's supervisor, for channels that need an internal review (formal MLA). */
  IN_REVIEW = 'IN_REVIEW',
  SUBMITTED = 'SUBMITTED',
  ACKNOWLEDGED = 'ACKNOWLEDGED',
  ACCEPTED = 'ACCEPTED',
  ANSWERED = 'ANSWERED',
  CLOSED = 'CLOSED',
  REFUSED = 'REFUSED',
  WITHDRAWN = 'WITHDRAWN',
  LAPSED = 'LAPSED',
}

/** The three staged deadlines of mutual-legal-assistance practice. */
export enum RequestStage {
  ACKNOWLEDGE = 'ACKNOWLEDGE',
  DECIDE = 'DECIDE',
  EXECUTE = 'EXECUTE',
}

export enum RequestAction {
  /** A draft on a channel a supervisor reviews goes to review first. */
  SUBMIT_FOR_REVIEW = 'SUBMIT_FOR_REVIEW',
  SUBMIT = 'SUBMIT',
  APPROVE = 'APPROVE',
  ACKNOWLEDGE = 'ACKNOWLEDGE',
  ACCEPT = 'ACCEPT',
  ANSWER = 'ANSWER',
  ANSWER_PARTIALLY = 'ANSWER_PARTIALLY',
  REFUSE = 'REFUSE',
  WITHDRAW = 'WITHDRAW',
  CLOSE = 'CLOSE',
  LAPSE = 'LAPSE',
}

/** Who acts: the home side (attaché, home agency), the counterpart (or the attaché recording its reply), the system. */
export enum RequestSide {
  HOME = 'HOME',
  HOME_SUPERVISOR = 'HOME_SUPERVISOR',
  COUNTERPART = 'COUNTERPART',
  SYSTEM = 'SYSTEM',
}

/** How a counterpart's reply arrived when it was not entered by the counterpart itself. */
export enum ReplyChannel {
  LETTER = 'LETTER',
  EMAIL = 'EMAIL',
  MESSAGE = 'MESSAGE',
  MEETING = 'MEETING',
  PHONE = 'PHONE',
}

/** What a counterpart's reply says. */
export enum ReplyKind {
  ACKNOWLEDGED = 'ACKNOWLEDGED',
  ACCEPTED = 'ACCEPTED',
  ANSWERED = 'ANSWERED',
  PARTIAL_ANSWER = 'PARTIAL_ANSWER',
  REFUSED = 'REFUSED',
  NEW_DATE_PROPOSED = 'NEW_DATE_PROPOSED',
}

registerEnumType(RequestDirection, { name: 'RequestDirection', description: 'OUTGOING (from Indonesia) or INCOMING.' });
registerEnumType(RequestChannel, {
  name: 'RequestChannel',
  description: 'IMMIGRATION_ATTACHE, POLICE_MOU, DIPLOMATIC_KBRI, IOM_FACILITATED (informal) or FORMAL_MLA.',
});
registerEnumType(RequestCategory, { name: 'RequestCategory', description: 'What is asked of the counterpart.' });
registerEnumType(RequestUrgency, { name: 'RequestUrgency', description: 'URGENT deadlines count in hours.' });
registerEnumType(RequestConfidentiality, { name: 'RequestConfidentiality', description: 'Handling level.' });
registerEnumType(RequestStatus, {
  name: 'RequestStatus',
  description:
    'DRAFT → (IN_REVIEW) → SUBMITTED → ACKNOWLEDGED → ACCEPTED → ANSWERED → CLOSED; exits REFUSED, WITHDRAWN, LAPSED.',
});
registerEnumType(RequestAction, { name: 'RequestAction', description: 'A transition of a cross-border request.' });
registerEnumType(RequestStage, { name: 'RequestStage', description: 'ACKNOWLEDGE, DECIDE or EXECUTE.' });
registerEnumType(ReplyChannel, { name: 'ReplyChannel', description: 'How a counterpart reply arrived.' });
registerEnumType(ReplyKind, { name: 'ReplyKind', description: 'What a counterpart reply says.' });

export const INFORMAL_CHANNELS: readonly RequestChannel[] = [
  RequestChannel.IMMIGRATION_ATTACHE,
  RequestChannel.POLICE_MOU,
  RequestChannel.DIPLOMATIC_KBRI,
  RequestChannel.IOM_FACILITATED,
];

/** Channels whose requests a supervisor of the home agency reviews before they go out. */
export const REVIEWED_CHANNELS: readonly RequestChannel[] = [RequestChannel.FORMAL_MLA];
