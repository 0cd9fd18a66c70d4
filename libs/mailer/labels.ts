import type { MailLocale } from './locale';

/**
 * Labels for the codes messages show (services, urgencies, cross-border categories, stages and statuses), in
 * both languages, shared by notification and digest templates. An unknown code is shown as it is: a code,
 * never free text.
 */
export type Labels = Record<MailLocale, Record<string, string>>;

/** The label of `code` in the reader's language, or the code itself. */
export function label(labels: Labels, locale: MailLocale, code: string): string {
  return labels[locale][code] ?? code;
}

/** Services a victim can be referred for; an unknown code is shown as it is (a code, never free text). */
export const SERVICE_LABEL: Labels = {
  id: {
    MEDICAL: 'layanan kesehatan',
    PSYCHOSOCIAL: 'pendampingan psikososial',
    SHELTER: 'rumah aman',
    LEGAL_AID: 'bantuan hukum',
    INTERPRETER: 'juru bahasa',
    TRAVEL_DOCUMENTS: 'dokumen perjalanan',
    REPATRIATION: 'pemulangan',
    LIVELIHOOD: 'pemberdayaan ekonomi',
    COMPENSATION: 'restitusi dan kompensasi',
    WITNESS_PROTECTION: 'perlindungan saksi dan korban',
  },
  en: {
    MEDICAL: 'medical care',
    PSYCHOSOCIAL: 'psychosocial support',
    SHELTER: 'shelter',
    LEGAL_AID: 'legal aid',
    INTERPRETER: 'interpretation',
    TRAVEL_DOCUMENTS: 'travel documents',
    REPATRIATION: 'repatriation support',
    LIVELIHOOD: 'livelihood support',
    COMPENSATION: 'restitution and compensation',
    WITNESS_PROTECTION: 'witness and victim protection',
  },
};

export const URGENCY_LABEL: Labels = {
  id: { EMERGENCY: 'darurat', HIGH: 'tinggi', URGENT: 'mendesak', NORMAL: 'biasa' },
  en: { EMERGENCY: 'emergency', HIGH: 'high', URGENT: 'urgent', NORMAL: 'normal' },
};

/** What a cross-border request asks for; an unknown code is shown as it is. */
export const CATEGORY_LABEL: Labels = {
  id: {
    LOCATE_RESCUE: 'pencarian dan penyelamatan',
    VICTIM_INTERVIEW_SUPPORT: 'dukungan wawancara korban',
    SHELTER_PLACEMENT: 'penempatan di rumah aman',
    REPATRIATION_EXIT_CLEARANCE: 'pemulangan dan izin keluar',
    TRAVEL_DOCUMENT_VERIFICATION: 'verifikasi dokumen perjalanan',
    MIGRANT_STATUS_DETERMINATION: 'penentuan status migran',
    CASE_INFORMATION: 'informasi perkara',
    STATISTICS_EXCHANGE: 'pertukaran data statistik',
    JOINT_OPERATION: 'operasi gabungan',
    COURT_SUPPORT: 'dukungan persidangan',
  },
  en: {
    LOCATE_RESCUE: 'locating and rescue',
    VICTIM_INTERVIEW_SUPPORT: 'victim interview support',
    SHELTER_PLACEMENT: 'shelter placement',
    REPATRIATION_EXIT_CLEARANCE: 'repatriation and exit clearance',
    TRAVEL_DOCUMENT_VERIFICATION: 'travel document verification',
    MIGRANT_STATUS_DETERMINATION: 'migrant status determination',
    CASE_INFORMATION: 'case information',
    STATISTICS_EXCHANGE: 'statistics exchange',
    JOINT_OPERATION: 'joint operation',
    COURT_SUPPORT: 'court support',
  },
};

/** The three staged deadlines of a cross-border request. */
export const STAGE_LABEL: Labels = {
  id: { ACKNOWLEDGE: 'konfirmasi penerimaan', DECIDE: 'keputusan', EXECUTE: 'pelaksanaan' },
  en: { ACKNOWLEDGE: 'acknowledgement', DECIDE: 'decision', EXECUTE: 'execution' },
};

export const REQUEST_STATUS_LABEL: Labels = {
  id: {
    DRAFT: 'draf',
    IN_REVIEW: 'dalam peninjauan',
    SUBMITTED: 'diajukan',
    ACKNOWLEDGED: 'dikonfirmasi',
    ACCEPTED: 'diterima',
    ANSWERED: 'dijawab',
    CLOSED: 'ditutup',
    REFUSED: 'ditolak',
    WITHDRAWN: 'ditarik kembali',
    LAPSED: 'kedaluwarsa',
  },
  en: {
    DRAFT: 'draft',
    IN_REVIEW: 'in review',
    SUBMITTED: 'submitted',
    ACKNOWLEDGED: 'acknowledged',
    ACCEPTED: 'accepted',
    ANSWERED: 'answered',
    CLOSED: 'closed',
    REFUSED: 'refused',
    WITHDRAWN: 'withdrawn',
    LAPSED: 'lapsed',
  },
};
