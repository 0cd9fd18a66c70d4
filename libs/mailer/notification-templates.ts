import { simpleEmailHtml } from './html';
import { formatInstant, MailLocale } from './locale';
import { crossBorderTexts } from './notification/cross-border-texts';
import {
  isCrossBorderKind,
  isRepatriationKind,
  NotificationTemplateKind,
  NotificationTemplateParams,
  RenderedNotification,
  Texts,
} from './notification/notification-params';
import { repatriationTexts } from './notification/repatriation-texts';
import { workItemTexts } from './notification/work-item-texts';

export { countryName, formatInstant } from './locale';
export type { MailLocale } from './locale';
export type {
  CrossBorderTemplateKind,
  NotificationTemplateKind,
  NotificationTemplateParams,
  RenderedNotification,
} from './notification/notification-params';

function texts(kind: NotificationTemplateKind, locale: MailLocale, p: NotificationTemplateParams, due: string): Texts {
  if (isCrossBorderKind(kind)) return crossBorderTexts(kind, locale, p, due);
  if (isRepatriationKind(kind)) return repatriationTexts(kind, locale, p);
  return workItemTexts(kind, locale, p, due);
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
