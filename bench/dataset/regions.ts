import { list, placeName } from './names';
import { SeededRandom } from './random';

/**
 * Indonesia's 38 provinces with their real numbers of regencies (kabupaten) and cities (kota): 416 + 98 = 514,
 * the national scale of issue 8. Regions are named with their real names where listed here (a few hundred),
 * and with plausible generated names beyond. Region codes follow the BPS pattern: the province's two digits,
 * then 01… for regencies and 71… for cities, so the seeded units keep their codes (61.01 Sambas, 21.71 Batam,
 * 32.12 Indramayu).
 */

const WIB = 'Asia/Jakarta';
const WIB_KALIMANTAN = 'Asia/Pontianak';
const WITA = 'Asia/Makassar';
const WIT = 'Asia/Jayapura';

export interface Province {
  code: string;
  nameId: string;
  nameEn: string;
  /** The short form used in agency acronyms (Polda Jabar, BP3MI NTT). */
  short: string;
  timeZone: string;
  capital: string;
  regencyCount: number;
  cityCount: number;
  /** Real names, in the order of their region codes. */
  regencies: string[];
  cities: string[];
}

const province = (
  code: string,
  nameId: string,
  nameEn: string,
  short: string,
  timeZone: string,
  capital: string,
  counts: [number, number],
  regencies: string,
  cities: string,
): Province => ({
  code,
  nameId,
  nameEn,
  short,
  timeZone,
  capital,
  regencyCount: counts[0],
  cityCount: counts[1],
  regencies: list(regencies),
  cities: list(cities),
});

export const PROVINCES: Province[] = [
  province(
    '11',
    'Aceh',
    'Aceh',
    'Aceh',
    WIB,
    'Banda Aceh',
    [18, 5],
    'Aceh Besar, Pidie, Aceh Utara, Bireuen, Aceh Timur',
    'Banda Aceh, Sabang, Langsa, Lhokseumawe, Subulussalam',
  ),
  province(
    '12',
    'Sumatera Utara',
    'North Sumatra',
    'Sumut',
    WIB,
    'Medan',
    [25, 8],
    'Deli Serdang, Langkat, Karo, Simalungun, Asahan, Labuhanbatu, Toba, Tapanuli Utara, Nias',
    'Medan, Binjai, Pematangsiantar, Tanjungbalai, Tebing Tinggi, Sibolga, Padangsidimpuan, Gunungsitoli',
  ),
  province(
    '13',
    'Sumatera Barat',
    'West Sumatra',
    'Sumbar',
    WIB,
    'Padang',
    [12, 7],
    'Agam, Tanah Datar, Pesisir Selatan',
    'Padang, Bukittinggi, Payakumbuh, Solok, Sawahlunto, Padang Panjang, Pariaman',
  ),
  province(
    '14',
    'Riau',
    'Riau',
    'Riau',
    WIB,
    'Pekanbaru',
    [10, 2],
    'Bengkalis, Kampar, Indragiri Hilir, Rokan Hilir, Siak',
    'Pekanbaru, Dumai',
  ),
  province('15', 'Jambi', 'Jambi', 'Jambi', WIB, 'Jambi', [9, 2], 'Muaro Jambi, Kerinci, Bungo', 'Jambi, Sungai Penuh'),
  province(
    '16',
    'Sumatera Selatan',
    'South Sumatra',
    'Sumsel',
    WIB,
    'Palembang',
    [13, 4],
    'Ogan Komering Ilir, Muara Enim, Banyuasin, Musi Banyuasin',
    'Palembang, Prabumulih, Pagar Alam, Lubuklinggau',
  ),
  province(
    '17',
    'Bengkulu',
    'Bengkulu',
    'Bengkulu',
    WIB,
    'Bengkulu',
    [9, 1],
    'Rejang Lebong, Bengkulu Utara',
    'Bengkulu',
  ),
  province(
    '18',
    'Lampung',
    'Lampung',
    'Lampung',
    WIB,
    'Bandar Lampung',
    [13, 2],
    'Lampung Selatan, Lampung Tengah, Lampung Timur, Tanggamus, Way Kanan',
    'Bandar Lampung, Metro',
  ),
  province(
    '19',
    'Kepulauan Bangka Belitung',
    'Bangka Belitung Islands',
    'Babel',
    WIB,
    'Pangkalpinang',
    [6, 1],
    'Bangka, Belitung',
    'Pangkalpinang',
  ),
  province(
    '21',
    'Kepulauan Riau',
    'Riau Islands',
    'Kepri',
    WIB,
    'Tanjungpinang',
    [5, 2],
    'Karimun, Bintan, Natuna, Lingga, Kepulauan Anambas',
    'Batam, Tanjungpinang',
  ),
  province(
    '31',
    'DKI Jakarta',
    'Jakarta',
    'DKI',
    WIB,
    'Jakarta',
    [1, 5],
    'Kepulauan Seribu',
    'Jakarta Selatan, Jakarta Timur, Jakarta Pusat, Jakarta Barat, Jakarta Utara',
  ),
  province(
    '32',
    'Jawa Barat',
    'West Java',
    'Jabar',
    WIB,
    'Bandung',
    [18, 9],
    'Bogor, Sukabumi, Cianjur, Bandung, Garut, Tasikmalaya, Ciamis, Kuningan, Cirebon, Majalengka, Sumedang, Indramayu, Subang, Purwakarta, Karawang, Bekasi, Bandung Barat, Pangandaran',
    'Bogor, Sukabumi, Bandung, Cirebon, Bekasi, Depok, Cimahi, Tasikmalaya, Banjar',
  ),
  province(
    '33',
    'Jawa Tengah',
    'Central Java',
    'Jateng',
    WIB,
    'Semarang',
    [29, 6],
    'Cilacap, Banyumas, Purbalingga, Banjarnegara, Kebumen, Purworejo, Wonosobo, Magelang, Boyolali, Klaten, Sukoharjo, Wonogiri, Karanganyar, Sragen, Grobogan, Blora, Rembang, Pati, Kudus, Jepara, Demak, Semarang, Temanggung, Kendal, Batang, Pekalongan, Pemalang, Tegal, Brebes',
    'Magelang, Surakarta, Salatiga, Semarang, Pekalongan, Tegal',
  ),
  province(
    '34',
    'DI Yogyakarta',
    'Special Region of Yogyakarta',
    'DIY',
    WIB,
    'Yogyakarta',
    [4, 1],
    'Kulon Progo, Bantul, Gunungkidul, Sleman',
    'Yogyakarta',
  ),
  province(
    '35',
    'Jawa Timur',
    'East Java',
    'Jatim',
    WIB,
    'Surabaya',
    [29, 9],
    'Pacitan, Ponorogo, Trenggalek, Tulungagung, Blitar, Kediri, Malang, Lumajang, Jember, Banyuwangi, Bondowoso, Situbondo, Probolinggo, Pasuruan, Sidoarjo, Mojokerto, Jombang, Nganjuk, Madiun, Magetan, Ngawi, Bojonegoro, Tuban, Lamongan, Gresik, Bangkalan, Sampang, Pamekasan, Sumenep',
    'Kediri, Blitar, Malang, Probolinggo, Pasuruan, Mojokerto, Madiun, Surabaya, Batu',
  ),
  province(
    '36',
    'Banten',
    'Banten',
    'Banten',
    WIB,
    'Serang',
    [4, 4],
    'Pandeglang, Lebak, Tangerang, Serang',
    'Tangerang, Cilegon, Serang, Tangerang Selatan',
  ),
  province(
    '51',
    'Bali',
    'Bali',
    'Bali',
    WITA,
    'Denpasar',
    [8, 1],
    'Jembrana, Tabanan, Badung, Gianyar, Klungkung, Bangli, Karangasem, Buleleng',
    'Denpasar',
  ),
  province(
    '52',
    'Nusa Tenggara Barat',
    'West Nusa Tenggara',
    'NTB',
    WITA,
    'Mataram',
    [8, 2],
    'Lombok Barat, Lombok Tengah, Lombok Timur, Sumbawa, Dompu, Bima, Sumbawa Barat, Lombok Utara',
    'Mataram, Bima',
  ),
  province(
    '53',
    'Nusa Tenggara Timur',
    'East Nusa Tenggara',
    'NTT',
    WITA,
    'Kupang',
    [21, 1],
    'Kupang, Timor Tengah Selatan, Timor Tengah Utara, Belu, Alor, Flores Timur, Sikka, Ende, Ngada, Manggarai, Sumba Timur, Sumba Barat, Lembata, Rote Ndao, Manggarai Barat, Nagekeo, Sumba Tengah, Sumba Barat Daya, Manggarai Timur, Sabu Raijua, Malaka',
    'Kupang',
  ),
  province(
    '61',
    'Kalimantan Barat',
    'West Kalimantan',
    'Kalbar',
    WIB_KALIMANTAN,
    'Pontianak',
    [12, 2],
    'Sambas, Bengkayang, Landak, Mempawah, Sanggau, Ketapang, Sintang, Kapuas Hulu, Sekadau, Melawi, Kayong Utara, Kubu Raya',
    'Pontianak, Singkawang',
  ),
  province(
    '62',
    'Kalimantan Tengah',
    'Central Kalimantan',
    'Kalteng',
    WIB_KALIMANTAN,
    'Palangka Raya',
    [13, 1],
    'Kotawaringin Barat, Kotawaringin Timur, Kapuas',
    'Palangka Raya',
  ),
  province(
    '63',
    'Kalimantan Selatan',
    'South Kalimantan',
    'Kalsel',
    WITA,
    'Banjarbaru',
    [11, 2],
    'Banjar, Tanah Laut, Kotabaru',
    'Banjarmasin, Banjarbaru',
  ),
  province(
    '64',
    'Kalimantan Timur',
    'East Kalimantan',
    'Kaltim',
    WITA,
    'Samarinda',
    [7, 3],
    'Kutai Kartanegara, Berau, Paser',
    'Samarinda, Balikpapan, Bontang',
  ),
  province(
    '65',
    'Kalimantan Utara',
    'North Kalimantan',
    'Kaltara',
    WITA,
    'Tanjung Selor',
    [4, 1],
    'Malinau, Bulungan, Tana Tidung, Nunukan',
    'Tarakan',
  ),
  province(
    '71',
    'Sulawesi Utara',
    'North Sulawesi',
    'Sulut',
    WITA,
    'Manado',
    [11, 4],
    'Minahasa, Bolaang Mongondow, Kepulauan Sangihe',
    'Manado, Bitung, Tomohon, Kotamobagu',
  ),
  province(
    '72',
    'Sulawesi Tengah',
    'Central Sulawesi',
    'Sulteng',
    WITA,
    'Palu',
    [12, 1],
    'Donggala, Poso, Banggai',
    'Palu',
  ),
  province(
    '73',
    'Sulawesi Selatan',
    'South Sulawesi',
    'Sulsel',
    WITA,
    'Makassar',
    [21, 3],
    'Gowa, Maros, Bone, Bulukumba, Pinrang, Sidenreng Rappang, Wajo',
    'Makassar, Parepare, Palopo',
  ),
  province(
    '74',
    'Sulawesi Tenggara',
    'Southeast Sulawesi',
    'Sultra',
    WITA,
    'Kendari',
    [15, 2],
    'Konawe, Kolaka, Muna, Buton',
    'Kendari, Baubau',
  ),
  province(
    '75',
    'Gorontalo',
    'Gorontalo',
    'Gorontalo',
    WITA,
    'Gorontalo',
    [5, 1],
    'Gorontalo, Boalemo, Pohuwato',
    'Gorontalo',
  ),
  province(
    '76',
    'Sulawesi Barat',
    'West Sulawesi',
    'Sulbar',
    WITA,
    'Mamuju',
    [6, 0],
    'Mamuju, Majene, Polewali Mandar',
    '',
  ),
  province(
    '81',
    'Maluku',
    'Maluku',
    'Maluku',
    WIT,
    'Ambon',
    [9, 2],
    'Maluku Tengah, Seram Bagian Barat, Kepulauan Aru',
    'Ambon, Tual',
  ),
  province(
    '82',
    'Maluku Utara',
    'North Maluku',
    'Malut',
    WIT,
    'Sofifi',
    [8, 2],
    'Halmahera Barat, Halmahera Utara',
    'Ternate, Tidore Kepulauan',
  ),
  province(
    '91',
    'Papua',
    'Papua',
    'Papua',
    WIT,
    'Jayapura',
    [8, 1],
    'Jayapura, Keerom, Sarmi, Biak Numfor',
    'Jayapura',
  ),
  province(
    '92',
    'Papua Barat',
    'West Papua',
    'Papua Barat',
    WIT,
    'Manokwari',
    [7, 0],
    'Manokwari, Teluk Bintuni, Fakfak, Kaimana',
    '',
  ),
  province(
    '93',
    'Papua Selatan',
    'South Papua',
    'Papua Selatan',
    WIT,
    'Merauke',
    [4, 0],
    'Merauke, Boven Digoel, Mappi, Asmat',
    '',
  ),
  province('94', 'Papua Tengah', 'Central Papua', 'Papua Tengah', WIT, 'Nabire', [8, 0], 'Nabire, Mimika, Paniai', ''),
  province(
    '95',
    'Papua Pegunungan',
    'Highland Papua',
    'Papua Pegunungan',
    WIT,
    'Wamena',
    [8, 0],
    'Jayawijaya, Lanny Jaya, Yahukimo',
    '',
  ),
  province(
    '96',
    'Papua Barat Daya',
    'Southwest Papua',
    'Papua Barat Daya',
    WIT,
    'Sorong',
    [5, 1],
    'Sorong, Raja Ampat',
    'Sorong',
  ),
];

/** Where migrant workers leave from and return through: these places have an immigration office and a BP2MI post. */
const MIGRATION_GATEWAYS = new Set(
  list(`
    Batam, Tanjungpinang, Karimun, Nunukan, Tarakan, Sambas, Sanggau, Kupang, Belu, Malaka, Dumai, Bengkalis,
    Lombok Timur, Lombok Tengah, Indramayu, Cirebon, Cilacap, Ponorogo, Blitar, Malang, Medan, Makassar, Parepare,
    Surabaya, Jakarta Utara, Tangerang, Lampung Timur, Sumbawa, Bima
  `),
);

/** A regency or city (kabupaten/kota): the seat of a regency-level task-force unit. */
export interface Regency {
  province: Province;
  /** e.g. 32.12 */
  regionCode: string;
  kind: 'Kabupaten' | 'Kota';
  /** The bare name: Bogor, Makassar. */
  name: string;
  /** Kabupaten Bogor, Kota Makassar. */
  nameId: string;
  /** Bogor Regency, Makassar City. */
  nameEn: string;
  gateway: boolean;
}

function regency(province: Province, kind: Regency['kind'], index: number, name: string): Regency {
  const number = kind === 'Kabupaten' ? index + 1 : index + 71;
  return {
    province,
    regionCode: `${province.code}.${String(number).padStart(2, '0')}`,
    kind,
    name,
    nameId: `${kind} ${name}`,
    nameEn: `${name} ${kind === 'Kabupaten' ? 'Regency' : 'City'}`,
    gateway: MIGRATION_GATEWAYS.has(name),
  };
}

/**
 * All 514 regencies and cities, ordered so that any prefix is a fair sample: the seeded ones first (their
 * units exist), then one per province in turn. The small scale takes the first few; the full scale all.
 */
export function allRegencies(random: SeededRandom, seededRegionCodes: ReadonlySet<string>): Regency[] {
  const byProvince = PROVINCES.map((province) => {
    const taken = new Set([...province.regencies, ...province.cities]);
    const fill = (real: string[], count: number): string[] => {
      const names = real.slice(0, count);
      while (names.length < count) {
        const name = placeName(random);
        if (!taken.has(name)) {
          taken.add(name);
          names.push(name);
        }
      }
      return names;
    };
    return [
      ...fill(province.regencies, province.regencyCount).map((name, i) => regency(province, 'Kabupaten', i, name)),
      ...fill(province.cities, province.cityCount).map((name, i) => regency(province, 'Kota', i, name)),
    ];
  });
  const all = byProvince.flat();
  const seeded = all.filter((candidate) => seededRegionCodes.has(candidate.regionCode));
  const rest: Regency[] = [];
  const longest = Math.max(...byProvince.map((regencies) => regencies.length));
  for (let i = 0; i < longest; i++) {
    for (const regencies of byProvince) {
      if (i < regencies.length && !seededRegionCodes.has(regencies[i].regionCode)) rest.push(regencies[i]);
    }
  }
  return [...seeded, ...rest];
}
