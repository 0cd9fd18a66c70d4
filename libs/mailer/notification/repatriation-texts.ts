import { countryName, MailLocale } from '../locale';

import { NotificationTemplateParams, RepatriationTemplateKind, Texts } from './notification-params';

const STEP_LABEL: Record<MailLocale, Record<string, string>> = {
  id: {
    TRAVEL_DOCUMENT_ISSUED: 'dokumen perjalanan terbit',
    EXIT_CLEARANCE_GRANTED: 'izin keluar diberikan',
    MEDICAL_CLEARANCE: 'izin kesehatan',
    FINES_SETTLED: 'denda/overstay diselesaikan',
    ESCORT_ASSIGNED: 'pendamping ditetapkan',
    DEPARTED: 'berangkat',
    ARRIVED: 'tiba',
    HANDED_OVER: 'diserahterimakan ke daerah asal',
  },
  en: {
    TRAVEL_DOCUMENT_ISSUED: 'travel document issued',
    EXIT_CLEARANCE_GRANTED: 'exit clearance granted',
    MEDICAL_CLEARANCE: 'medical clearance',
    FINES_SETTLED: 'fines or overstay settled',
    ESCORT_ASSIGNED: 'escort assigned',
    DEPARTED: 'departed',
    ARRIVED: 'arrived',
    HANDED_OVER: 'handed over to the home region',
  },
};

/**
 * Repatriation operations and reintegration plans: codes (RPT-, VCT-), agencies by acronym, the step's label and the
 * country by name; never a person's identity and never free text.
 */
export function repatriationTexts(
  kind: RepatriationTemplateKind,
  locale: MailLocale,
  p: NotificationTemplateParams,
): Texts {
  const ref = p.reference;
  const acting = p.actingAgency || '-';
  const owner = p.assigneeAgency || '-';
  const country = countryName(p.country, locale);
  const step = STEP_LABEL[locale][p.milestoneType ?? ''] ?? p.milestoneType ?? '';
  const person = p.victimCode ? ` (${p.victimCode})` : '';
  const operation = p.operationReference || ref;
  if (locale === 'en') {
    switch (kind) {
      case 'REPATRIATION_PLANNED':
        return {
          subject: `Repatriation ${ref}: steps for your agency`,
          body: [
            `${acting} planned repatriation operation ${ref} from ${country}. Your agency owes steps of its milestone plan; open it in Simpul to see them and their deadlines.`,
          ],
        };
      case 'REPATRIATION_UPDATED':
        return p.milestoneType
          ? {
              subject: `Repatriation ${operation}: ${step}${person}`,
              body: [`${acting} recorded "${step}"${person} on repatriation operation ${operation} (owner: ${owner}).`],
            }
          : {
              subject: `Repatriation ${ref}: ${p.status === 'ARRIVED' ? 'arrived' : 'departed'}`,
              body: [
                p.status === 'ARRIVED'
                  ? `Repatriation operation ${ref} from ${country} arrived; each person is handed to their home region.`
                  : `Repatriation operation ${ref} left ${country}.`,
              ],
            };
      case 'REINTEGRATION_PLAN_ASSIGNED':
        return {
          subject: `Reintegration plan for ${ref}`,
          body: [
            `${ref} came home and your agency is responsible for the reintegration plan and its follow-up contacts. Open the plan in Simpul to assess the needs.`,
          ],
        };
    }
  }
  switch (kind) {
    case 'REPATRIATION_PLANNED':
      return {
        subject: `Repatriasi ${ref}: langkah untuk instansi Anda`,
        body: [
          `${acting} merencanakan operasi repatriasi ${ref} dari ${country}. Instansi Anda bertanggung jawab atas langkah dalam rencana tahapannya; buka di Simpul untuk melihat langkah dan tenggatnya.`,
        ],
      };
    case 'REPATRIATION_UPDATED':
      return p.milestoneType
        ? {
            subject: `Repatriasi ${operation}: ${step}${person}`,
            body: [`${acting} mencatat "${step}"${person} pada operasi repatriasi ${operation} (pemilik: ${owner}).`],
          }
        : {
            subject: `Repatriasi ${ref}: ${p.status === 'ARRIVED' ? 'tiba' : 'berangkat'}`,
            body: [
              p.status === 'ARRIVED'
                ? `Operasi repatriasi ${ref} dari ${country} telah tiba; setiap orang diserahterimakan ke daerah asalnya.`
                : `Operasi repatriasi ${ref} telah berangkat dari ${country}.`,
            ],
          };
    case 'REINTEGRATION_PLAN_ASSIGNED':
      return {
        subject: `Rencana reintegrasi untuk ${ref}`,
        body: [
          `${ref} telah kembali dan instansi Anda bertanggung jawab atas rencana reintegrasi serta kontak tindak lanjutnya. Buka rencana di Simpul untuk menilai kebutuhannya.`,
        ],
      };
  }
}
