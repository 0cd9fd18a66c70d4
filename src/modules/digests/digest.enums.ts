import { registerEnumType } from '@nestjs/graphql';

export enum DigestRunStatus {
  PENDING = 'PENDING',
  SENT = 'SENT',
  SKIPPED = 'SKIPPED',
  FAILED = 'FAILED',
}

registerEnumType(DigestRunStatus, {
  name: 'DigestRunStatus',
  description: 'PENDING (being sent or retried), SENT, SKIPPED (opted out or unit switched off), FAILED.',
});
