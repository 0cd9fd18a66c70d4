import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { AccessService } from '@app/auth/access.service';
import { Actor } from '@app/auth/actor';
import { AuditService } from '@app/modules/audit/audit.service';

import { SuspectIdentity } from './suspect-identity';
import { SuspectVault } from './suspect-vault';

/**
 * The one place that opens a suspect's identity: for officers of an agency taking part in the case in a
 * law-enforcement role (AccessService.suspectWorkVisibility), read fresh on every request, each opening audited
 * (`readSuspectIdentity`) before the value is returned. Everyone else, the secretariat included, gets null.
 */
@Injectable()
export class SuspectDisclosureService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly vault: SuspectVault,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  async canSeeIdentity(actor: Actor, suspectId: string): Promise<boolean> {
    const rule = this.access.suspectWorkVisibility(actor, 'suspect');
    const found = await this.dataSource
      .createQueryBuilder()
      .select('suspect.id')
      .from('suspect', 'suspect')
      .where('suspect.id = :suspectId', { suspectId })
      .andWhere(rule.sql, rule.params)
      .getRawOne();
    return found !== undefined;
  }

  async identity(actor: Actor, suspect: { id: string; identitySealed: string }): Promise<SuspectIdentity | null> {
    if (!(await this.canSeeIdentity(actor, suspect.id))) return null;
    await this.audit.record(this.dataSource.manager, actor, {
      operation: 'readSuspectIdentity',
      targetType: 'Suspect',
      targetId: suspect.id,
    });
    return this.vault.open(suspect);
  }
}
