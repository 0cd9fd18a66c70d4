import { registerEnumType } from '@nestjs/graphql';

/** What a document is, as the officer filing it says (the content decides only whether it is accepted). */
export enum DocumentKind {
  LETTER = 'LETTER',
  INTERVIEW_REPORT = 'INTERVIEW_REPORT',
  TRAVEL_DOCUMENT = 'TRAVEL_DOCUMENT',
  MEDICAL_CLEARANCE = 'MEDICAL_CLEARANCE',
  COUNTERPART_ANSWER = 'COUNTERPART_ANSWER',
  OTHER = 'OTHER',
}

/**
 * The records a document can hang off. Each value needs a registration in DocumentParents (its visibility rule);
 * boot fails while one is missing (see docs/architecture.md, "Documents"). Stored as text, so a new kind needs no
 * migration.
 */
export enum DocumentParentKind {
  CASE = 'CASE',
  /** A person in the victim register: the document carries the person's identity protection. */
  VICTIM = 'VICTIM',
  /** A suspect: the document carries the suspect's identity protection. */
  SUSPECT = 'SUSPECT',
  TASK = 'TASK',
  REFERRAL = 'REFERRAL',
  CROSS_BORDER_REQUEST = 'CROSS_BORDER_REQUEST',
  /** A repatriation operation (registered by the repatriation module): visible with the operation. */
  REPATRIATION_OPERATION = 'REPATRIATION_OPERATION',
  /** One milestone of an operation (an exit clearance, a travel document): visible with the milestone. */
  REPATRIATION_MILESTONE = 'REPATRIATION_MILESTONE',
}

registerEnumType(DocumentKind, {
  name: 'DocumentKind',
  description: 'What a document is: a letter, an interview report, a travel document, a medical clearance, …',
});
registerEnumType(DocumentParentKind, {
  name: 'DocumentParentKind',
  description: 'The kind of record a document is attached to.',
  valuesMap: {
    VICTIM: { description: "A person in the register; only readers of the person's identity see its documents." },
    SUSPECT: { description: "A suspect; only readers of the suspect's identity see its documents." },
  },
});
