import { SERVICE_LABEL, URGENCY_LABEL } from '../labels';
import { MailLocale } from '../locale';

import {
  CrossBorderTemplateKind,
  NotificationTemplateKind,
  NotificationTemplateParams,
  RepatriationTemplateKind,
  Texts,
} from './notification-params';

const TARGET_LABEL: Record<MailLocale, Record<string, string>> = {
  id: {
    ASSIGNEE: 'penerima tugas',
    AGENCY_LIAISON: 'penghubung (liaison) instansi',
    AGENCY_SUPERVISOR: 'atasan instansi',
    UNIT_SECRETARIAT: 'sekretariat gugus tugas',
    ATTACHE_SUPERVISOR: 'atasan atase',
  },
  en: {
    ASSIGNEE: 'the assignee',
    AGENCY_LIAISON: "the agency's liaison",
    AGENCY_SUPERVISOR: "the agency's supervisor",
    UNIT_SECRETARIAT: 'the task-force unit secretariat',
    ATTACHE_SUPERVISOR: "the attaché's supervisor",
  },
};

/** Tasks, referrals, and the reminders and escalations of any item with a deadline. */
export function workItemTexts(
  kind: Exclude<NotificationTemplateKind, CrossBorderTemplateKind | RepatriationTemplateKind>,
  locale: MailLocale,
  p: NotificationTemplateParams,
  due: string,
): Texts {
  const ref = p.reference;
  const assigning = p.assigningAgency ?? '';
  const assignee = p.assigneeAgency ?? '';
  const acting = p.actingAgency ?? '';
  const target = TARGET_LABEL[locale][p.targetRole ?? ''] ?? p.targetRole ?? '';
  const victim = p.victimCode || '-';
  const service = SERVICE_LABEL[locale][p.service ?? ''] ?? (p.service || '-');
  const urgency = URGENCY_LABEL[locale][p.urgency ?? ''] ?? p.urgency ?? '';
  // Reminders and escalations serve every item with a deadline (tasks, referrals, cross-border requests): they
  // name the item by its code and add the person and the service only when the item has them.
  const about = [p.victimCode, p.service ? service : undefined].filter(Boolean).join(', ');
  if (locale === 'en') {
    const pressing = p.urgency === 'EMERGENCY' || p.urgency === 'HIGH' ? ` (${urgency} urgency)` : '';
    switch (kind) {
      case 'TASK_ASSIGNED':
        return {
          subject: `New task for your agency: ${ref}`,
          body: [`${assigning} asks ${assignee} to carry out task ${ref}, due ${due}.`],
        };
      case 'TASK_DECLINED':
        return {
          subject: `Task ${ref} was declined`,
          body: [`${assignee} declined task ${ref}. Open it to see the reason and re-route it.`],
        };
      case 'TASK_COMPLETED':
        return { subject: `Task ${ref} is done`, body: [`${assignee} marked task ${ref} as done.`] };
      case 'TASK_COMMENTED':
        return {
          subject: `New comment on task ${ref}`,
          body: [`${acting} commented on task ${ref}. Open it in Simpul to read the comment.`],
        };
      case 'TASK_REOPENED':
        return { subject: `Task ${ref} was reopened`, body: [`${assigning} reopened task ${ref}; it is due ${due}.`] };
      case 'TASK_OVERDUE':
        return {
          subject: `Task ${ref} is past its due date`,
          body: [`Task ${ref}, which ${assigning} assigned to ${assignee}, was due ${due} and is still open.`],
        };
      case 'CASE_TEAM_CHANGED':
        return caseTeamTexts('en', ref, p);
      case 'REFERRAL_PROPOSED':
        return {
          subject: `New referral for your agency: ${ref}${pressing}`,
          body: [
            `${assigning} refers ${victim} to ${assignee} for ${service} (referral ${ref}); please accept or decline by ${due}.`,
            `Urgency: ${urgency || '-'}. Open the referral in Simpul for the details.`,
          ],
        };
      case 'REFERRAL_ACCEPTED':
        return {
          subject: `Referral ${ref} was accepted`,
          body: [`${assignee} accepted referral ${ref}: ${service} for ${victim}.`],
        };
      case 'REFERRAL_DECLINED':
        return {
          subject: `Referral ${ref} was declined`,
          body: [
            `${assignee} declined referral ${ref} (${service} for ${victim}). Open it to see the reason and refer ${victim} to another provider.`,
          ],
        };
      case 'REFERRAL_EXPIRED':
        return {
          subject: `Referral ${ref} expired without an answer`,
          body: [
            `${assignee} did not answer referral ${ref} (${service} for ${victim}) by ${due}.`,
            `The referring agency ${assigning} can refer ${victim} to another provider.`,
          ],
        };
      case 'REFERRAL_WITHDRAWN':
        return {
          subject: `Referral ${ref} was withdrawn`,
          body: [`${assigning} withdrew referral ${ref} (${service} for ${victim}); no answer is needed any more.`],
        };
      case 'REFERRAL_COMPLETED':
        return {
          subject: `Referral ${ref} is complete`,
          body: [`${assignee} completed ${service} for ${victim} (referral ${ref}). Open it to see the outcome.`],
        };
      case 'REFERRAL_DISCONTINUED':
        return {
          subject: `Service under referral ${ref} was discontinued`,
          body: [
            `${assignee} discontinued ${service} for ${victim} (referral ${ref}). Open it to see the reason and arrange what follows.`,
          ],
        };
      case 'DEADLINE_REMINDER':
        return {
          subject: `Reminder: ${ref} is due ${due}`,
          body: [
            `${ref}${assignee ? ` for ${assignee}` : ''} is due ${due} and is still open.`,
            ...(about ? [`About: ${about}.`] : []),
          ],
        };
      case 'ESCALATION':
        return {
          subject: `Escalation: ${ref} is past its deadline`,
          body: [
            `${ref}${assignee ? ` (${assignee})` : ''} was due ${due} and is still open.`,
            ...(about ? [`About: ${about}.`] : []),
            `You receive this as ${target}. Escalations cannot be muted.`,
          ],
        };
      case 'EXPORT_READY':
        return exportTexts('en', ref, p, due);
    }
  }
  const pressing = p.urgency === 'EMERGENCY' || p.urgency === 'HIGH' ? ` (urgensi ${urgency})` : '';
  switch (kind) {
    case 'TASK_ASSIGNED':
      return {
        subject: `Tugas baru untuk instansi Anda: ${ref}`,
        body: [`${assigning} meminta ${assignee} mengerjakan tugas ${ref}, tenggat ${due}.`],
      };
    case 'TASK_DECLINED':
      return {
        subject: `Tugas ${ref} ditolak`,
        body: [`${assignee} menolak tugas ${ref}. Buka tugas untuk melihat alasannya dan mengalihkannya.`],
      };
    case 'TASK_COMPLETED':
      return { subject: `Tugas ${ref} selesai`, body: [`${assignee} menandai tugas ${ref} selesai.`] };
    case 'TASK_COMMENTED':
      return {
        subject: `Komentar baru pada tugas ${ref}`,
        body: [`${acting} menambahkan komentar pada tugas ${ref}. Buka Simpul untuk membacanya.`],
      };
    case 'TASK_REOPENED':
      return {
        subject: `Tugas ${ref} dibuka kembali`,
        body: [`${assigning} membuka kembali tugas ${ref}; tenggat ${due}.`],
      };
    case 'TASK_OVERDUE':
      return {
        subject: `Tugas ${ref} melewati tenggat`,
        body: [`Tugas ${ref} dari ${assigning} untuk ${assignee} jatuh tempo ${due} dan belum selesai.`],
      };
    case 'CASE_TEAM_CHANGED':
      return caseTeamTexts('id', ref, p);
    case 'REFERRAL_PROPOSED':
      return {
        subject: `Rujukan baru untuk instansi Anda: ${ref}${pressing}`,
        body: [
          `${assigning} merujuk ${victim} ke ${assignee} untuk ${service} (rujukan ${ref}); mohon terima atau tolak sebelum ${due}.`,
          `Urgensi: ${urgency || '-'}. Buka rujukan di Simpul untuk rinciannya.`,
        ],
      };
    case 'REFERRAL_ACCEPTED':
      return {
        subject: `Rujukan ${ref} diterima`,
        body: [`${assignee} menerima rujukan ${ref}: ${service} untuk ${victim}.`],
      };
    case 'REFERRAL_DECLINED':
      return {
        subject: `Rujukan ${ref} ditolak`,
        body: [
          `${assignee} menolak rujukan ${ref} (${service} untuk ${victim}). Buka rujukan untuk melihat alasannya dan merujuk ${victim} ke penyedia layanan lain.`,
        ],
      };
    case 'REFERRAL_EXPIRED':
      return {
        subject: `Rujukan ${ref} kedaluwarsa tanpa jawaban`,
        body: [
          `${assignee} tidak menjawab rujukan ${ref} (${service} untuk ${victim}) sebelum ${due}.`,
          `Instansi perujuk ${assigning} dapat merujuk ${victim} ke penyedia layanan lain.`,
        ],
      };
    case 'REFERRAL_WITHDRAWN':
      return {
        subject: `Rujukan ${ref} ditarik kembali`,
        body: [
          `${assigning} menarik kembali rujukan ${ref} (${service} untuk ${victim}); jawaban tidak diperlukan lagi.`,
        ],
      };
    case 'REFERRAL_COMPLETED':
      return {
        subject: `Rujukan ${ref} selesai`,
        body: [
          `${assignee} menyelesaikan ${service} untuk ${victim} (rujukan ${ref}). Buka rujukan untuk melihat hasilnya.`,
        ],
      };
    case 'REFERRAL_DISCONTINUED':
      return {
        subject: `Layanan rujukan ${ref} dihentikan`,
        body: [
          `${assignee} menghentikan ${service} untuk ${victim} (rujukan ${ref}). Buka rujukan untuk melihat alasannya dan mengatur tindak lanjut.`,
        ],
      };
    case 'DEADLINE_REMINDER':
      return {
        subject: `Pengingat: ${ref} jatuh tempo ${due}`,
        body: [
          `${ref}${assignee ? ` untuk ${assignee}` : ''} jatuh tempo ${due} dan belum selesai.`,
          ...(about ? [`Perihal: ${about}.`] : []),
        ],
      };
    case 'ESCALATION':
      return {
        subject: `Eskalasi: ${ref} melewati tenggat`,
        body: [
          `${ref}${assignee ? ` (${assignee})` : ''} jatuh tempo ${due} dan belum selesai.`,
          ...(about ? [`Perihal: ${about}.`] : []),
          `Anda menerima pesan ini sebagai ${target}. Eskalasi tidak dapat dinonaktifkan.`,
        ],
      };
    case 'EXPORT_READY':
      return exportTexts('id', ref, p, due);
  }
}

const EXPORT_KIND_LABEL: Record<MailLocale, Record<string, string>> = {
  en: { DEIDENTIFIED_PERSONS: 'de-identified person-level data', ANNUAL_REPORT: 'annual task-force report' },
  id: { DEIDENTIFIED_PERSONS: 'data perorangan tanpa identitas', ANNUAL_REPORT: 'laporan tahunan gugus tugas' },
};

/** An export the reader asked for is ready: what it holds, its format, until when it can be downloaded. */
function exportTexts(locale: MailLocale, ref: string, p: NotificationTemplateParams, due: string): Texts {
  const what = EXPORT_KIND_LABEL[locale][p.exportKind ?? ''] ?? p.exportKind ?? '';
  const format = p.exportFormat ?? '';
  return locale === 'en'
    ? {
        subject: `Your export ${ref} is ready`,
        body: [
          `The export you asked for (${what}, ${format}) is ready. Download it in Simpul before ${due}; after that it is deleted.`,
        ],
      }
    : {
        subject: `Ekspor ${ref} Anda sudah siap`,
        body: [
          `Ekspor yang Anda minta (${what}, ${format}) sudah siap. Unduh di Simpul sebelum ${due}; setelah itu berkas dihapus.`,
        ],
      };
}

/** A change to a case team, told to the agency concerned (codes only: the case's reference and the role). */
function caseTeamTexts(locale: MailLocale, ref: string, p: NotificationTemplateParams): Texts {
  const agency = p.assigneeAgency ?? '';
  const acting = p.actingAgency ?? '';
  const role = (p.caseRole ?? '').toLowerCase().replace(/_/g, ' ');
  if (locale === 'en') {
    if (p.status === 'ENDED') {
      return { subject: `Your agency left case ${ref}`, body: [`${acting} ended ${agency}'s part in case ${ref}.`] };
    }
    if (p.status === 'LEAD') {
      return {
        subject: `Your agency now leads case ${ref}`,
        body: [`${acting} handed the lead of case ${ref} to ${agency}.`],
      };
    }
    return {
      subject: `Your agency joined case ${ref}`,
      body: [`${acting} added ${agency} to the team of case ${ref} (${role}). Open it to see its people by code.`],
    };
  }
  if (p.status === 'ENDED') {
    return {
      subject: `Instansi Anda keluar dari kasus ${ref}`,
      body: [`${acting} mengakhiri peran ${agency} dalam kasus ${ref}.`],
    };
  }
  if (p.status === 'LEAD') {
    return {
      subject: `Instansi Anda kini memimpin kasus ${ref}`,
      body: [`${acting} menyerahkan pimpinan kasus ${ref} kepada ${agency}.`],
    };
  }
  return {
    subject: `Instansi Anda bergabung dalam kasus ${ref}`,
    body: [
      `${acting} menambahkan ${agency} ke tim kasus ${ref} (${role}). Buka kasus untuk melihat orang-orangnya (dengan kode).`,
    ],
  };
}
