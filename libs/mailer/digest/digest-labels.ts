import { Labels, REQUEST_STATUS_LABEL } from '../labels';

import type { DigestItemKind } from './digest-content';

/* Labels for codes only the digest shows; the shared ones are in labels.ts. */
export const KIND_LABEL: Labels = {
  id: { TASK: 'tugas', REFERRAL: 'rujukan', CROSS_BORDER_REQUEST: 'permintaan lintas batas' },
  en: { TASK: 'task', REFERRAL: 'referral', CROSS_BORDER_REQUEST: 'cross-border request' },
};

/** Statuses per kind: the same code can mean different things (a task's ACKNOWLEDGED, a request's). */
export const STATUS_LABEL: Record<DigestItemKind, Labels> = {
  TASK: {
    id: {
      OPEN: 'terbuka',
      ACKNOWLEDGED: 'dikonfirmasi',
      IN_PROGRESS: 'sedang dikerjakan',
      BLOCKED: 'terhambat',
      DONE: 'selesai',
      DECLINED: 'ditolak',
      CANCELLED: 'dibatalkan',
      REOPENED: 'dibuka kembali',
    },
    en: {
      OPEN: 'open',
      ACKNOWLEDGED: 'acknowledged',
      IN_PROGRESS: 'in progress',
      BLOCKED: 'blocked',
      DONE: 'done',
      DECLINED: 'declined',
      CANCELLED: 'cancelled',
      REOPENED: 'reopened',
    },
  },
  REFERRAL: {
    id: {
      PROPOSED: 'diusulkan',
      ACCEPTED: 'diterima',
      DECLINED: 'ditolak',
      EXPIRED: 'kedaluwarsa',
      WITHDRAWN: 'ditarik kembali',
      IN_SERVICE: 'dalam layanan',
      COMPLETED: 'selesai',
      DISCONTINUED: 'dihentikan',
    },
    en: {
      PROPOSED: 'proposed',
      ACCEPTED: 'accepted',
      DECLINED: 'declined',
      EXPIRED: 'expired',
      WITHDRAWN: 'withdrawn',
      IN_SERVICE: 'in service',
      COMPLETED: 'completed',
      DISCONTINUED: 'discontinued',
    },
  },
  CROSS_BORDER_REQUEST: REQUEST_STATUS_LABEL,
};

/** The rungs of the seeded ladders (src/modules/escalations/default-policies.ts). */
export const RUNG_LABEL: Labels = {
  id: {
    'reminder-48h': 'pengingat 48 jam sebelum tenggat',
    'reminder-24h': 'pengingat 24 jam sebelum tenggat',
    due: 'tenggat terlewati',
    'respond-by': 'batas jawaban terlewati',
    supervisor: 'dinaikkan ke atasan instansi',
    secretariat: 'dinaikkan ke sekretariat gugus tugas',
  },
  en: {
    'reminder-48h': 'reminder 48 hours before the deadline',
    'reminder-24h': 'reminder 24 hours before the deadline',
    due: 'deadline passed',
    'respond-by': 'respond-by passed',
    supervisor: "raised to the agency's supervisor",
    secretariat: 'raised to the task-force secretariat',
  },
};

/** The nightly data-quality checks (src/modules/data-quality). */
export const DATA_QUALITY_LABEL: Labels = {
  id: {
    POSSIBLE_DUPLICATE_OPEN: 'Kemungkinan data ganda belum diselesaikan',
    NO_REFERRAL_AFTER_IDENTIFICATION: 'Korban tanpa rujukan setelah identifikasi',
    CASE_WITHOUT_SUSPECT: 'Kasus dengan korban tanpa tersangka',
    STUCK_IN_STATUS: 'Tertahan pada satu status melebihi kebijakan',
    ENTERED_LATE: 'Data dicatat jauh setelah kejadian',
  },
  en: {
    POSSIBLE_DUPLICATE_OPEN: 'Possible duplicates still open',
    NO_REFERRAL_AFTER_IDENTIFICATION: 'People with no referral after identification',
    CASE_WITHOUT_SUSPECT: 'Cases with victims and no suspect',
    STUCK_IN_STATUS: 'Items stuck in a status beyond policy',
    ENTERED_LATE: 'Figures recorded long after the event',
  },
};
