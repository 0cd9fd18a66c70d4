export { renderDigest } from './digest-template';
export type { RenderedDigest } from './digest-template';
export { escapeHtml, simpleEmailHtml } from './html';
export { MailTransport } from './mail-transport';
export type { OutgoingMail } from './mail-transport';
export { countryName, formatInstant } from './locale';
export type { MailLocale } from './locale';
export { renderNotification } from './notification-templates';
export type {
  CrossBorderTemplateKind,
  NotificationTemplateKind,
  NotificationTemplateParams,
  RenderedNotification,
} from './notification/notification-params';
