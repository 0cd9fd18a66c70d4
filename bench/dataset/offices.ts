import { AgencyCapability as C, AgencyType as T } from '@app/modules/agencies/agency.enums';
import { MembershipRole as R } from '@app/modules/task-forces/task-force.enums';

import { SeededRandom } from './random';
import { Province } from './regions';

/** A province or a regency/city, as the offices seated there are named after it. */
export interface Place {
  level: 'PROVINCE' | 'REGENCY_CITY';
  province: Province;
  regionCode: string;
  /** Kabupaten Bogor, or the province's name (Jawa Barat). */
  nameId: string;
  /** Bogor Regency, or West Java. */
  nameEn: string;
  /** For acronyms: Kab. Bogor, Kota Makassar, Jabar. */
  short: string;
  /** The town an office is named after: Bogor, or the provincial capital. */
  town: string;
  /** A city (kota), or a province. */
  urban: boolean;
  /** A migration gateway (see regions.ts). */
  gateway: boolean;
}

/** One kind of office that a province or a regency/city has: a unit of a national member agency there. */
export interface OfficeTemplate {
  key: string;
  /** The seeded national agency this office belongs to (parent_agency_id). */
  parentCode: string;
  type: T;
  /** What the office delivers; referrals are routed by these (see ReferralsService and the provider directory). */
  capabilities: C[];
  /** Its role in the task-force unit of its place. */
  role: R;
  /** Its relative share of the tasks assigned to offices (before each office's own spread). */
  weight: number;
  /** Whether the place has such an office (every place when absent). */
  present?: (place: Place, random: SeededRandom) => boolean;
  /** Seeded agencies that are this office for a province (province code to agency code): reused, not created. */
  seeded?: Readonly<Record<string, string>>;
  /** Indonesian name, English name, acronym. */
  names: (place: Place) => [string, string, string];
}

/** Provinces sending the most migrant workers: most of their regencies have a BP2MI post. */
const SENDING_PROVINCES = new Set(['12', '18', '21', '32', '33', '35', '52', '53', '61', '65']);

const ofPlace = (place: Place) => (place.level === 'PROVINCE' ? `Provinsi ${place.nameId}` : place.nameId);
const enOf = (place: Place) => (place.level === 'PROVINCE' ? `of ${place.nameEn}` : `, ${place.nameEn}`);
const local = (
  key: string,
  parentCode: string,
  weight: number,
  nameId: string,
  nameEn: string,
  acronym: string,
  capabilities: C[] = [],
): OfficeTemplate => ({
  key,
  parentCode,
  type: T.LOCAL_GOVERNMENT,
  capabilities,
  role: R.MEMBER,
  weight,
  names: (place) => [`${nameId} ${ofPlace(place)}`, `${nameEn}${enOf(place)}`, `${acronym} ${place.short}`],
});

/**
 * Offices of a regency or city, in order of importance: when the agency budget of a scale runs out, the last
 * kinds are the ones left out (the small scale keeps the secretariat and the police). Index i here pairs with
 * index i of PROVINCE_OFFICES: the generator fills one kind everywhere before the next.
 */
export const REGENCY_OFFICES: OfficeTemplate[] = [
  // The regional task forces' secretariat sits with the women's empowerment and child protection office.
  {
    ...local(
      'DP3A',
      'KEMENPPPA',
      2,
      'Dinas Pemberdayaan Perempuan dan Perlindungan Anak',
      "Women's Empowerment and Child Protection Office",
      'DP3A',
      [C.PSYCHOSOCIAL],
    ),
    role: R.SECRETARIAT,
  },
  {
    key: 'POLRES',
    parentCode: 'POLRI',
    type: T.POLICE,
    capabilities: [C.INVESTIGATION],
    role: R.DAILY_CHAIR,
    weight: 3,
    names: (place) => [`Polres ${place.nameId}`, `${place.nameEn} Police`, `Polres ${place.short}`],
  },
  local('DINSOS', 'KEMENSOS', 2, 'Dinas Sosial', 'Social Affairs Office', 'Dinsos', [
    C.SHELTER,
    C.PSYCHOSOCIAL,
    C.REPATRIATION,
  ]),
  {
    key: 'UPTD-PPA',
    parentCode: 'KEMENPPPA',
    type: T.SERVICE_PROVIDER,
    capabilities: [C.SHELTER, C.PSYCHOSOCIAL, C.LEGAL_AID],
    role: R.MEMBER,
    weight: 1.5,
    names: (place) => [
      `UPTD Perlindungan Perempuan dan Anak ${place.nameId}`,
      `Women and Child Protection Service Unit, ${place.nameEn}`,
      `UPTD PPA ${place.short}`,
    ],
  },
  {
    key: 'KEJARI',
    parentCode: 'KEJAGUNG',
    type: T.PROSECUTION,
    capabilities: [C.PROSECUTION],
    role: R.MEMBER,
    weight: 1,
    names: (place) => [
      `Kejaksaan Negeri ${place.nameId}`,
      `${place.nameEn} District Prosecutor's Office`,
      `Kejari ${place.short}`,
    ],
  },
  {
    key: 'RSUD',
    parentCode: 'KEMENKES',
    type: T.SERVICE_PROVIDER,
    capabilities: [C.MEDICAL, C.PSYCHOSOCIAL],
    role: R.MEMBER,
    weight: 0.6,
    names: (place) => [
      `Rumah Sakit Umum Daerah ${place.nameId}`,
      `${place.nameEn} General Hospital`,
      `RSUD ${place.short}`,
    ],
  },
  local('DISNAKER', 'KEMNAKER', 1.2, 'Dinas Tenaga Kerja', 'Manpower Office', 'Disnaker', [C.LIVELIHOOD]),
  {
    key: 'KANIM',
    parentCode: 'DITJEN-IMIGRASI',
    type: T.IMMIGRATION,
    capabilities: [C.TRAVEL_DOCUMENTS],
    role: R.MEMBER,
    weight: 1.5,
    present: (place, random) => place.gateway || random.chance(place.urban ? 0.5 : 0.1),
    names: (place) => {
      const [classId, classEn] = place.gateway
        ? ['I TPI', 'I, checkpoint']
        : place.urban
          ? ['II TPI', 'II, checkpoint']
          : ['II Non TPI', 'II'];
      return [
        `Kantor Imigrasi Kelas ${classId} ${place.town}`,
        `${place.town} Immigration Office (class ${classEn})`,
        `Kanim ${place.town}`,
      ];
    },
  },
  {
    key: 'UPT-BP2MI',
    parentCode: 'BP2MI',
    type: T.GOVERNMENT_AGENCY,
    capabilities: [C.REPATRIATION, C.LIVELIHOOD],
    role: R.MEMBER,
    weight: 1.5,
    present: (place, random) => place.gateway || random.chance(SENDING_PROVINCES.has(place.province.code) ? 0.2 : 0.03),
    names: (place) => [`UPT BP2MI ${place.town}`, `BP2MI Service Post ${place.town}`, `UPT BP2MI ${place.town}`],
  },
  {
    key: 'RPS',
    parentCode: 'KEMENSOS',
    type: T.SERVICE_PROVIDER,
    capabilities: [C.SHELTER, C.PSYCHOSOCIAL, C.LIVELIHOOD],
    role: R.MEMBER,
    weight: 0.6,
    present: (_place, random) => random.chance(0.7),
    names: (place) => [
      `Rumah Perlindungan Sosial ${place.nameId}`,
      `Social Protection Shelter, ${place.nameEn}`,
      `RPS ${place.short}`,
    ],
  },
  {
    key: 'POSBAKUM',
    parentCode: 'LBH',
    type: T.NGO,
    capabilities: [C.LEGAL_AID],
    role: R.PARTNER,
    weight: 0.4,
    present: (_place, random) => random.chance(0.6),
    names: (place) => [
      `Pos Bantuan Hukum ${place.nameId}`,
      `Legal Aid Post, ${place.nameEn}`,
      `Posbakum ${place.short}`,
    ],
  },
  local('DINKES', 'KEMENKES', 0.5, 'Dinas Kesehatan', 'Health Office', 'Dinkes'),
  local(
    'DUKCAPIL',
    'KEMENDAGRI',
    0.6,
    'Dinas Kependudukan dan Pencatatan Sipil',
    'Population and Civil Registry Office',
    'Disdukcapil',
  ),
  {
    ...local(
      'KEMENAG',
      'KEMENAG',
      0.3,
      'Kantor Kementerian Agama',
      'Office of the Ministry of Religious Affairs',
      'Kemenag',
    ),
    type: T.MINISTRY,
  },
  local(
    'DISKOMINFO',
    'KOMINFO',
    0.4,
    'Dinas Komunikasi dan Informatika',
    'Communication and Informatics Office',
    'Diskominfo',
  ),
  local('DISDIK', 'KEMENDIKBUD', 0.4, 'Dinas Pendidikan', 'Education Office', 'Disdik'),
  {
    key: 'BPS',
    parentCode: 'BPS',
    type: T.GOVERNMENT_AGENCY,
    capabilities: [C.DATA_AND_STATISTICS],
    role: R.MEMBER,
    weight: 0.3,
    names: (place) => [
      `Badan Pusat Statistik ${place.nameId}`,
      `Statistics Office${enOf(place)}`,
      `BPS ${place.short}`,
    ],
  },
  local('DISHUB', 'KEMENHUB', 0.4, 'Dinas Perhubungan', 'Transport Office', 'Dishub'),
  local(
    'DPMD',
    'KEMENDESA',
    0.4,
    'Dinas Pemberdayaan Masyarakat dan Desa',
    'Community and Village Empowerment Office',
    'DPMD',
  ),
  local(
    'BAPPEDA',
    'BAPPENAS',
    0.3,
    'Badan Perencanaan Pembangunan Daerah',
    'Regional Development Planning Agency',
    'Bappeda',
  ),
  {
    key: 'KODIM',
    parentCode: 'TNI',
    type: T.GOVERNMENT_AGENCY,
    capabilities: [],
    role: R.MEMBER,
    weight: 0.2,
    names: (place) => {
      const number = place.regionCode.replace('.', '');
      return [
        `Komando Distrik Militer ${number}/${place.town}`,
        `Military District Command ${number}/${place.town}`,
        `Kodim ${number}/${place.town}`,
      ];
    },
  },
  local('DISKAN', 'KKP', 0.3, 'Dinas Perikanan', 'Fisheries Office', 'Diskan'),
];

/** Offices of a province, paired by index with REGENCY_OFFICES. */
export const PROVINCE_OFFICES: OfficeTemplate[] = [
  {
    ...local(
      'DP3A',
      'KEMENPPPA',
      2.5,
      'Dinas Pemberdayaan Perempuan dan Perlindungan Anak',
      "Women's Empowerment and Child Protection Office",
      'DP3A',
      [C.PSYCHOSOCIAL],
    ),
    role: R.SECRETARIAT,
  },
  {
    key: 'POLDA',
    parentCode: 'POLRI',
    type: T.POLICE,
    capabilities: [C.INVESTIGATION],
    role: R.DAILY_CHAIR,
    weight: 4,
    seeded: {
      '21': 'POLDA-KEPRI',
      '31': 'POLDA-METRO',
      '32': 'POLDA-JABAR',
      '51': 'POLDA-BALI',
      '52': 'POLDA-NTB',
      '53': 'POLDA-NTT',
      '61': 'POLDA-KALBAR',
    },
    names: (place) => [`Kepolisian Daerah ${place.nameId}`, `${place.nameEn} Regional Police`, `Polda ${place.short}`],
  },
  {
    ...local('DINSOS', 'KEMENSOS', 2, 'Dinas Sosial', 'Social Affairs Office', 'Dinsos', [
      C.SHELTER,
      C.REPATRIATION,
      C.LIVELIHOOD,
    ]),
    seeded: { '53': 'DINSOS-NTT', '61': 'DINSOS-KALBAR' },
  },
  {
    key: 'UPTD-PPA',
    parentCode: 'KEMENPPPA',
    type: T.SERVICE_PROVIDER,
    capabilities: [C.SHELTER, C.PSYCHOSOCIAL, C.LEGAL_AID],
    role: R.MEMBER,
    weight: 1.5,
    seeded: { '53': 'UPTD-PPA-NTT' },
    names: (place) => [
      `UPTD Perlindungan Perempuan dan Anak Provinsi ${place.nameId}`,
      `Women and Child Protection Service Unit, ${place.nameEn}`,
      `UPTD PPA ${place.short}`,
    ],
  },
  {
    key: 'KEJATI',
    parentCode: 'KEJAGUNG',
    type: T.PROSECUTION,
    capabilities: [C.PROSECUTION],
    role: R.MEMBER,
    weight: 1.2,
    names: (place) => [
      `Kejaksaan Tinggi ${place.nameId}`,
      `${place.nameEn} High Prosecutor's Office`,
      `Kejati ${place.short}`,
    ],
  },
  {
    key: 'RS-BHAYANGKARA',
    parentCode: 'POLRI',
    type: T.SERVICE_PROVIDER,
    capabilities: [C.MEDICAL, C.PSYCHOSOCIAL],
    role: R.MEMBER,
    weight: 0.6,
    names: (place) => [
      `Rumah Sakit Bhayangkara ${place.town}`,
      `Bhayangkara Police Hospital ${place.town}`,
      `RS Bhayangkara ${place.town}`,
    ],
  },
  local(
    'DISNAKERTRANS',
    'KEMNAKER',
    1.5,
    'Dinas Tenaga Kerja dan Transmigrasi',
    'Manpower and Transmigration Office',
    'Disnakertrans',
    [C.LIVELIHOOD],
  ),
  {
    key: 'KANWIL-IMIGRASI',
    parentCode: 'DITJEN-IMIGRASI',
    type: T.IMMIGRATION,
    capabilities: [C.TRAVEL_DOCUMENTS],
    role: R.MEMBER,
    weight: 1.5,
    names: (place) => [
      `Kantor Wilayah Imigrasi ${place.nameId}`,
      `Regional Immigration Office of ${place.nameEn}`,
      `Kanwil Imigrasi ${place.short}`,
    ],
  },
  {
    key: 'BP3MI',
    parentCode: 'BP2MI',
    type: T.GOVERNMENT_AGENCY,
    capabilities: [C.REPATRIATION, C.LIVELIHOOD],
    role: R.MEMBER,
    weight: 3,
    names: (place) => [
      `Balai Pelayanan Pelindungan Pekerja Migran Indonesia ${place.nameId}`,
      `Migrant Worker Protection Service Centre of ${place.nameEn}`,
      `BP3MI ${place.short}`,
    ],
  },
  {
    key: 'RPTC',
    parentCode: 'KEMENSOS',
    type: T.SERVICE_PROVIDER,
    capabilities: [C.SHELTER, C.PSYCHOSOCIAL],
    role: R.MEMBER,
    weight: 0.8,
    names: (place) => [
      `Rumah Perlindungan dan Trauma Center ${place.nameId}`,
      `Protection and Trauma Centre of ${place.nameEn}`,
      `RPTC ${place.short}`,
    ],
  },
  {
    key: 'LBH',
    parentCode: 'LBH',
    type: T.NGO,
    capabilities: [C.LEGAL_AID],
    role: R.PARTNER,
    weight: 0.5,
    names: (place) => [`Lembaga Bantuan Hukum ${place.town}`, `${place.town} Legal Aid Institute`, `LBH ${place.town}`],
  },
  local('DINKES', 'KEMENKES', 0.4, 'Dinas Kesehatan', 'Health Office', 'Dinkes'),
  {
    ...local(
      'KANWIL-KUMHAM',
      'KEMENKUMHAM',
      0.4,
      'Kantor Wilayah Kementerian Hukum dan HAM',
      'Regional Office of the Ministry of Law and Human Rights',
      'Kanwil Kemenkumham',
    ),
    type: T.MINISTRY,
  },
  {
    ...local(
      'KANWIL-KEMENAG',
      'KEMENAG',
      0.3,
      'Kantor Wilayah Kementerian Agama',
      'Regional Office of the Ministry of Religious Affairs',
      'Kanwil Kemenag',
    ),
    type: T.MINISTRY,
  },
  local(
    'DISKOMINFO',
    'KOMINFO',
    0.4,
    'Dinas Komunikasi dan Informatika',
    'Communication and Informatics Office',
    'Diskominfo',
  ),
  local('DISDIK', 'KEMENDIKBUD', 0.4, 'Dinas Pendidikan', 'Education Office', 'Disdik'),
  {
    key: 'BPS',
    parentCode: 'BPS',
    type: T.GOVERNMENT_AGENCY,
    capabilities: [C.DATA_AND_STATISTICS],
    role: R.MEMBER,
    weight: 0.3,
    names: (place) => [
      `Badan Pusat Statistik Provinsi ${place.nameId}`,
      `Statistics Office of ${place.nameEn}`,
      `BPS ${place.short}`,
    ],
  },
  local('DISHUB', 'KEMENHUB', 0.4, 'Dinas Perhubungan', 'Transport Office', 'Dishub'),
  local(
    'DPMD',
    'KEMENDESA',
    0.4,
    'Dinas Pemberdayaan Masyarakat dan Desa',
    'Community and Village Empowerment Office',
    'DPMD',
  ),
  local(
    'BAPPEDA',
    'BAPPENAS',
    0.3,
    'Badan Perencanaan Pembangunan Daerah',
    'Regional Development Planning Agency',
    'Bappeda',
  ),
  {
    key: 'KOREM',
    parentCode: 'TNI',
    type: T.GOVERNMENT_AGENCY,
    capabilities: [],
    role: R.MEMBER,
    weight: 0.3,
    names: (place) => [
      `Komando Resor Militer ${place.town}`,
      `Military Area Command ${place.town}`,
      `Korem ${place.town}`,
    ],
  },
  {
    key: 'BINDA',
    parentCode: 'BIN',
    type: T.GOVERNMENT_AGENCY,
    capabilities: [],
    role: R.MEMBER,
    weight: 0.3,
    names: (place) => [
      `Badan Intelijen Negara Daerah ${place.nameId}`,
      `State Intelligence Agency, ${place.nameEn} office`,
      `Binda ${place.short}`,
    ],
  },
];
