export { renderDigest } from './digest-template';
export type { RenderedDigest } from './digest-template';
export { escapeHtml, simpleEmailHtml } from './html';
export { MailTransport } from './mail-transport';
export type { OutgoingMail } from './mail-transport';
export { countryName, formatInstant, renderNotification } from './notification-templates';
export type {
  CrossBorderTemplateKind,
  MailLocale,
  NotificationTemplateKind,
  NotificationTemplateParams,
  RenderedNotification,
} from './notification-templates';
