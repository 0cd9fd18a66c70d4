/**
 * What one weekly coordination digest says (DOMAIN.md section 6), computed by the query files of this module and
 * rendered by libs/mailer. The shape is the digest template's input, so it is defined there (libs never import
 * src/); this module re-exports it under its own name.
 */
export { isEmptyDigest } from '@libs/mailer';
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
} from '@libs/mailer';
