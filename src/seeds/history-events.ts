/**
 * Real events from the source papers, loaded as history (issue 23, item 5): what the task force and its partners
 * did before Simpul, so that the figures and the annual report's chapters start from the record. Each names its
 * source; where the source leaves a fact open (a time of day, the number of participants, the cost) it is left
 * empty or said so in the source note, never invented. Plain data keyed by stable codes.
 */
import { ActivityType as A, TargetGroup as G } from '@app/modules/activities/activity.enums';
import { AttendanceStatus, MeetingType } from '@app/modules/meetings/meeting.enums';
import { TaskForceDuty as D, TaskPillar as P } from '@app/modules/tasks/task.enums';

export interface HistoricalActivity {
  title: string;
  type: A;
  pillar: P;
  duty: D;
  startsOn: string;
  endsOn: string;
  regionCode: string | null;
  place: string | null;
  organiserCode: string;
  supportingCodes: string[];
  otherPartners: string[];
  targetGroup: G;
  /** Null when the source gives no number. */
  participants: number | null;
  materials: string[];
  source: string;
}

export interface HistoricalDecision {
  text: string;
  pillar: P;
  duty: D;
  commitmentCode: string | null;
}

export interface HistoricalMeeting {
  unitCode: string;
  type: MeetingType;
  title: string;
  date: string;
  /** HH:mm; the sources give no time of day, so the source note says the one recorded is a placeholder. */
  startTime: string;
  timeZone: string;
  place: string;
  organiserCode: string;
  attendance: { agencyCode: string; status: AttendanceStatus; people: { name: string; position: string }[] }[];
  agenda: string[];
  decisions: HistoricalDecision[];
  source: string;
}

const SOURCE_000 =
  '[000] Rosana & Sahide, "The role of IOM in combating human trafficking in Indonesia: insights from social media" (Universitas Muhammadiyah Yogyakarta)';
const SOURCE_002 =
  '[002] Aprilion & Murdani, "The Role of the Indonesian Government in Mitigating Human Trafficking Cases through Social Media" (Universitas Slamet Riyadi, 2024)';
const SOURCE_003 =
  '[003] R. D. Amalia, "The Effectiveness of IOM in Addressing Human Trafficking against Indonesian Migrant Workers in Malaysia Post-COVID-19" (UNIDA Gontor)';
const SOURCE_004 =
  '[004] Sylvie Nadya, "Peran IOM dalam Menangani Human Trafficking pada Kasus Online Scam di Indonesia" (Universitas Riau)';

export const HISTORICAL_ACTIVITIES: HistoricalActivity[] = [
  {
    title: 'Socialisation on human trafficking for Ambon officials (suspected victims rescued from foreign ships)',
    type: A.SOCIALISATION,
    pillar: P.PROTECTION,
    duty: D.TRAINING_AND_COOPERATION,
    startsOn: '2016-11-18',
    endsOn: '2016-11-18',
    regionCode: '81.71',
    place: 'Ambon',
    organiserCode: 'IOM',
    supportingCodes: ['POLRI', 'KKP'],
    otherPartners: [],
    targetGroup: G.OFFICIALS,
    participants: null,
    materials: [],
    source: `${SOURCE_000}: the @IOMIndonesia post of 18 November 2016, "IOM, police, fisheries staff educate #Ambon officials re human #trafficking as suspected victims rescued from foreign ships". The date recorded is the post's; participants and cost are not in the source.`,
  },
  {
    title:
      'Talk show for World Day against Trafficking in Persons: "Layanan Terpadu bagi Pelindungan dan Pemenuhan Hak-Hak Korban dan Saksi TPPO"',
    type: A.TALK_SHOW,
    pillar: P.PROTECTION,
    duty: D.TRAINING_AND_COOPERATION,
    startsOn: '2021-07-30',
    endsOn: '2021-07-30',
    regionCode: null,
    place: null,
    organiserCode: 'KEMENPPPA',
    supportingCodes: ['IOM'],
    otherPartners: [],
    targetGroup: G.GENERAL_PUBLIC,
    participants: null,
    materials: [],
    source: `${SOURCE_003}: the campaign talk show held by IOM with KemenPPPA "in commemoration of World Day Anti-Trafficking in Persons 2021", with Minister Bintang Puspayoga. The source gives the occasion, not the day: 30 July is the World Day. Place, participants and cost are not in the source.`,
  },
  {
    title: 'Have a Heart Talkshow: "Berani Lawan Perdagangan Orang dengan Teknologi"',
    type: A.TALK_SHOW,
    pillar: P.PREVENTION,
    duty: D.TRAINING_AND_COOPERATION,
    startsOn: '2022-07-31',
    endsOn: '2022-07-31',
    regionCode: null,
    place: null,
    organiserCode: 'IOM',
    supportingCodes: ['KEMENPPPA'],
    otherPartners: ['Grab Indonesia'],
    targetGroup: G.GENERAL_PUBLIC,
    participants: null,
    materials: [],
    source: `${SOURCE_003}: "In commemorating the anti-trafficking day, IOM, in collaboration with the Ministry of Women and Children Empowerment and Grab Indonesia, held a Have a Heart Talkshow … on July 31, 2022", attended by the general public. Place, participants and cost are not in the source.`,
  },
  {
    title: 'Youth Dialogue: Unpacking the Global Compact for Migration (GCM), Universitas Brawijaya',
    type: A.PUBLIC_DISCUSSION,
    pillar: P.PREVENTION,
    duty: D.TRAINING_AND_COOPERATION,
    startsOn: '2024-06-10',
    endsOn: '2024-06-10',
    regionCode: '35.73',
    place: 'Universitas Brawijaya, Malang',
    organiserCode: 'IOM',
    supportingCodes: ['KEMLU'],
    otherPartners: ['Universitas Brawijaya'],
    targetGroup: G.STUDENTS,
    participants: 211,
    materials: [],
    source: `${SOURCE_004}, citing IOM (8 July 2024), "IOM dan Kementerian Luar Negeri Meningkatkan Kesadaran Bermigrasi Aman dan Bahaya Online Scam di Universitas Brawijaya": 211 participants (students, youth organisations and civil society). The same paragraph also gives "about 155 participants"; the seed brief reads 155 as the Mataram dialogue of 5 March 2024. Cost is not in the source.`,
  },
];

/** The 8 cooperation areas agreed in Phnom Penh, in the order of the source, as the meeting's decisions. */
const PHNOM_PENH_AREAS: [string, P, D][] = [
  ['Exchange of migration information.', P.PARTNERSHIP, D.COORDINATION],
  ['Regulation of legal and orderly movement of people.', P.PREVENTION, D.COORDINATION],
  ['Determination of migrant status.', P.PROTECTION, D.COORDINATION],
  ['Prevention of human smuggling and human trafficking.', P.PREVENTION, D.COORDINATION],
  ['Resolution of travel-document fraud cases.', P.PROSECUTION, D.COORDINATION],
  ['Exchange of statistical data.', P.PARTNERSHIP, D.REPORTING_AND_EVALUATION],
  ['Development of migration-management institutions and policies.', P.PARTNERSHIP, D.LEGAL_DEVELOPMENT],
  ['Technical assistance, training and capacity building.', P.PARTNERSHIP, D.TRAINING_AND_COOPERATION],
];

export const HISTORICAL_MEETINGS: HistoricalMeeting[] = [
  {
    unitCode: 'GTPP-NAS',
    type: MeetingType.BILATERAL,
    title: 'First Cambodia–Indonesia Bilateral Meeting on Immigration Matters',
    date: '2024-03-13',
    startTime: '09:00',
    timeZone: 'Asia/Phnom_Penh',
    place: 'Phnom Penh',
    organiserCode: 'DITJEN-IMIGRASI',
    attendance: [
      {
        agencyCode: 'DITJEN-IMIGRASI',
        status: AttendanceStatus.PRESENT,
        people: [{ name: 'Silmy Salim', position: 'Director General of Immigration of Indonesia' }],
      },
      {
        agencyCode: 'KH-GDI',
        status: AttendanceStatus.PRESENT,
        people: [{ name: 'Lt. Gen. SOK Veasna', position: 'Director General of Immigration of Cambodia' }],
      },
    ],
    agenda: [
      'Preventing and addressing trafficking in persons and international crime',
      'Cooperation in border management',
    ],
    decisions: PHNOM_PENH_AREAS.map(([text, pillar, duty], index) => ({
      text: `Cooperate in area ${index + 1}: ${text}`,
      pillar,
      duty,
      commitmentCode: `KH-ID-IMM-2024-0${index + 1}`,
    })),
    source: `${SOURCE_002}, citing Radar Sulbar (2024) and Tristiawati (2024): held in Phnom Penh on 13 March 2024, Indonesia represented by the Director General of Immigration ("Silmy Salim" in the source), Cambodia by Lt. Gen. SOK Veasna; it agreed to cooperate in 8 areas. The time of day (09:00 recorded) is not in the source, nor is the cost.`,
  },
];
