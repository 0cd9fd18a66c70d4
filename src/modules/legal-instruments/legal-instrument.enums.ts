import { registerEnumType } from '@nestjs/graphql';

export enum LegalInstrumentKind {
  LAW = 'LAW',
  PRESIDENTIAL_REGULATION = 'PRESIDENTIAL_REGULATION',
  MINISTERIAL_REGULATION = 'MINISTERIAL_REGULATION',
  MOU = 'MOU',
  BILATERAL_FRAMEWORK = 'BILATERAL_FRAMEWORK',
  ASEAN_INSTRUMENT = 'ASEAN_INSTRUMENT',
  INTERNATIONAL_TREATY = 'INTERNATIONAL_TREATY',
  GUIDELINE = 'GUIDELINE',
}

/** ACTIVE while work moves; STALLED when nothing linked to it moved for the configured time. */
export enum CommitmentStatus {
  ACTIVE = 'ACTIVE',
  STALLED = 'STALLED',
  FULFILLED = 'FULFILLED',
  SUSPENDED = 'SUSPENDED',
}

registerEnumType(LegalInstrumentKind, { name: 'LegalInstrumentKind', description: 'Kind of legal instrument.' });
registerEnumType(CommitmentStatus, {
  name: 'CommitmentStatus',
  description: 'Progress of an agreement commitment.',
});
