import { SeededRandom } from './random';

/**
 * Names of people as they appear across Indonesia's regions (Javanese, Sundanese, Malay, Bugis, Balinese,
 * Batak, NTT Catholic and Muslim naming), enough variety that 50,000 staff and 200,000 victims look like a
 * population, and that name-similarity checks meet realistic near-duplicates.
 */

/** A comma-separated list written as a block of text (long lists stay readable); line breaks count as spaces. */
export function list(text: string): string[] {
  return text
    .split(',')
    .map((item) => item.replace(/\s+/g, ' ').trim())
    .filter((item) => item.length > 0);
}

const FEMALE_GIVEN = list(`
  Siti, Nur, Dewi, Sri, Rina, Ani, Wati, Ratna, Yuliana, Maria, Fitri, Rahmawati, Lestari, Ayu, Indah, Putri,
  Nurul, Aminah, Fatimah, Kartini, Suryani, Maya, Novi, Yohana, Agustina, Margareta, Susanti, Handayani,
  Puspita, Wulan, Anisa, Nabila, Intan, Dian, Eka, Yanti, Rosa, Theresia, Ernawati, Mariam, Halimah, Khadijah,
  Novita, Yuni, Melati, Sari, Astuti
`);

const MALE_GIVEN = list(`
  Budi, Agus, Joko, Ahmad, Muhammad, Rizki, Andi, Dedi, Hendra, Yohanes, Fransiskus, Bambang, Slamet, Eko,
  Wahyu, Iwan, Arif, Hadi, Yusuf, Ilham, Fajar, Rudi, Hasan, Imam, Dimas, Teguh, Yosef, Petrus, Markus, Daniel,
  Gede, Ketut, Wayan, Made, Komang, Taufik, Irfan, Syahrul, Ridwan, Samuel, Antonius, Kornelius, La Ode, Dani,
  Bayu, Aditya, Reza, Firman
`);

const FAMILY_OR_SECOND = list(`
  Santoso, Wijaya, Saputra, Hidayat, Kurniawan, Setiawan, Pratama, Nugroho, Siregar, Nasution, Harahap, Lubis,
  Simanjuntak, Sitompul, Tanjung, Pardede, Manurung, Sinaga, Rahman, Hakim, Sulistyo, Susanto, Hartono,
  Purnomo, Gunawan, Halim, Lestari, Rahayu, Wulandari, Permata, Anggraini, Maharani, Fauzi, Ramadhan,
  Syahputra, Bria, Nahak, Seran, Tefa, Ndun, Manu, Lake, Bere, Dethan, Fanggidae, Pandie, Bulu, Kolo, Mamonto,
  Pangemanan, Wenas, Daeng, Mappa, Rusli, Arsyad, Amir, Mahmud, Sembiring, Ginting, Tarigan, Putra, Utami,
  Susilo, Kusuma, Firmansyah, Hasibuan, Batubara, Marpaung, Aritonang, Damanik, Sihombing, Pohan
`);

/** Police ranks for display names of police staff (inspector to commissioner levels). */
const POLICE_RANKS = ['Bripka', 'Aipda', 'Ipda', 'Iptu', 'AKP', 'Kompol'];

export type PersonSex = 'FEMALE' | 'MALE';

/** A full name: one to three parts, some people carry a single name as many Javanese do. */
export function personName(random: SeededRandom, sex: PersonSex): string {
  const given = random.pick(sex === 'FEMALE' ? FEMALE_GIVEN : MALE_GIVEN);
  const shape = random.next();
  if (shape < 0.12) return given;
  const second = random.pick(FAMILY_OR_SECOND);
  if (shape < 0.85 || second === given) return `${given} ${second}`;
  const middle = random.pick(sex === 'FEMALE' ? FEMALE_GIVEN : MALE_GIVEN);
  return middle === given ? `${given} ${second}` : `${given} ${middle} ${second}`;
}

export function policeRank(random: SeededRandom): string {
  return random.pick(POLICE_RANKS);
}

/** The local part of a mail address for a name: lower-case ASCII, dots between parts. */
export function mailboxOf(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z\s]/g, '')
    .trim()
    .split(/\s+/)
    .join('.');
}

const SYLLABLES = list(`
  ba, bu, da, di, ga, ja, ka, ke, la, li, ma, mu, na, ng, pa, pu, ra, ri, sa, si, ta, tu, wa, ya, lo, ro, so,
  to, ha, be, se, te, mo, no, ko, go, lu, ru
`);
const CODA = ['', '', '', 'n', 'ng', 'r', 'k', 'h', 's', 't', 'm'];
const PLACE_PREFIX = ['', '', '', '', 'Tanjung ', 'Muara ', 'Sungai ', 'Bukit ', 'Batu ', 'Air ', 'Pulau '];
const PLACE_SUFFIX = ['', '', '', '', '', ' Utara', ' Selatan', ' Barat', ' Timur', ' Tengah', ' Hulu', ' Hilir'];

/**
 * A plausible Indonesian place name built from syllables ("Tanjung Kalimaras Utara"), for the regencies
 * beyond the real ones listed in regions.ts.
 */
export function placeName(random: SeededRandom): string {
  const syllables = random.int(2, 3);
  let word = '';
  for (let i = 0; i < syllables; i++) word += random.pick(SYLLABLES);
  word += random.pick(CODA);
  const base = word.charAt(0).toUpperCase() + word.slice(1);
  return `${random.pick(PLACE_PREFIX)}${base}${random.pick(PLACE_SUFFIX)}`;
}

/** Villages, for contact details of victims' relatives. */
export function villageName(random: SeededRandom): string {
  return `Desa ${placeName(random)}`;
}
