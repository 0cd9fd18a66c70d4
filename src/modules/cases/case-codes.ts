/**
 * The code lists a case is described with: ISO 3166-1 alpha-2 countries and Indonesian region codes. Checked
 * against the lists themselves, not only their shape, so "XX" or "99" never reach the register's reports.
 */

/** Every officially assigned ISO 3166-1 alpha-2 code (249; reserved and withdrawn codes such as UK or AN excluded). */
const ISO_3166_ALPHA_2 = new Set(
  `AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ
   BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ
   CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ
   DE DJ DK DM DO DZ  EC EE EG EH ER ES ET  FI FJ FK FM FO FR
   GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY  HK HM HN HR HT HU
   ID IE IL IM IN IO IQ IR IS IT  JE JM JO JP  KE KG KH KI KM KN KP KR KW KY KZ
   LA LB LC LI LK LR LS LT LU LV LY
   MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ
   NA NC NE NF NG NI NL NO NP NR NU NZ  OM  PA PE PF PG PH PK PL PM PN PR PS PT PW PY  QA
   RE RO RS RU RW  SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ
   TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ  UA UG UM US UY UZ  VA VC VE VG VI VN VU
   WF WS  YE YT  ZA ZM ZW`.split(/\s+/),
);

/**
 * The 38 provinces' two-digit codes (Kemendagri), including the four Papuan provinces formed in 2022
 * (93 Papua Selatan, 94 Papua Tengah, 95 Papua Pegunungan, 96 Papua Barat Daya).
 */
const PROVINCE_CODES = new Set(
  `11 12 13 14 15 16 17 18 19 21 31 32 33 34 35 36 51 52 53 61 62 63 64 65
   71 72 73 74 75 76 81 82 91 92 93 94 95 96`.split(/\s+/),
);

/** True for an officially assigned ISO 3166-1 alpha-2 country code, in capitals (ID, KH, MY …). */
export function isCountryCode(value: unknown): value is string {
  return typeof value === 'string' && ISO_3166_ALPHA_2.has(value);
}

/**
 * True for an Indonesian region code as task-force units use it: a province ("53") or a regency/city within
 * one ("32.12"). Finer codes (district, village) are refused on purpose: with the other fields of a case they
 * could point at a person.
 */
export function isRegionCode(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = /^(\d{2})(?:\.(\d{2}))?$/.exec(value);
  return match !== null && PROVINCE_CODES.has(match[1]) && match[2] !== '00';
}
