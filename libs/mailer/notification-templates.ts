import { DateTime } from 'luxon';

import { simpleEmailHtml } from './html';

export type MailLocale = 'id' | 'en';

/** The notification kinds templates exist for (mirrors NotificationKind in the notifications module). */
export type NotificationTemplateKind =
  | 'TASK_ASSIGNED'
  | 'TASK_DECLINED'
  | 'TASK_COMPLETED'
  | 'TASK_COMMENTED'
  | 'TASK_REOPENED'
  | 'DEADLINE_REMINDER'
  | 'ESCALATION';

/**
 * What a template may show: reference codes, agency names, instants and links. Never a victim's identity,
 * and never free text typed by users (a comment or a reason could name a person).
 */
export interface NotificationTemplateParams {
  reference: string;
  link: string;
  preferencesLink: string;
  /** ISO instant of the deadline the notification is about. */
  dueAt?: string;
  assigningAgency?: string;
  assigneeAgency?: string;
  actingAgency?: string;
  /** Escalations: who the rung targets (ASSIGNEE, AGENCY_SUPERVISOR …) and the rung's key. */
  targetRole?: string;
  rungKey?: string;
}

export interface RenderedNotification {
  subject: string;
  /** One line for the in-app list. */
  summary: string;
  text: string;
  html: string;
}

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

type Texts = { subject: string; body: string[] };

function texts(kind: NotificationTemplateKind, locale: MailLocale, p: NotificationTemplateParams, due: string): Texts {
  const ref = p.reference;
  const assigning = p.assigningAgency ?? '';
  const assignee = p.assigneeAgency ?? '';
  const acting = p.actingAgency ?? '';
  const target = TARGET_LABEL[locale][p.targetRole ?? ''] ?? p.targetRole ?? '';
  if (locale === 'en') {
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
      case 'DEADLINE_REMINDER':
        return {
          subject: `Reminder: ${ref} is due ${due}`,
          body: [`Task ${ref} for ${assignee} is due ${due} and is still open.`],
        };
      case 'ESCALATION':
        return {
          subject: `Escalation: ${ref} is past its deadline`,
          body: [
            `${ref} (${assignee}) was due ${due} and is still open.`,
            `You receive this as ${target}. Escalations cannot be muted.`,
          ],
        };
    }
  }
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
    case 'DEADLINE_REMINDER':
      return {
        subject: `Pengingat: ${ref} jatuh tempo ${due}`,
        body: [`Tugas ${ref} untuk ${assignee} jatuh tempo ${due} dan belum selesai.`],
      };
    case 'ESCALATION':
      return {
        subject: `Eskalasi: ${ref} melewati tenggat`,
        body: [
          `${ref} (${assignee}) jatuh tempo ${due} dan belum selesai.`,
          `Anda menerima pesan ini sebagai ${target}. Eskalasi tidak dapat dinonaktifkan.`,
        ],
      };
  }
}

/** Formats an instant for a reader: "Mon 30 Nov 2026 07:53 (Asia/Jakarta)". */
export function formatInstant(iso: string | undefined, locale: MailLocale, timeZone: string): string {
  if (!iso) return '-';
  const instant = DateTime.fromISO(iso, { zone: timeZone }).setLocale(locale === 'id' ? 'id-ID' : 'en-GB');
  return instant.isValid ? `${instant.toFormat('ccc d LLL yyyy HH:mm')} (${timeZone})` : '-';
}

/** Renders one notification for its reader's language and time zone: subject, in-app line, text and HTML. */
export function renderNotification(
  kind: NotificationTemplateKind,
  locale: MailLocale,
  timeZone: string,
  params: NotificationTemplateParams,
): RenderedNotification {
  const due = formatInstant(params.dueAt, locale, timeZone);
  const { subject, body } = texts(kind, locale, params, due);
  const open = locale === 'en' ? `Open ${params.reference} in Simpul` : `Buka ${params.reference} di Simpul`;
  const footer =
    locale === 'en'
      ? `You receive this because you are a Simpul user of the GTPP-TPPO task force and this concerns your work. Change which emails you get: ${params.preferencesLink}`
      : `Anda menerima email ini karena Anda pengguna Simpul GTPP-TPPO dan pesan ini menyangkut pekerjaan Anda. Atur email yang Anda terima: ${params.preferencesLink}`;
  const text = [subject, '', ...body, '', `${open}: ${params.link}`, '', '--', footer, ''].join('\n');
  const html = simpleEmailHtml({
    lang: locale,
    title: subject,
    paragraphs: body,
    action: { label: open, href: params.link },
    footer,
  });
  return { subject: `[Simpul] ${subject}`, summary: body[0], text, html };
}
