import { CATEGORY_LABEL, REQUEST_STATUS_LABEL, STAGE_LABEL, URGENCY_LABEL } from '../labels';
import { countryName, MailLocale } from '../locale';

import { CrossBorderTemplateKind, NotificationTemplateParams, Texts } from './notification-params';

/**
 * Cross-border requests are told by reference, category, agencies (acronyms) and country; the subject, the body,
 * grounds and reasons stay in Simpul. `responder` is whose move the request awaits: the counterpart for an
 * outgoing request, the home agency for an incoming one.
 */
export function crossBorderTexts(
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
