/**
 * Reference data for shared casework (issue 17): the ASEAN instruments that bind Indonesia, Cambodia and Malaysia,
 * the providers in Malaysia and Cambodia that the papers name or an embassy uses, the home-region offices the
 * journeys need, and region codes on the agencies' offices. Every row says where it comes from (`basis`, `notes`);
 * [EXT] marks knowledge from outside the seed papers and "inferred" what the project assumed.
 */
import { AgencyCapability as C, AgencyType as T } from '@app/modules/agencies/agency.enums';
import { LegalInstrumentKind as K } from '@app/modules/legal-instruments/legal-instrument.enums';
import { MembershipRole as R } from '@app/modules/task-forces/task-force.enums';

import { AgencySeed, LegalInstrumentSeed, MembershipSeed } from './reference-data';

const JKT = 'Asia/Jakarta';
const PNH = 'Asia/Phnom_Penh';
const KUL = 'Asia/Kuala_Lumpur';

const agency = (seed: Omit<AgencySeed, 'aliases'> & { aliases?: string[] }): AgencySeed => ({ aliases: [], ...seed });

export const CASEWORK_AGENCIES: AgencySeed[] = [
  agency({
    code: 'RS-POLRI',
    acronym: 'RS Polri',
    nameId: 'Rumah Sakit Bhayangkara Tingkat I R. Said Sukanto',
    nameEn: 'Police Hospital R. Said Sukanto (Kramat Jati, Jakarta)',
    type: T.SERVICE_PROVIDER,
    country: 'ID',
    capabilities: [C.MEDICAL, C.PSYCHOSOCIAL],
    timeZone: JKT,
    parentCode: 'POLRI',
    regionCode: '31',
    aliases: ['RS Kramat Jati', 'RS Bhayangkara'],
    basis:
      'Inferred: the sources call for medical examination and clearance of returnees [003][000] but name no hospital; the police hospital in Jakarta is the project’s choice [EXT].',
  }),
  agency({
    code: 'DINSOS-JABAR',
    acronym: 'Dinsos Jabar',
    nameId: 'Dinas Sosial Provinsi Jawa Barat',
    nameEn: 'Social Affairs Office of West Java',
    type: T.LOCAL_GOVERNMENT,
    capabilities: [C.SHELTER, C.PSYCHOSOCIAL, C.LIVELIHOOD],
    country: 'ID',
    timeZone: JKT,
    regionCode: '32',
    basis:
      'Home province of the Sibu 2016 victims (Indramayu, West Java) [000]; the provincial social-affairs office as their reintegration provider is inferred.',
  }),
  agency({
    code: 'SHELTER-KBRI-KUL',
    acronym: 'Shelter KBRI KL',
    nameId: 'Rumah Perlindungan (Shelter) KBRI Kuala Lumpur',
    nameEn: 'Shelter of the Indonesian Embassy in Kuala Lumpur',
    type: T.SERVICE_PROVIDER,
    capabilities: [C.SHELTER, C.PSYCHOSOCIAL],
    country: 'ID',
    timeZone: KUL,
    parentCode: 'KBRI-KUL',
    aliases: ['Shelter KBRI'],
    basis:
      'The sources mention migrant workers in temporary shelters in Malaysia and KBRI Kuala Lumpur’s caseload [003]; the embassy’s own shelter is outside knowledge [EXT], inferred.',
  }),
  agency({
    code: 'MY-RP-ATIPSOM',
    acronym: 'Rumah Perlindungan ATIPSOM',
    nameId: 'Rumah Perlindungan Korban Perdagangan Orang, Malaysia (KPWKM)',
    nameEn: 'Place of refuge for trafficked persons, Malaysia (Ministry of Women, Family and Community Development)',
    type: T.SERVICE_PROVIDER,
    capabilities: [C.SHELTER, C.PSYCHOSOCIAL, C.MEDICAL],
    country: 'MY',
    timeZone: KUL,
    aliases: ['Malaysian government shelter', 'Rumah Perlindungan'],
    basis:
      '"Malaysian authorities provide temporary shelter during investigation and court process" [003]; the operator (KPWKM shelters under the ATIPSOM Act 2007) is outside knowledge [EXT].',
  }),
  agency({
    code: 'MY-TENAGANITA',
    acronym: 'Tenaganita',
    nameId: 'Tenaganita (organisasi pekerja migran, Malaysia)',
    nameEn: 'Tenaganita (migrant workers’ organisation, Malaysia)',
    type: T.NGO,
    capabilities: [C.SHELTER, C.LEGAL_AID, C.PSYCHOSOCIAL],
    country: 'MY',
    timeZone: KUL,
    basis:
      'Not in the sources: a Malaysian NGO that shelters and advises trafficked migrant workers [EXT]; inferred as a provider an embassy refers to.',
  }),
  agency({
    code: 'KH-CALMETTE',
    acronym: 'Calmette Hospital',
    nameId: 'Rumah Sakit Calmette, Phnom Penh',
    nameEn: 'Calmette Hospital, Phnom Penh',
    type: T.SERVICE_PROVIDER,
    capabilities: [C.MEDICAL],
    country: 'KH',
    timeZone: PNH,
    basis:
      'KBRI Phnom Penh paid hospital costs for 3 of the Poipet victims [002] without naming the hospital; Calmette Hospital is inferred [EXT].',
  }),
  agency({
    code: 'KH-MOJ',
    acronym: 'MoJ Cambodia',
    nameId: 'Kementerian Kehakiman Kamboja',
    nameEn: 'Ministry of Justice of Cambodia',
    type: T.FOREIGN_COUNTERPART,
    capabilities: [],
    country: 'KH',
    timeZone: PNH,
    basis: 'Central authority of Cambodia under the ASEAN Treaty on Mutual Legal Assistance [EXT]; not in the sources.',
  }),
  agency({
    code: 'MY-AGC',
    acronym: 'AGC Malaysia',
    nameId: 'Jabatan Peguam Negara Malaysia',
    nameEn: "Attorney General's Chambers of Malaysia",
    type: T.FOREIGN_COUNTERPART,
    capabilities: [],
    country: 'MY',
    timeZone: KUL,
    aliases: ['Attorney General’s Chambers'],
    basis: 'Central authority of Malaysia under the ASEAN Treaty on Mutual Legal Assistance [EXT]; not in the sources.',
  }),
];

/**
 * Region codes of the offices of agencies seeded before (Kemendagri codes); the seeder fills them where the column
 * is still empty. National and foreign bodies have none.
 */
export const REGION_CODES: Readonly<Record<string, string>> = {
  'POLDA-NTT': '53',
  'POLDA-JABAR': '32',
  'POLDA-METRO': '31',
  'POLDA-BALI': '51',
  'POLDA-KALBAR': '61',
  'POLDA-KEPRI': '21',
  'POLDA-NTB': '52',
  'UPTD-PPA-NTT': '53',
  'DINSOS-NTT': '53',
  'DINSOS-KALBAR': '61',
  'PEMKAB-SAMBAS': '61.01',
};

export const CASEWORK_MEMBERSHIPS: MembershipSeed[] = [
  {
    unitCode: 'GTPP-JABAR',
    agencyCode: 'DINSOS-JABAR',
    role: R.MEMBER,
    validFrom: '2023-06-05',
    validTo: null,
    basis: 'Provincial member (project decision, editable)',
  },
];

const ASEAN = ['Republic of Indonesia', 'Kingdom of Cambodia', 'Malaysia', 'and the other ASEAN Member States'];

export const CASEWORK_INSTRUMENTS: LegalInstrumentSeed[] = [
  {
    code: 'ASEAN-ACTIP-2015',
    kind: K.ASEAN_INSTRUMENT,
    titleId: 'Konvensi ASEAN Menentang Perdagangan Orang, Terutama Perempuan dan Anak (ACTIP)',
    titleEn: 'ASEAN Convention against Trafficking in Persons, Especially Women and Children (ACTIP)',
    number: null,
    signedOn: '2015-11-21',
    signedAt: 'Kuala Lumpur',
    effectiveTo: null,
    partyNames: ASEAN,
    partyAgencyCodes: ['KEMLU', 'KH-NCCT', 'MY-MAPO'],
    notes:
      'The convention itself, binding its parties (the sources name ACTIP and Indonesia’s ratification on 17 October 2017 [000], seeded as UU-12-2017-ACTIP, which binds Indonesia only). Signing date and place, entry into force on 8 March 2017 and the ratifications of Cambodia and Malaysia are outside knowledge [EXT]. The directory links each party through its counter-trafficking body (Kemlu, NCCT, MAPO), a project choice.',
    commitments: [],
  },
  {
    code: 'ASEAN-MLAT-2004',
    kind: K.ASEAN_INSTRUMENT,
    titleId: 'Perjanjian tentang Bantuan Timbal Balik dalam Masalah Pidana (ASEAN MLAT)',
    titleEn: 'Treaty on Mutual Legal Assistance in Criminal Matters (ASEAN MLAT)',
    number: null,
    signedOn: '2004-11-29',
    signedAt: 'Kuala Lumpur',
    effectiveTo: null,
    partyNames: ASEAN,
    partyAgencyCodes: ['KEMENKUMHAM', 'KH-MOJ', 'MY-AGC'],
    notes:
      'Not in the sources, which name formal mutual legal assistance only as a channel [INF]. Signing date and place, Indonesia’s ratification (UU 15/2008) and the central authorities linked here (Kemenkumham, Cambodia’s Ministry of Justice, Malaysia’s Attorney General’s Chambers) are outside knowledge [EXT].',
    commitments: [],
  },
];
