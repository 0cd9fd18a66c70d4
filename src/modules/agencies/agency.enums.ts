import { registerEnumType } from '@nestjs/graphql';

/** What kind of body an agency is; decides which work it can receive (e.g. only providers take referrals). */
export enum AgencyType {
  COORDINATING_MINISTRY = 'COORDINATING_MINISTRY',
  MINISTRY = 'MINISTRY',
  GOVERNMENT_AGENCY = 'GOVERNMENT_AGENCY',
  POLICE = 'POLICE',
  PROSECUTION = 'PROSECUTION',
  IMMIGRATION = 'IMMIGRATION',
  OVERSEAS_MISSION = 'OVERSEAS_MISSION',
  SERVICE_PROVIDER = 'SERVICE_PROVIDER',
  INDEPENDENT_COMMISSION = 'INDEPENDENT_COMMISSION',
  LOCAL_GOVERNMENT = 'LOCAL_GOVERNMENT',
  INTERNATIONAL_ORGANISATION = 'INTERNATIONAL_ORGANISATION',
  NGO = 'NGO',
  FOREIGN_COUNTERPART = 'FOREIGN_COUNTERPART',
}

/** Services an agency can deliver; referrals are routed by these. */
export enum AgencyCapability {
  SHELTER = 'SHELTER',
  MEDICAL = 'MEDICAL',
  PSYCHOSOCIAL = 'PSYCHOSOCIAL',
  LEGAL_AID = 'LEGAL_AID',
  INTERPRETER = 'INTERPRETER',
  TRAVEL_DOCUMENTS = 'TRAVEL_DOCUMENTS',
  REPATRIATION = 'REPATRIATION',
  LIVELIHOOD = 'LIVELIHOOD',
  COMPENSATION = 'COMPENSATION',
  WITNESS_PROTECTION = 'WITNESS_PROTECTION',
  INVESTIGATION = 'INVESTIGATION',
  PROSECUTION = 'PROSECUTION',
  CONSULAR_PROTECTION = 'CONSULAR_PROTECTION',
  DATA_AND_STATISTICS = 'DATA_AND_STATISTICS',
}

registerEnumType(AgencyType, { name: 'AgencyType', description: 'What kind of body an agency is.' });
registerEnumType(AgencyCapability, {
  name: 'AgencyCapability',
  description: 'A service an agency can deliver to victims or to other agencies.',
});
