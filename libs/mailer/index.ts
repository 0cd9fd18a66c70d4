export { renderDigest } from './digest-template';
export type { RenderedDigest } from './digest-template';
export { isEmptyDigest } from './digest/digest-content';
export type {
  ActionItemDueItem,
  ActionItemsByAgencyItem,
  DataQualityDigestItem,
  AgencyRankingItem,
  CrossBorderCountryGroup,
  CrossBorderItem,
  DigestAudience,
  DigestContent,
  DigestItemKind,
  DigestRecipient,
  DigestWeek,
  DueSoonItem,
  EscalationItem,
  FollowUpDueItem,
  OverdueItem,
  ReferralAwaitingItem,
  RepatriationMoveItem,
  StalledCommitmentItem,
  WeekCounts,
} from './digest/digest-content';
export { escapeHtml, simpleEmailHtml } from './html';
export { countryName, formatInstant } from './locale';
export type { MailLocale } from './locale';
export { MailTransport, withEncodedBodies } from './mail-transport';
export type { OutgoingMail } from './mail-transport';
export { renderNotification } from './notification-templates';
export type {
  CrossBorderTemplateKind,
  NotificationTemplateKind,
  NotificationTemplateParams,
  RenderedNotification,
} from './notification/notification-params';
