import { Args, ObjectType, Query, Resolver } from '@nestjs/graphql';

import { Allow } from '@app/auth/access.decorators';
import { ConnectionType } from '@app/graphql/pagination';
import { Role } from '@app/kernel/role.enum';

import { AuditEntryEntity } from './audit-entry.entity';
import { AuditService } from './audit.service';
import { AuditEntriesArgs } from './dto/audit-entries.args';

@ObjectType()
export class AuditEntryConnection extends ConnectionType(AuditEntryEntity, 'AuditEntry') {}

@Resolver(() => AuditEntryEntity)
export class AuditResolver {
  constructor(private readonly audit: AuditService) {}

  @Allow(Role.AUDITOR)
  @Query(() => AuditEntryConnection, { description: 'The audit trail, oldest first, for auditors.' })
  auditEntries(@Args() args: AuditEntriesArgs) {
    return this.audit.list(args);
  }
}
