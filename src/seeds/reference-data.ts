/**
 * The task force's reference data, from ../shared/DOMAIN.md section 7 and the seed brief. Plain data keyed by
 * stable codes: the seeder inserts what is missing and resolves references by code. Where the sources leave a
 * fact open (an exact date, a commitment of an MoU), `basis` or `notes` says so.
 */
import { AgencyCapability as C, AgencyType as T } from '@app/modules/agencies/agency.enums';
import { LegalInstrumentKind as K } from '@app/modules/legal-instruments/legal-instrument.enums';
import { MembershipRole as R, TaskForceLevel as L } from '@app/modules/task-forces/task-force.enums';

export interface AgencySeed {
  code: string;
  nameId: string;
  nameEn: string;
  acronym: string;
  aliases: string[];
  type: T;
  country: string;
  capabilities: C[];
  timeZone: string;
  parentCode?: string;
  predecessorCode?: string;
  active?: boolean;
  /** Province or regency/city code of the agency's office (national and foreign bodies: none). */
  regionCode?: string | null;
  /** Where the entry comes from, and what is inferred. */
  basis?: string | null;
}

export interface TaskForceUnitSeed {
  code: string;
  nameId: string;
  nameEn: string;
  level: L;
  regionCode: string | null;
  parentCode: string | null;
  timeZone: string;
}

export interface MembershipSeed {
  unitCode: string;
  agencyCode: string;
  role: R;
  validFrom: string;
  /** Exclusive: the first day the role is no longer held. */
  validTo: string | null;
  basis: string;
}

export interface CommitmentSeed {
  sequence: number;
  code: string;
  titleId: string;
  titleEn: string;
  ownerAgencyCode: string | null;
  stallAfterDays?: number;
}

export interface LegalInstrumentSeed {
  code: string;
  kind: K;
  titleId: string;
  titleEn: string;
  number: string | null;
  signedOn: string | null;
  signedAt: string | null;
  effectiveTo: string | null;
  partyNames: string[];
  partyAgencyCodes: string[];
  notes: string | null;
  commitments: CommitmentSeed[];
}

const JKT = 'Asia/Jakarta';
const MKS = 'Asia/Makassar';
const PNK = 'Asia/Pontianak';
const PNH = 'Asia/Phnom_Penh';
const KUL = 'Asia/Kuala_Lumpur';

const id = (
  code: string,
  acronym: string,
  nameId: string,
  nameEn: string,
  type: T,
  capabilities: C[] = [],
  extra: Partial<AgencySeed> = {},
): AgencySeed => ({
  code,
  acronym,
  nameId,
  nameEn,
  type,
  capabilities,
  country: 'ID',
  timeZone: JKT,
  aliases: [],
  ...extra,
});

export const AGENCIES: AgencySeed[] = [
  // Coordinating ministries: the chairs since 2023.
  id(
    'KEMENKO-POLHUKAM',
    'Kemenko Polhukam',
    'Kementerian Koordinator Bidang Politik, Hukum, dan Keamanan',
    'Coordinating Ministry for Political, Legal and Security Affairs',
    T.COORDINATING_MINISTRY,
    [],
    { aliases: ['Menko Polhukam', 'Polhukam'] },
  ),
  id(
    'KEMENKO-PMK',
    'Kemenko PMK',
    'Kementerian Koordinator Bidang Pembangunan Manusia dan Kebudayaan',
    'Coordinating Ministry for Human Development and Culture',
    T.COORDINATING_MINISTRY,
    [],
    { aliases: ['Menko PMK'] },
  ),
  // Police and prosecution.
  id(
    'POLRI',
    'Polri',
    'Kepolisian Negara Republik Indonesia',
    'Indonesian National Police',
    T.POLICE,
    [C.INVESTIGATION],
    { aliases: ['Kapolri', 'INP', 'Satgas TPPO'] },
  ),
  id(
    'BARESKRIM',
    'Bareskrim Polri',
    'Badan Reserse Kriminal Polri',
    'Criminal Investigation Agency of the National Police',
    T.POLICE,
    [C.INVESTIGATION],
    { parentCode: 'POLRI', aliases: ['Bareskrim', 'Dittipidum', 'Pusiknas Bareskrim'] },
  ),
  id(
    'KEJAGUNG',
    'Kejaksaan Agung',
    'Kejaksaan Agung Republik Indonesia',
    "Attorney General's Office",
    T.PROSECUTION,
    [C.PROSECUTION],
    { aliases: ['Kejagung', 'AGO', 'Kejaksaan'] },
  ),
  // Foreign affairs and missions.
  id(
    'KEMLU',
    'Kemlu',
    'Kementerian Luar Negeri',
    'Ministry of Foreign Affairs',
    T.MINISTRY,
    [C.CONSULAR_PROTECTION, C.REPATRIATION],
    { aliases: ['Kementerian Luar Negeri', 'MoFA', 'Foreign Ministry'] },
  ),
  id(
    'KEMLU-PWNI',
    'Dit. PWNI',
    'Direktorat Pelindungan Warga Negara Indonesia',
    'Directorate for the Protection of Indonesian Citizens Abroad',
    T.MINISTRY,
    [C.CONSULAR_PROTECTION, C.REPATRIATION],
    { parentCode: 'KEMLU', aliases: ['PWNI', 'Subdit Kawasan Asia Tenggara'] },
  ),
  id(
    'KBRI-PNH',
    'KBRI Phnom Penh',
    'Kedutaan Besar Republik Indonesia di Phnom Penh',
    'Embassy of Indonesia in Phnom Penh',
    T.OVERSEAS_MISSION,
    [C.CONSULAR_PROTECTION, C.INTERPRETER, C.REPATRIATION],
    { parentCode: 'KEMLU', timeZone: PNH },
  ),
  id(
    'KBRI-KUL',
    'KBRI Kuala Lumpur',
    'Kedutaan Besar Republik Indonesia di Kuala Lumpur',
    'Embassy of Indonesia in Kuala Lumpur',
    T.OVERSEAS_MISSION,
    [C.CONSULAR_PROTECTION, C.SHELTER, C.REPATRIATION],
    { parentCode: 'KEMLU', timeZone: KUL, aliases: ['KBRI KL'] },
  ),
  id(
    'KBRI-BKK',
    'KBRI Bangkok',
    'Kedutaan Besar Republik Indonesia di Bangkok',
    'Embassy of Indonesia in Bangkok',
    T.OVERSEAS_MISSION,
    [C.CONSULAR_PROTECTION, C.REPATRIATION],
    { parentCode: 'KEMLU', timeZone: 'Asia/Bangkok', aliases: ['KBRI Thailand'] },
  ),
  id(
    'KBRI-VTE',
    'KBRI Vientiane',
    'Kedutaan Besar Republik Indonesia di Vientiane',
    'Embassy of Indonesia in Vientiane',
    T.OVERSEAS_MISSION,
    [C.CONSULAR_PROTECTION, C.REPATRIATION],
    { parentCode: 'KEMLU', timeZone: 'Asia/Vientiane', aliases: ['KBRI Laos'] },
  ),
  // Immigration and law.
  id(
    'KEMENKUMHAM',
    'Kemenkumham',
    'Kementerian Hukum dan Hak Asasi Manusia',
    'Ministry of Law and Human Rights',
    T.MINISTRY,
    [],
    { aliases: ['Kementerian Hukum dan HAM'] },
  ),
  id(
    'DITJEN-IMIGRASI',
    'Ditjen Imigrasi',
    'Direktorat Jenderal Imigrasi',
    'Directorate General of Immigration',
    T.IMMIGRATION,
    [C.TRAVEL_DOCUMENTS],
    { parentCode: 'KEMENKUMHAM', aliases: ['Imigrasi', 'DGI'] },
  ),
  id(
    'ATASE-IMIGRASI-PNH',
    'Atase Imigrasi Phnom Penh',
    'Atase Imigrasi KBRI Phnom Penh',
    'Immigration Attaché, Indonesian Embassy in Phnom Penh',
    T.IMMIGRATION,
    [C.TRAVEL_DOCUMENTS],
    { parentCode: 'DITJEN-IMIGRASI', timeZone: PNH, aliases: ['Immigration attaché Phnom Penh'] },
  ),
  // Protection, social affairs, labour and migration.
  id(
    'KEMENPPPA',
    'KemenPPPA',
    'Kementerian Pemberdayaan Perempuan dan Perlindungan Anak',
    "Ministry of Women's Empowerment and Child Protection",
    T.MINISTRY,
    [C.PSYCHOSOCIAL],
    { aliases: ['KPPPA', 'Kemen PPA', 'MoWECP'] },
  ),
  id(
    'KEMENSOS',
    'Kemensos',
    'Kementerian Sosial',
    'Ministry of Social Affairs',
    T.MINISTRY,
    [C.SHELTER, C.PSYCHOSOCIAL, C.REPATRIATION, C.LIVELIHOOD],
    { aliases: ['Kementerian Sosial', 'MoSA'] },
  ),
  id('KEMNAKER', 'Kemnaker', 'Kementerian Ketenagakerjaan', 'Ministry of Manpower', T.MINISTRY, [C.LIVELIHOOD], {
    aliases: ['Kemenaker', 'Ministry of Manpower'],
  }),
  id(
    'BNP2TKI',
    'BNP2TKI',
    'Badan Nasional Penempatan dan Perlindungan Tenaga Kerja Indonesia',
    'National Agency for the Placement and Protection of Indonesian Migrant Workers',
    T.GOVERNMENT_AGENCY,
    [],
    { active: false },
  ),
  id(
    'BP2MI',
    'BP2MI',
    'Badan Pelindungan Pekerja Migran Indonesia',
    'Indonesian Migrant Workers Protection Agency',
    T.GOVERNMENT_AGENCY,
    [C.REPATRIATION, C.LIVELIHOOD],
    { predecessorCode: 'BNP2TKI', aliases: ['KP2MI'] },
  ),
  id('KEMENKES', 'Kemenkes', 'Kementerian Kesehatan', 'Ministry of Health', T.MINISTRY, [C.MEDICAL]),
  id('KKP', 'KKP', 'Kementerian Kelautan dan Perikanan', 'Ministry of Marine Affairs and Fisheries', T.MINISTRY, [], {
    aliases: ['MMAF'],
  }),
  id(
    'KEMENDIKBUD',
    'Kemendikbud',
    'Kementerian Pendidikan dan Kebudayaan',
    'Ministry of Education and Culture',
    T.MINISTRY,
  ),
  id(
    'KOMINFO',
    'Kominfo',
    'Kementerian Komunikasi dan Informatika',
    'Ministry of Communication and Informatics',
    T.MINISTRY,
    [],
    { aliases: ['Komdigi'] },
  ),
  id('KEMENDAGRI', 'Kemendagri', 'Kementerian Dalam Negeri', 'Ministry of Home Affairs', T.MINISTRY, [], {
    aliases: ['Dukcapil'],
  }),
  id('KEMENAG', 'Kemenag', 'Kementerian Agama', 'Ministry of Religious Affairs', T.MINISTRY),
  id(
    'KEMENDESA',
    'Kemendesa PDTT',
    'Kementerian Desa, Pembangunan Daerah Tertinggal, dan Transmigrasi',
    'Ministry of Villages, Development of Disadvantaged Regions and Transmigration',
    T.MINISTRY,
  ),
  id('KEMENHUB', 'Kemenhub', 'Kementerian Perhubungan', 'Ministry of Transportation', T.MINISTRY),
  id(
    'BAPPENAS',
    'Bappenas',
    'Kementerian PPN/Badan Perencanaan Pembangunan Nasional',
    'Ministry of National Development Planning',
    T.MINISTRY,
  ),
  id('BPS', 'BPS', 'Badan Pusat Statistik', 'Statistics Indonesia', T.GOVERNMENT_AGENCY, [C.DATA_AND_STATISTICS]),
  id(
    'LPSK',
    'LPSK',
    'Lembaga Perlindungan Saksi dan Korban',
    'Witness and Victim Protection Agency',
    T.SERVICE_PROVIDER,
    [C.WITNESS_PROTECTION, C.COMPENSATION, C.PSYCHOSOCIAL, C.MEDICAL],
  ),
  id('BAKAMLA', 'Bakamla', 'Badan Keamanan Laut', 'Maritime Security Agency', T.GOVERNMENT_AGENCY),
  id('BIN', 'BIN', 'Badan Intelijen Negara', 'State Intelligence Agency', T.GOVERNMENT_AGENCY),
  id('TNI', 'TNI', 'Tentara Nasional Indonesia', 'Indonesian National Armed Forces', T.GOVERNMENT_AGENCY),
  id(
    'KOMNAS-HAM',
    'Komnas HAM',
    'Komisi Nasional Hak Asasi Manusia',
    'National Human Rights Commission',
    T.INDEPENDENT_COMMISSION,
  ),
  id(
    'KOMNAS-PEREMPUAN',
    'Komnas Perempuan',
    'Komisi Nasional Anti Kekerasan terhadap Perempuan',
    'National Commission on Violence against Women',
    T.INDEPENDENT_COMMISSION,
  ),
  id(
    'KPAI',
    'KPAI',
    'Komisi Perlindungan Anak Indonesia',
    'Indonesian Child Protection Commission',
    T.INDEPENDENT_COMMISSION,
  ),
  // Provincial bodies named in the sources.
  id(
    'POLDA-NTT',
    'Polda NTT',
    'Kepolisian Daerah Nusa Tenggara Timur',
    'East Nusa Tenggara Regional Police',
    T.POLICE,
    [C.INVESTIGATION],
    { parentCode: 'POLRI', timeZone: MKS },
  ),
  id(
    'POLDA-JABAR',
    'Polda Jabar',
    'Kepolisian Daerah Jawa Barat',
    'West Java Regional Police',
    T.POLICE,
    [C.INVESTIGATION],
    { parentCode: 'POLRI' },
  ),
  id(
    'POLDA-METRO',
    'Polda Metro Jaya',
    'Kepolisian Daerah Metro Jaya',
    'Greater Jakarta Metropolitan Regional Police',
    T.POLICE,
    [C.INVESTIGATION],
    { parentCode: 'POLRI' },
  ),
  id('POLDA-BALI', 'Polda Bali', 'Kepolisian Daerah Bali', 'Bali Regional Police', T.POLICE, [C.INVESTIGATION], {
    parentCode: 'POLRI',
    timeZone: MKS,
  }),
  id(
    'POLDA-KALBAR',
    'Polda Kalbar',
    'Kepolisian Daerah Kalimantan Barat',
    'West Kalimantan Regional Police',
    T.POLICE,
    [C.INVESTIGATION],
    { parentCode: 'POLRI', timeZone: PNK },
  ),
  id(
    'POLDA-KEPRI',
    'Polda Kepri',
    'Kepolisian Daerah Kepulauan Riau',
    'Riau Islands Regional Police',
    T.POLICE,
    [C.INVESTIGATION],
    { parentCode: 'POLRI' },
  ),
  id(
    'POLDA-NTB',
    'Polda NTB',
    'Kepolisian Daerah Nusa Tenggara Barat',
    'West Nusa Tenggara Regional Police',
    T.POLICE,
    [C.INVESTIGATION],
    { parentCode: 'POLRI', timeZone: MKS },
  ),
  id(
    'UPTD-PPA-NTT',
    'UPTD PPA NTT',
    'Unit Pelaksana Teknis Daerah Perlindungan Perempuan dan Anak Provinsi NTT',
    'Women and Child Protection Service Unit, East Nusa Tenggara',
    T.SERVICE_PROVIDER,
    [C.SHELTER, C.PSYCHOSOCIAL, C.LEGAL_AID],
    { timeZone: MKS, aliases: ['P2TP2A NTT'] },
  ),
  id(
    'DINSOS-NTT',
    'Dinsos NTT',
    'Dinas Sosial Provinsi Nusa Tenggara Timur',
    'Social Affairs Office of East Nusa Tenggara',
    T.LOCAL_GOVERNMENT,
    [C.SHELTER, C.LIVELIHOOD],
    { timeZone: MKS },
  ),
  id(
    'DINSOS-KALBAR',
    'Dinsos Kalbar',
    'Dinas Sosial Provinsi Kalimantan Barat',
    'Social Affairs Office of West Kalimantan',
    T.LOCAL_GOVERNMENT,
    [C.SHELTER],
    { timeZone: PNK },
  ),
  id(
    'PEMKAB-SAMBAS',
    'Pemkab Sambas',
    'Pemerintah Kabupaten Sambas',
    'Sambas Regency Government',
    T.LOCAL_GOVERNMENT,
    [],
    { timeZone: PNK },
  ),
  // Partners.
  id(
    'IOM',
    'IOM',
    'Organisasi Internasional untuk Migrasi (IOM Indonesia)',
    'International Organization for Migration, Indonesia',
    T.INTERNATIONAL_ORGANISATION,
    [C.SHELTER, C.MEDICAL, C.PSYCHOSOCIAL, C.REPATRIATION, C.LIVELIHOOD, C.INTERPRETER],
    { aliases: ['UN Migration', 'IOM Indonesia'] },
  ),
  id('LBH', 'LBH', 'Lembaga Bantuan Hukum', 'Legal Aid Institute', T.NGO, [C.LEGAL_AID], {
    aliases: ['YLBHI', 'Legal Aid Institute'],
  }),
  id('YAYASAN-PULIH', 'Yayasan Pulih', 'Yayasan Pulih', 'Pulih Foundation (psychosocial recovery)', T.NGO, [
    C.PSYCHOSOCIAL,
  ]),
  id(
    'YAYASAN-BAKTI',
    'Yayasan BaKTI',
    'Yayasan Bursa Pengetahuan Kawasan Timur Indonesia',
    'BaKTI Foundation',
    T.NGO,
    [],
    {
      timeZone: MKS,
      aliases: ['BaKTI'],
    },
  ),
  id(
    'CARITAS-KH',
    'Caritas Cambodia',
    'Caritas Kamboja',
    'Caritas Cambodia',
    T.NGO,
    [C.SHELTER, C.MEDICAL, C.PSYCHOSOCIAL],
    { country: 'KH', timeZone: PNH },
  ),
  // Cambodian counterparts.
  id(
    'KH-NCCT',
    'NCCT',
    'Komite Nasional Penanggulangan Perdagangan Orang Kamboja',
    'National Committee for Counter Trafficking (Cambodia)',
    T.FOREIGN_COUNTERPART,
    [],
    { country: 'KH', timeZone: PNH },
  ),
  id(
    'KH-MOI',
    'MoI Cambodia',
    'Kementerian Dalam Negeri Kamboja',
    'Ministry of Interior (Home Affairs) of Cambodia',
    T.FOREIGN_COUNTERPART,
    [],
    { country: 'KH', timeZone: PNH, aliases: ['Cambodian Ministry of Home Affairs', 'MoHA Cambodia'] },
  ),
  id(
    'KH-GDI',
    'GDI Cambodia',
    'Direktorat Jenderal Imigrasi Kamboja',
    'General Department of Immigration (Cambodia)',
    T.FOREIGN_COUNTERPART,
    [C.TRAVEL_DOCUMENTS],
    { country: 'KH', timeZone: PNH, parentCode: 'KH-MOI' },
  ),
  id(
    'KH-AHTJP',
    'AHTJP Police',
    'Departemen Anti Perdagangan Orang dan Perlindungan Anak, Kepolisian Kamboja',
    'Department of Anti-Human Trafficking and Juvenile Protection, Cambodian National Police',
    T.FOREIGN_COUNTERPART,
    [C.INVESTIGATION],
    { country: 'KH', timeZone: PNH, parentCode: 'KH-MOI', aliases: ['Phnom Penh Central Police'] },
  ),
  id(
    'KH-MOSVY',
    'MoSVY',
    'Kementerian Sosial, Veteran, dan Rehabilitasi Pemuda Kamboja',
    'Ministry of Social Affairs, Veterans and Youth Rehabilitation (Cambodia)',
    T.FOREIGN_COUNTERPART,
    [C.SHELTER, C.PSYCHOSOCIAL],
    { country: 'KH', timeZone: PNH },
  ),
  // Malaysian counterparts.
  id(
    'MY-MAPO',
    'MAPO',
    'Majlis Anti Pemerdagangan Orang dan Anti Penyeludupan Migran',
    'Council for Anti-Trafficking in Persons and Anti-Smuggling of Migrants (Malaysia)',
    T.FOREIGN_COUNTERPART,
    [],
    { country: 'MY', timeZone: KUL, aliases: ['Majelis Anti Perdagangan Orang Malaysia'] },
  ),
  id(
    'MY-JIM',
    'JIM',
    'Jabatan Imigresen Malaysia',
    'Immigration Department of Malaysia',
    T.FOREIGN_COUNTERPART,
    [C.TRAVEL_DOCUMENTS],
    { country: 'MY', timeZone: KUL, aliases: ['Malaysian immigration', 'Imigresen Malaysia'] },
  ),
  id('MY-PDRM', 'PDRM', 'Polis Diraja Malaysia', 'Royal Malaysia Police', T.FOREIGN_COUNTERPART, [C.INVESTIGATION], {
    country: 'MY',
    timeZone: KUL,
    aliases: ['Malaysian police', 'RMP'],
  }),
  id(
    'MY-EMB-JKT',
    'Kedutaan Malaysia Jakarta',
    'Kedutaan Besar Malaysia, Jakarta',
    'Embassy of Malaysia in Jakarta',
    T.FOREIGN_COUNTERPART,
    [],
    { country: 'MY', timeZone: JKT, aliases: ['Malaysian Embassy Jakarta'] },
  ),
];

export const TASK_FORCE_UNITS: TaskForceUnitSeed[] = [
  {
    code: 'GTPP-NAS',
    nameId: 'Gugus Tugas Pencegahan dan Penanganan TPPO Pusat',
    nameEn: 'National Anti-Trafficking Task Force',
    level: L.NATIONAL,
    regionCode: null,
    parentCode: null,
    timeZone: JKT,
  },
  {
    code: 'GTPP-NTT',
    nameId: 'Gugus Tugas PP-TPPO Provinsi Nusa Tenggara Timur',
    nameEn: 'East Nusa Tenggara Provincial Task Force',
    level: L.PROVINCE,
    regionCode: '53',
    parentCode: 'GTPP-NAS',
    timeZone: MKS,
  },
  {
    code: 'GTPP-JABAR',
    nameId: 'Gugus Tugas PP-TPPO Provinsi Jawa Barat',
    nameEn: 'West Java Provincial Task Force',
    level: L.PROVINCE,
    regionCode: '32',
    parentCode: 'GTPP-NAS',
    timeZone: JKT,
  },
  {
    code: 'GTPP-KALBAR',
    nameId: 'Gugus Tugas PP-TPPO Provinsi Kalimantan Barat',
    nameEn: 'West Kalimantan Provincial Task Force',
    level: L.PROVINCE,
    regionCode: '61',
    parentCode: 'GTPP-NAS',
    timeZone: PNK,
  },
  {
    code: 'GTPP-KEPRI',
    nameId: 'Gugus Tugas PP-TPPO Provinsi Kepulauan Riau',
    nameEn: 'Riau Islands Provincial Task Force',
    level: L.PROVINCE,
    regionCode: '21',
    parentCode: 'GTPP-NAS',
    timeZone: JKT,
  },
  {
    code: 'GTPP-NTB',
    nameId: 'Gugus Tugas PP-TPPO Provinsi Nusa Tenggara Barat',
    nameEn: 'West Nusa Tenggara Provincial Task Force',
    level: L.PROVINCE,
    regionCode: '52',
    parentCode: 'GTPP-NAS',
    timeZone: MKS,
  },
  {
    code: 'GTPP-SAMBAS',
    nameId: 'Gugus Tugas PP-TPPO Kabupaten Sambas',
    nameEn: 'Sambas Regency Task Force',
    level: L.REGENCY_CITY,
    regionCode: '61.01',
    parentCode: 'GTPP-KALBAR',
    timeZone: PNK,
  },
  {
    code: 'GTPP-BATAM',
    nameId: 'Gugus Tugas PP-TPPO Kota Batam',
    nameEn: 'Batam City Task Force',
    level: L.REGENCY_CITY,
    regionCode: '21.71',
    parentCode: 'GTPP-KEPRI',
    timeZone: JKT,
  },
  {
    code: 'GTPP-INDRAMAYU',
    nameId: 'Gugus Tugas PP-TPPO Kabupaten Indramayu',
    nameEn: 'Indramayu Regency Task Force',
    level: L.REGENCY_CITY,
    regionCode: '32.12',
    parentCode: 'GTPP-JABAR',
    timeZone: JKT,
  },
];

/** The 2023 reorganisation (Perpres 49/2023): recorded from the day the police task force was set up. */
const REORGANISED = '2023-06-05';
const PERPRES_49 = 'Perpres 49/2023 (second amendment of Perpres 69/2008); Satgas TPPO Polri set up 5 June 2023';
const PERPRES_69 =
  'Perpres 69/2008; the exact start date is not in the sources (recorded as the first day of April 2008)';

/**
 * Members of the national unit besides the chairs. The sources give the size (27 ministries/agencies in Perpres
 * 49/2023) but not the list; this selection is the project's reading of the bodies the sources name, and is
 * editable reference data. The chairs and the daily chair are recorded by their own rows, not again as MEMBER.
 */
const NATIONAL_MEMBERS = [
  'KEMLU',
  'KEMENKUMHAM',
  'KEJAGUNG',
  'KEMENPPPA',
  'KEMENSOS',
  'KEMNAKER',
  'BP2MI',
  'KEMENKES',
  'KKP',
  'KEMENDIKBUD',
  'KOMINFO',
  'KEMENDAGRI',
  'KEMENAG',
  'KEMENDESA',
  'KEMENHUB',
  'BAPPENAS',
  'BPS',
  'LPSK',
  'BAKAMLA',
  'BIN',
  'TNI',
  'DITJEN-IMIGRASI',
  'BARESKRIM',
];

export const MEMBERSHIPS: MembershipSeed[] = [
  {
    unitCode: 'GTPP-NAS',
    agencyCode: 'KEMENKO-POLHUKAM',
    role: R.CHAIR_1,
    validFrom: REORGANISED,
    validTo: null,
    basis: PERPRES_49,
  },
  {
    unitCode: 'GTPP-NAS',
    agencyCode: 'KEMENKO-PMK',
    role: R.CHAIR_2,
    validFrom: REORGANISED,
    validTo: null,
    basis: PERPRES_49,
  },
  {
    unitCode: 'GTPP-NAS',
    agencyCode: 'KEMENPPPA',
    role: R.DAILY_CHAIR,
    validFrom: '2008-04-01',
    validTo: REORGANISED,
    basis: PERPRES_69,
  },
  {
    unitCode: 'GTPP-NAS',
    agencyCode: 'KEMENPPPA',
    role: R.SECRETARIAT,
    validFrom: '2008-04-01',
    validTo: REORGANISED,
    basis: `${PERPRES_69}; the secretariat published from KemenPPPA (Laporan 2018)`,
  },
  {
    unitCode: 'GTPP-NAS',
    agencyCode: 'POLRI',
    role: R.DAILY_CHAIR,
    validFrom: REORGANISED,
    validTo: null,
    basis: PERPRES_49,
  },
  {
    unitCode: 'GTPP-NAS',
    agencyCode: 'POLRI',
    role: R.SECRETARIAT,
    validFrom: REORGANISED,
    validTo: null,
    basis: `${PERPRES_49}; secretariat placed with the daily chair (project decision, editable)`,
  },
  ...NATIONAL_MEMBERS.map((agencyCode) => ({
    unitCode: 'GTPP-NAS',
    agencyCode,
    role: R.MEMBER,
    validFrom: REORGANISED,
    validTo: null,
    basis: 'Perpres 49/2023 (27 ministries and agencies); the member list is not in the sources (inferred, editable)',
  })),
  {
    unitCode: 'GTPP-NAS',
    agencyCode: 'IOM',
    role: R.PARTNER,
    validFrom: '2008-04-01',
    validTo: null,
    basis:
      'IOM supports on government request (counter-trafficking work in Indonesia since 2005); partnership recorded from the task force start date, itself approximate',
  },
  {
    unitCode: 'GTPP-NTT',
    agencyCode: 'POLDA-NTT',
    role: R.DAILY_CHAIR,
    validFrom: REORGANISED,
    validTo: null,
    basis: 'Provincial task force following the 2023 reorganisation (project decision, editable)',
  },
  {
    unitCode: 'GTPP-NTT',
    agencyCode: 'DINSOS-NTT',
    role: R.MEMBER,
    validFrom: REORGANISED,
    validTo: null,
    basis: 'Provincial member (project decision, editable)',
  },
  {
    unitCode: 'GTPP-NTT',
    agencyCode: 'UPTD-PPA-NTT',
    role: R.MEMBER,
    validFrom: REORGANISED,
    validTo: null,
    basis: 'Provincial service provider (project decision, editable)',
  },
  {
    unitCode: 'GTPP-JABAR',
    agencyCode: 'POLDA-JABAR',
    role: R.DAILY_CHAIR,
    validFrom: REORGANISED,
    validTo: null,
    basis: 'Provincial task force following the 2023 reorganisation (project decision, editable)',
  },
  {
    unitCode: 'GTPP-KALBAR',
    agencyCode: 'POLDA-KALBAR',
    role: R.DAILY_CHAIR,
    validFrom: REORGANISED,
    validTo: null,
    basis: 'Provincial task force following the 2023 reorganisation (project decision, editable)',
  },
  {
    unitCode: 'GTPP-KEPRI',
    agencyCode: 'POLDA-KEPRI',
    role: R.DAILY_CHAIR,
    validFrom: REORGANISED,
    validTo: null,
    basis: 'Provincial task force following the 2023 reorganisation (project decision, editable)',
  },
  {
    unitCode: 'GTPP-NTB',
    agencyCode: 'POLDA-NTB',
    role: R.DAILY_CHAIR,
    validFrom: REORGANISED,
    validTo: null,
    basis: 'Provincial task force following the 2023 reorganisation (project decision, editable)',
  },
  {
    unitCode: 'GTPP-KALBAR',
    agencyCode: 'DINSOS-KALBAR',
    role: R.MEMBER,
    validFrom: REORGANISED,
    validTo: null,
    basis: 'Provincial member (project decision, editable)',
  },
  {
    unitCode: 'GTPP-SAMBAS',
    agencyCode: 'PEMKAB-SAMBAS',
    role: R.SECRETARIAT,
    validFrom: REORGANISED,
    validTo: null,
    basis: 'Regency task force (project decision, editable)',
  },
];

const law = (
  code: string,
  kind: K,
  number: string,
  signedOn: string | null,
  titleId: string,
  titleEn: string,
  notes: string | null = null,
): LegalInstrumentSeed => ({
  code,
  kind,
  number,
  signedOn,
  titleId,
  titleEn,
  notes,
  signedAt: 'Jakarta',
  effectiveTo: null,
  partyNames: ['Republik Indonesia'],
  partyAgencyCodes: [],
  commitments: [],
});

const commitment = (
  instrument: string,
  sequence: number,
  titleId: string,
  titleEn: string,
  ownerAgencyCode: string | null,
): CommitmentSeed => ({
  sequence,
  code: `${instrument}-${String(sequence).padStart(2, '0')}`,
  titleId,
  titleEn,
  ownerAgencyCode,
});

export const LEGAL_INSTRUMENTS: LegalInstrumentSeed[] = [
  law(
    'UU-21-2007',
    K.LAW,
    '21/2007',
    '2007-04-19',
    'Undang-Undang tentang Pemberantasan Tindak Pidana Perdagangan Orang',
    'Law on the Eradication of the Crime of Trafficking in Persons',
    'Penalties of 3–15 years and fines of Rp 120–600 million. Only the year is in the sources; the day (19 April 2007) is outside knowledge, to be verified.',
  ),
  law(
    'PERPRES-69-2008',
    K.PRESIDENTIAL_REGULATION,
    '69/2008',
    '2008-01-01',
    'Peraturan Presiden tentang Gugus Tugas Pencegahan dan Penanganan Tindak Pidana Perdagangan Orang',
    'Presidential Regulation on the Task Force for the Prevention and Handling of Trafficking in Persons',
    'Only the year is in the sources; the day is a placeholder.',
  ),
  law(
    'UU-14-2009',
    K.LAW,
    '14/2009',
    '2009-01-01',
    'Undang-Undang tentang Pengesahan Protokol Palermo',
    'Law ratifying the Palermo Protocol to Prevent, Suppress and Punish Trafficking in Persons',
    'Only the year is in the sources; the day is a placeholder.',
  ),
  {
    ...law(
      'UU-12-2017-ACTIP',
      K.ASEAN_INSTRUMENT,
      '12/2017',
      '2017-10-17',
      'Undang-Undang tentang Pengesahan Konvensi ASEAN Menentang Perdagangan Orang (ACTIP)',
      'Law ratifying the ASEAN Convention against Trafficking in Persons (ACTIP)',
      'Ratified in the DPR plenary on 17 October 2017 (the date recorded is that plenary, not the signing of the law). The law number 12/2017 is outside knowledge, not in the sources.',
    ),
    partyNames: ['Republik Indonesia', 'ASEAN'],
  },
  law(
    'PERPRES-22-2021',
    K.PRESIDENTIAL_REGULATION,
    '22/2021',
    '2021-01-01',
    'Peraturan Presiden tentang Perubahan atas Perpres 69/2008',
    'Presidential Regulation amending Perpres 69/2008 (first amendment)',
    'Only the year is in the sources; the day is a placeholder. That it is the first amendment is inferred from Perpres 49/2023 being the second.',
  ),
  law(
    'PERPRES-49-2023',
    K.PRESIDENTIAL_REGULATION,
    '49/2023',
    REORGANISED,
    'Peraturan Presiden tentang Perubahan Kedua atas Perpres 69/2008 tentang GTPP-TPPO',
    'Presidential Regulation on the second amendment of Perpres 69/2008: Kapolri as daily chair, 27 members',
    'Cabinet instruction of 30 May 2023; the date recorded is the set-up of Satgas TPPO Polri (5 June 2023).',
  ),
  {
    code: 'MOU-POLRI-KH-MOHA-2022',
    kind: K.MOU,
    titleId:
      'Nota Kesepahaman antara Kepolisian Negara Republik Indonesia dan Kementerian Dalam Negeri Kerajaan Kamboja tentang Pencegahan dan Penanggulangan Kejahatan Lintas Negara',
    titleEn:
      'Memorandum of Understanding between the Indonesian National Police and the Cambodian Ministry of Home Affairs on preventing and combating transnational crime',
    number: null,
    signedOn: '2022-08-01',
    signedAt: 'Labuan Bajo',
    effectiveTo: null,
    partyNames: ['Kepolisian Negara Republik Indonesia', 'Ministry of Interior of the Kingdom of Cambodia'],
    partyAgencyCodes: ['POLRI', 'KH-MOI'],
    notes:
      'Only the month is in the sources (August 2022; another passage says August 2023), so the day is a placeholder. The official title is not in the sources; the title here describes its purpose ("to enhance cooperation in dealing with crimes that occur across the borders"). Criticised for "a lack of substantial progress". The commitment areas below are inferred from that purpose, not quoted text.',
    commitments: [
      commitment(
        'MOU-POLRI-KH-MOHA-2022',
        1,
        'Pertukaran informasi kejahatan lintas negara',
        'Exchange of information on transnational crime',
        'POLRI',
      ),
      commitment(
        'MOU-POLRI-KH-MOHA-2022',
        2,
        'Kerja sama penyelidikan dan penyelamatan korban',
        'Cooperation in investigations and victim rescue',
        'BARESKRIM',
      ),
      commitment(
        'MOU-POLRI-KH-MOHA-2022',
        3,
        'Peningkatan kapasitas aparat penegak hukum',
        'Capacity building of law-enforcement officers',
        'POLRI',
      ),
    ],
  },
  {
    code: 'KH-ID-IMM-2024',
    kind: K.BILATERAL_FRAMEWORK,
    titleId:
      'Kerangka Kerja Sama Bilateral Keimigrasian Indonesia–Kamboja (Pertemuan Bilateral Pertama tentang Keimigrasian)',
    titleEn:
      'Cambodia–Indonesia bilateral cooperation framework on immigration matters (First Bilateral Meeting on Immigration Matters)',
    number: null,
    signedOn: '2024-03-13',
    signedAt: 'Phnom Penh',
    effectiveTo: null,
    partyNames: ['Direktorat Jenderal Imigrasi Republik Indonesia', 'General Department of Immigration of Cambodia'],
    partyAgencyCodes: ['DITJEN-IMIGRASI', 'KH-GDI'],
    notes:
      'First Cambodia–Indonesia Bilateral Meeting on Immigration Matters, agreed by DG Silmy (the sources spell him "Salim"; Silmy Karim is outside knowledge) and Lt. Gen. SOK Veasna; 8 cooperation areas, in the order of the sources. An Indonesian immigration attaché is posted in Phnom Penh to operate it; commitment owners are the project\'s assignment.',
    commitments: [
      commitment(
        'KH-ID-IMM-2024',
        1,
        'Pertukaran informasi keimigrasian',
        'Exchange of migration information',
        'ATASE-IMIGRASI-PNH',
      ),
      commitment(
        'KH-ID-IMM-2024',
        2,
        'Pengaturan perlintasan orang yang legal dan tertib',
        'Regulation of legal and orderly movement of people',
        'DITJEN-IMIGRASI',
      ),
      commitment(
        'KH-ID-IMM-2024',
        3,
        'Penentuan status migran',
        'Determination of migrant status',
        'ATASE-IMIGRASI-PNH',
      ),
      commitment(
        'KH-ID-IMM-2024',
        4,
        'Pencegahan penyelundupan manusia dan perdagangan orang',
        'Prevention of human smuggling and trafficking in persons',
        'DITJEN-IMIGRASI',
      ),
      commitment(
        'KH-ID-IMM-2024',
        5,
        'Penyelesaian kasus pemalsuan dokumen perjalanan',
        'Resolution of travel-document fraud cases',
        'ATASE-IMIGRASI-PNH',
      ),
      commitment(
        'KH-ID-IMM-2024',
        6,
        'Pertukaran data statistik',
        'Exchange of statistical data',
        'ATASE-IMIGRASI-PNH',
      ),
      commitment(
        'KH-ID-IMM-2024',
        7,
        'Pengembangan kelembagaan dan kebijakan pengelolaan migrasi',
        'Development of migration-management institutions and policies',
        'DITJEN-IMIGRASI',
      ),
      commitment(
        'KH-ID-IMM-2024',
        8,
        'Bantuan teknis, pelatihan, dan peningkatan kapasitas',
        'Technical assistance, training and capacity building',
        'DITJEN-IMIGRASI',
      ),
    ],
  },
];

/** True when a membership is in force on `day` (YYYY-MM-DD): from validFrom inclusive to validTo exclusive. */
export function activeOn(membership: Pick<MembershipSeed, 'validFrom' | 'validTo'>, day: string): boolean {
  return membership.validFrom <= day && (membership.validTo === null || day < membership.validTo);
}
