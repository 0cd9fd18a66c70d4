export { escapeHtml, simpleEmailHtml } from './html';
export { MailTransport } from './mail-transport';
export type { OutgoingMail } from './mail-transport';
export { formatInstant, renderNotification } from './notification-templates';
export type {
  MailLocale,
  NotificationTemplateKind,
  NotificationTemplateParams,
  RenderedNotification,
} from './notification-templates';
