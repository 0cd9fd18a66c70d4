import { registerEnumType } from '@nestjs/graphql';

export enum DigestRunStatus {
  PENDING = 'PENDING',
  /** A worker holds it (a lease) and is talking to the mail server. */
  SENDING = 'SENDING',
  SENT = 'SENT',
  SKIPPED = 'SKIPPED',
  FAILED = 'FAILED',
}

registerEnumType(DigestRunStatus, {
  name: 'DigestRunStatus',
  description:
    'PENDING (waiting or between attempts), SENDING (with the mail server now), SENT, SKIPPED (opted out or unit switched off), FAILED (waits for an administrator).',
});
