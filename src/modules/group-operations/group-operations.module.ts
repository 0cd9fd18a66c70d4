import { Module } from '@nestjs/common';

import { GroupOperationsService } from './group-operations.service';

/** All-or-nothing group operations, idempotent on a client-supplied key (used by victims and referrals). */
@Module({
  providers: [GroupOperationsService],
  exports: [GroupOperationsService],
})
export class GroupOperationsModule {}
