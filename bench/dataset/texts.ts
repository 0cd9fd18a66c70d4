import { RequestCategory } from '@app/modules/cross-border/cross-border.enums';
import { TaskPillar } from '@app/modules/tasks/task.enums';

import { list } from './names';
import { SeededRandom } from './random';

/**
 * The words of the generated work, in Bahasa Indonesia as the task force writes it. `{place}` is the region the
 * work concerns and `{country}` a destination country of trafficked Indonesians. No text names a victim.
 */

const TASK_TITLES: Record<TaskPillar, string[]> = {
  PROTECTION: list(`
    Pendampingan korban TPPO asal {place}, Pemulangan PMI korban TPPO dari {country}, Penyediaan rumah aman bagi
    korban di {place}, Verifikasi data korban repatriasi dari {country}, Rehabilitasi psikososial korban asal {place},
    Reintegrasi sosial korban yang kembali ke {place}, Penjemputan korban di debarkasi untuk {place},
    Pemeriksaan kesehatan korban repatriasi dari {country}, Penelusuran keluarga korban asal {place}
  `),
  PREVENTION: list(`
    Sosialisasi pencegahan TPPO di desa-desa {place}, Pengawasan perekrutan PMI nonprosedural di {place},
    Kampanye waspada lowongan kerja daring di {place}, Pendataan calon PMI yang berangkat dari {place},
    Pelatihan aparat desa tentang modus TPPO di {place}, Pemantauan agen penyalur tenaga kerja di {place},
    Edukasi migrasi aman bagi pelajar SMA/SMK {place}
  `),
  PROSECUTION: list(`
    Penyelidikan jaringan perekrut ke {country}, Pemberkasan perkara TPPO {place}, Koordinasi penuntutan perkara
    TPPO {place}, Permintaan keterangan saksi korban asal {place}, Penelusuran aliran dana pelaku TPPO {place},
    Pengamanan barang bukti perkara perekrutan ke {country}, Permohonan restitusi bagi korban perkara {place}
  `),
  PARTNERSHIP: list(`
    Rapat koordinasi Gugus Tugas PP-TPPO {place}, Laporan triwulan Gugus Tugas {place}, Pertukaran data korban
    dengan mitra di {country}, Penyusunan rencana aksi daerah PP-TPPO {place}, Evaluasi pelaksanaan SOP pemulangan
    korban {place}, Pemutakhiran data layanan korban {place}
  `),
};

const COUNTRIES = list(
  'Malaysia, Kamboja, Myanmar, Thailand, Laos, Filipina, Arab Saudi, Taiwan, Hong Kong, Uni Emirat Arab',
);

const TASK_DESCRIPTIONS = list(`
  Mohon ditindaklanjuti sesuai kewenangan dan hasilnya dilaporkan melalui Simpul.,
  Berdasarkan rapat koordinasi terakhir; lampiran data tersedia pada sistem.,
  Mohon koordinasi dengan instansi terkait di daerah dan laporkan kendala bila ada.,
  Tindak lanjut surat permintaan sebelumnya; mohon prioritaskan sebelum tenggat.,
`);

export const BLOCK_REASONS = list(`
  Menunggu data dari instansi lain, Menunggu persetujuan pimpinan, Anggaran perjalanan belum tersedia,
  Korban belum dapat dihubungi, Menunggu hasil pemeriksaan kesehatan
`);

export const CANCEL_REASONS = list(`
  Digabung dengan tugas lain yang serupa, Sudah ditangani instansi lain, Permintaan dibatalkan oleh pimpinan,
  Data korban ternyata ganda
`);

export const REOPEN_REASONS = list(
  'Laporan belum lengkap, Dokumen pendukung belum dilampirkan, Hasil belum sesuai permintaan',
);

export const COMPLETE_NOTES = list(
  'Laporan terlampir, Sudah dilaksanakan sesuai permintaan, Selesai; dokumentasi terlampir',
);

export const REFERRAL_DECLINE_REASONS = list(`
  Kapasitas penuh, Layanan tidak tersedia saat ini, Korban berada di luar wilayah layanan, Tenaga ahli sedang cuti
`);

export const REFERRAL_WITHDRAW_REASONS = list(`
  Korban memilih layanan lain, Korban sudah dipulangkan ke daerah asal, Rujukan dibuat ganda
`);

export const REFERRAL_OUTCOMES = list(`
  Layanan selesai diberikan; korban dalam kondisi stabil, Korban telah kembali ke keluarga,
  Pendampingan hukum selesai sampai putusan, Korban mengikuti pelatihan kerja sampai selesai
`);

export const REFERRAL_DISCONTINUE_REASONS = list(`
  Korban menolak melanjutkan layanan, Korban pindah domisili, Korban tidak dapat dihubungi lagi
`);

export const CAPACITY_GAP_REASONS = list(`
  Tidak ada penyedia layanan nasional di lokasi korban, Layanan penerjemah bahasa daerah tujuan tidak tersedia,
  Rumah aman pemerintah di wilayah ini penuh
`);

export const REFUSAL_GROUNDS = list(`
  Outside the counterpart's jurisdiction, Insufficient information to act on the request,
  The person is subject to local criminal proceedings
`);

export const REQUEST_WITHDRAW_REASONS = list(`
  Handled through another channel, The person returned home on their own, Request filed twice
`);

export function taskTitle(random: SeededRandom, pillar: TaskPillar, place: string): string {
  return random
    .pick(TASK_TITLES[pillar])
    .replace('{place}', place)
    .replace('{country}', random.pick(COUNTRIES))
    .slice(0, 200);
}

export function taskDescription(random: SeededRandom): string {
  return random.pick(TASK_DESCRIPTIONS);
}

const REQUEST_SUBJECTS: Record<RequestCategory, string> = {
  LOCATE_RESCUE: 'Request to locate and rescue {n} Indonesian nationals reported held in {place}',
  VICTIM_INTERVIEW_SUPPORT: 'Support for the interviews of {n} Indonesian nationals in {place}',
  SHELTER_PLACEMENT: 'Shelter placement for {n} Indonesian nationals rescued in {place}',
  REPATRIATION_EXIT_CLEARANCE: 'Exit clearance for the repatriation of {n} Indonesian nationals from {place}',
  TRAVEL_DOCUMENT_VERIFICATION: 'Verification of the travel documents of {n} Indonesian nationals in {place}',
  MIGRANT_STATUS_DETERMINATION: 'Determination of the migrant status of {n} Indonesian nationals detained in {place}',
  CASE_INFORMATION: 'Information on the case of {n} Indonesian nationals in {place}',
  STATISTICS_EXCHANGE: 'Quarterly exchange of statistics on Indonesian nationals assisted in {place}',
  JOINT_OPERATION: 'Proposal for a joint operation against a recruitment network operating in {place}',
  COURT_SUPPORT: 'Court support in the proceedings concerning {n} Indonesian nationals in {place}',
};

const REQUEST_PLACES: Record<string, string[]> = {
  KH: list('Phnom Penh, Sihanoukville, Poipet, Bavet, Koh Kong'),
  MY: list('Kuala Lumpur, Johor Bahru, Tawau, Kota Kinabalu, Kuching, Penang, Selangor'),
};

const REQUEST_BODIES = list(`
  We kindly request your assistance with the matter in the subject. Supporting documents follow through the agreed
  channel; the filing office can provide further details on request.,
  Further to our earlier communication we ask for your assistance as described in the subject. Please confirm
  receipt and indicate a contact person.,
  The persons concerned have asked for assistance from the Indonesian authorities. We would be grateful for your
  cooperation and a reply within the agreed time.
`);

export function requestSubject(random: SeededRandom, category: RequestCategory, country: string): string {
  return REQUEST_SUBJECTS[category]
    .replace('{n}', String(random.int(1, 30)))
    .replace('{place}', random.pick(REQUEST_PLACES[country] ?? REQUEST_PLACES.MY));
}

export function requestBody(random: SeededRandom): string {
  return random.pick(REQUEST_BODIES);
}
