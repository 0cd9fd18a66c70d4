/** A suspect's identity: sealed at rest, opened only for the case's law-enforcement participants. */
export interface SuspectIdentity {
  fullName: string;
  /** Other names, nicknames, online handles. */
  aliases: string[];
  /** YYYY-MM-DD, when known. */
  dateOfBirth: string | null;
  /** NIK, passport or another document number, when known. */
  documentNumber: string | null;
  /** Where they live or can be found. */
  address: string | null;
}
