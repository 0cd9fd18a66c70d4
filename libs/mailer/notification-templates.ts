import { DateTime } from 'luxon';

import { simpleEmailHtml } from './html';
import { CATEGORY_LABEL, REQUEST_STATUS_LABEL, SERVICE_LABEL, STAGE_LABEL, URGENCY_LABEL } from './labels';

export type MailLocale = 'id' | 'en';

/** The notification kinds templates exist for (mirrors NotificationKind in the notifications module). */
export type NotificationTemplateKind =
  | 'TASK_ASSIGNED'
  | 'TASK_DECLINED'
  | 'TASK_COMPLETED'
  | 'TASK_COMMENTED'
  | 'TASK_REOPENED'
  | 'TASK_OVERDUE'
  | 'CASE_TEAM_CHANGED'
  | 'REFERRAL_PROPOSED'
  | 'REFERRAL_ACCEPTED'
  | 'REFERRAL_DECLINED'
  | 'REFERRAL_EXPIRED'
  | 'REFERRAL_WITHDRAWN'
  | 'REFERRAL_COMPLETED'
  | 'REFERRAL_DISCONTINUED'
  | CrossBorderTemplateKind
  | 'DEADLINE_REMINDER'
  | 'ESCALATION';

/** The cross-border request kinds: their texts share the request's description (category, counterpart, country). */
export type CrossBorderTemplateKind =
  | 'CROSS_BORDER_SUBMITTED'
  | 'CROSS_BORDER_ACKNOWLEDGED'
  | 'CROSS_BORDER_ANSWERED'
  | 'CROSS_BORDER_REFUSED'
  | 'CROSS_BORDER_STAGE_OVERDUE'
  | 'CROSS_BORDER_FORMAL_CHANNEL_PROPOSED'
  | 'CROSS_BORDER_UPDATED';

/**
 * What a template may show: reference codes, a victim's pseudonymous code, agency acronyms, service and urgency
 * codes, instants and links. Never a victim's identity, and never free text typed by users (a comment or a
 * reason could name a person).
 */
export interface NotificationTemplateParams {
  reference: string;
  link: string;
  preferencesLink: string;
  /** ISO instant of the deadline the notification is about (a task's due date, a referral's respond-by). */
  dueAt?: string;
  /** The agency that asked: a task's assigning agency, a referral's referring agency. */
  assigningAgency?: string;
  /** The agency whose move it is: a task's assignee, a referral's recipient (the provider). */
  assigneeAgency?: string;
  actingAgency?: string;
  /** The pseudonymous code of the person concerned, e.g. VCT-7K3QX9MB. */
  victimCode?: string;
  /** The service a referral asks for, as its code (MEDICAL, SHELTER …); shown as a label in the reader's language. */
  service?: string;
  /** EMERGENCY, HIGH or NORMAL (referrals); URGENT or NORMAL (cross-border requests). */
  urgency?: string;
  /** Cross-border requests: the counterpart agency, the home agency filed for and the filer's agency (acronyms). */
  counterpartAgency?: string;
  homeAgency?: string;
  filingAgency?: string;
  /** Cross-border requests: OUTGOING (Indonesia asks) or INCOMING (the counterpart asks). */
  direction?: string;
  /** Cross-border requests: the counterpart country, ISO 3166-1 alpha-2; shown by name in the reader's language. */
  country?: string;
  /** Cross-border requests: what is asked, as its code (LOCATE_RESCUE …); shown as a label. */
  category?: string;
  /** Cross-border requests: the stage `dueAt` belongs to (ACKNOWLEDGE, DECIDE, EXECUTE). */
  stage?: string;
  /** Cross-border requests: the status the request moved to (ACCEPTED, WITHDRAWN …). */
  status?: string;
  /** Cross-border requests: 'true' when an answer is partial (more is to come). */
  partial?: string;
  /** Cross-border requests: 'true' when the change is a stage's deadline being extended (to `dueAt`). */
  deadlineExtended?: string;
  /** Cross-border requests: the reference of the formal request proposed after an informal one lapsed. */
  formalReference?: string;
  /** Case teams: what the agency does in the case (INVESTIGATION, SOCIAL_REHABILITATION …); `status` says ADDED, ENDED or LEAD. */
  caseRole?: string;
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

/** A country's name in the reader's language (Kamboja, Cambodia), or its code when the runtime has no name. */
export function countryName(code: string | undefined, locale: MailLocale): string {
  if (!code || !/^[A-Z]{2}$/.test(code)) return '-';
  try {
    return (
      new Intl.DisplayNames([locale === 'id' ? 'id' : 'en'], { type: 'region', fallback: 'code' }).of(code) ?? code
    );
  } catch {
    return code;
  }
}

type Texts = { subject: string; body: string[] };

const CROSS_BORDER_KINDS: readonly string[] = [
  'CROSS_BORDER_SUBMITTED',
  'CROSS_BORDER_ACKNOWLEDGED',
  'CROSS_BORDER_ANSWERED',
  'CROSS_BORDER_REFUSED',
  'CROSS_BORDER_STAGE_OVERDUE',
  'CROSS_BORDER_FORMAL_CHANNEL_PROPOSED',
  'CROSS_BORDER_UPDATED',
] satisfies CrossBorderTemplateKind[];

const isCrossBorderKind = (kind: NotificationTemplateKind): kind is CrossBorderTemplateKind =>
  CROSS_BORDER_KINDS.includes(kind);

/**
 * Cross-border requests are told by reference, category, agencies (acronyms) and country; the subject, the body,
 * grounds and reasons stay in Simpul. `responder` is whose move the request awaits: the counterpart for an
 * outgoing request, the home agency for an incoming one.
 */
function crossBorderTexts(
  kind: CrossBorderTemplateKind,
  locale: MailLocale,
  p: NotificationTemplateParams,
  due: string,
): Texts {
  const ref = p.reference;
  const counterpart = p.counterpartAgency || '-';
  const home = p.homeAgency || '-';
  const filing = p.filingAgency || '-';
  const country = countryName(p.country, locale);
  const category = CATEGORY_LABEL[locale][p.category ?? ''] ?? (p.category || '-');
  const stage = STAGE_LABEL[locale][p.stage ?? ''] ?? (p.stage || '-');
  const status = REQUEST_STATUS_LABEL[locale][p.status ?? ''] ?? (p.status || '-');
  const urgency = URGENCY_LABEL[locale][p.urgency ?? ''] ?? (p.urgency || '-');
  const formal = p.formalReference || '-';
  const incoming = p.direction === 'INCOMING';
  const responder = incoming ? home : counterpart;
  const hasDue = due !== '-';
  const what = `${category}, ${counterpart}, ${country}`;
  if (locale === 'en') {
    const route = incoming
      ? `from ${counterpart} (${country}) to ${home}`
      : `from ${home} to ${counterpart} (${country})`;
    switch (kind) {
      case 'CROSS_BORDER_SUBMITTED':
        return {
          subject: `New cross-border request for your agency: ${ref}${p.urgency === 'URGENT' ? ' (urgent)' : ''}`,
          body: [
            `Cross-border request ${ref} ${route} asks for ${category}; it is to be acknowledged by ${due}.`,
            `${incoming ? '' : `Filed by ${filing} on behalf of ${home}. `}Urgency: ${urgency}. Open the request in Simpul for the details.`,
          ],
        };
      case 'CROSS_BORDER_ACKNOWLEDGED':
        return {
          subject: `Cross-border request ${ref} was acknowledged`,
          body: [
            `${responder} acknowledged request ${ref} (${what}).`,
            ...(hasDue ? [`A decision (accept or refuse) is due by ${due}.`] : []),
          ],
        };
      case 'CROSS_BORDER_ANSWERED':
        return p.partial === 'true'
          ? {
              subject: `Cross-border request ${ref} was partially answered`,
              body: [
                `${responder} sent a partial answer to request ${ref} (${what}). Open it in Simpul to read it.`,
                ...(hasDue ? [`The rest is due by ${due}.`] : []),
              ],
            }
          : {
              subject: `Cross-border request ${ref} was answered`,
              body: [`${responder} answered request ${ref} (${what}) in full. Open it in Simpul to read the answer.`],
            };
      case 'CROSS_BORDER_REFUSED':
        return {
          subject: `Cross-border request ${ref} was refused`,
          body: [
            `${responder} refused request ${ref} (${what}). Open it in Simpul to see the grounds and decide what follows.`,
          ],
        };
      case 'CROSS_BORDER_STAGE_OVERDUE':
        return {
          subject: `Cross-border request ${ref}: the ${stage} stage is overdue`,
          body: [
            `The ${stage} stage of request ${ref} (${what}) was due ${due} and has not been completed.`,
            `Follow it up with ${responder}, or extend the deadline in Simpul.`,
          ],
        };
      case 'CROSS_BORDER_FORMAL_CHANNEL_PROPOSED':
        return {
          subject: `Formal channel proposed for cross-border request ${ref}`,
          body: [
            `Request ${ref} (${what}) lapsed on its informal channel. Simpul proposes sending it through the formal channel (mutual legal assistance) as ${formal}.`,
            `Open it in Simpul to review and submit the formal request.`,
          ],
        };
      case 'CROSS_BORDER_UPDATED':
        return p.deadlineExtended === 'true'
          ? {
              subject: `Cross-border request ${ref}: ${stage} deadline extended`,
              body: [
                `The ${stage} deadline of request ${ref} (${what}) was extended to ${due}. Open it in Simpul to see the reason.`,
              ],
            }
          : {
              subject: `Cross-border request ${ref}: status changed to ${status}`,
              body: [
                `Request ${ref} (${what}) is now ${status}.`,
                ...(hasDue ? [`Next deadline (${stage}): ${due}.`] : []),
              ],
            };
    }
  }
  const route = incoming
    ? `dari ${counterpart} (${country}) kepada ${home}`
    : `dari ${home} kepada ${counterpart} (${country})`;
  switch (kind) {
    case 'CROSS_BORDER_SUBMITTED':
      return {
        subject: `Permintaan lintas batas baru untuk instansi Anda: ${ref}${p.urgency === 'URGENT' ? ' (mendesak)' : ''}`,
        body: [
          `Permintaan lintas batas ${ref} ${route} meminta ${category}; penerimaannya dikonfirmasi paling lambat ${due}.`,
          `${incoming ? '' : `Diajukan oleh ${filing} atas nama ${home}. `}Urgensi: ${urgency}. Buka permintaan di Simpul untuk rinciannya.`,
        ],
      };
    case 'CROSS_BORDER_ACKNOWLEDGED':
      return {
        subject: `Permintaan lintas batas ${ref} telah dikonfirmasi`,
        body: [
          `${responder} mengonfirmasi penerimaan permintaan ${ref} (${what}).`,
          ...(hasDue ? [`Keputusan (diterima atau ditolak) paling lambat ${due}.`] : []),
        ],
      };
    case 'CROSS_BORDER_ANSWERED':
      return p.partial === 'true'
        ? {
            subject: `Permintaan lintas batas ${ref} dijawab sebagian`,
            body: [
              `${responder} mengirim jawaban sebagian atas permintaan ${ref} (${what}). Buka Simpul untuk membacanya.`,
              ...(hasDue ? [`Sisanya paling lambat ${due}.`] : []),
            ],
          }
        : {
            subject: `Permintaan lintas batas ${ref} telah dijawab`,
            body: [
              `${responder} menjawab permintaan ${ref} (${what}) secara lengkap. Buka Simpul untuk membaca jawabannya.`,
            ],
          };
    case 'CROSS_BORDER_REFUSED':
      return {
        subject: `Permintaan lintas batas ${ref} ditolak`,
        body: [
          `${responder} menolak permintaan ${ref} (${what}). Buka Simpul untuk melihat alasannya dan menentukan tindak lanjut.`,
        ],
      };
    case 'CROSS_BORDER_STAGE_OVERDUE':
      return {
        subject: `Permintaan lintas batas ${ref}: tahap ${stage} terlambat`,
        body: [
          `Tahap ${stage} permintaan ${ref} (${what}) jatuh tempo ${due} dan belum terlaksana.`,
          `Tindak lanjuti dengan ${responder}, atau perpanjang tenggatnya di Simpul.`,
        ],
      };
    case 'CROSS_BORDER_FORMAL_CHANNEL_PROPOSED':
      return {
        subject: `Jalur resmi diusulkan untuk permintaan lintas batas ${ref}`,
        body: [
          `Permintaan ${ref} (${what}) kedaluwarsa di jalur informal. Simpul mengusulkan pengirimannya melalui jalur resmi (bantuan hukum timbal balik) sebagai ${formal}.`,
          `Buka Simpul untuk meninjau dan mengajukan permintaan resmi tersebut.`,
        ],
      };
    case 'CROSS_BORDER_UPDATED':
      return p.deadlineExtended === 'true'
        ? {
            subject: `Permintaan lintas batas ${ref}: tenggat tahap ${stage} diperpanjang`,
            body: [
              `Tenggat tahap ${stage} permintaan ${ref} (${what}) diperpanjang hingga ${due}. Buka Simpul untuk melihat alasannya.`,
            ],
          }
        : {
            subject: `Permintaan lintas batas ${ref}: status berubah menjadi ${status}`,
            body: [
              `Permintaan ${ref} (${what}) kini berstatus ${status}.`,
              ...(hasDue ? [`Tenggat berikutnya (tahap ${stage}): ${due}.`] : []),
            ],
          };
  }
}

function texts(kind: NotificationTemplateKind, locale: MailLocale, p: NotificationTemplateParams, due: string): Texts {
  if (isCrossBorderKind(kind)) return crossBorderTexts(kind, locale, p, due);
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
  }
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
