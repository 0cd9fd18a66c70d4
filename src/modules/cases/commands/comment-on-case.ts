import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { AccessService } from '@app/auth/access.service';
import { Actor } from '@app/auth/actor';
import { AuditService } from '@app/modules/audit/audit.service';
import { VictimsService } from '@app/modules/victims/victims.service';

import { CommentOnCaseInput } from '../dto/case-team.inputs';
import { CaseEventKind } from '../case-event.entity';
import { recordCaseEvent } from '../case-history';
import { CaseErrorReason, CaseException } from '../case.exception';
import { CaseEntity } from '../case.entity';
import { loadCaseForChange } from './case-locks';

/**
 * Someone who works the case (a participant's officer, the unit secretariat) comments on it. The comment lands in
 * the case history, which everyone who sees the case reads, so it may name people by code only: a comment holding
 * the name or document number of one of the case's people is refused.
 */
@Injectable()
export class CommentOnCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly victims: VictimsService,
  ) {}

  execute(actor: Actor, input: CommentOnCaseInput): Promise<CaseEntity> {
    return this.dataSource.transaction(async (manager) => {
      const kase = await loadCaseForChange(manager, this.access, actor, input.caseId);
      const body = input.body.trim();
      if (await this.victims.textNamesPersonOfCase(kase.id, body)) {
        throw new CaseException(
          CaseErrorReason.IDENTITY_IN_TEXT,
          "body: the comment holds a name or document number of one of the case's people; refer to them by code (VCT-…).",
          'body',
        );
      }
      await recordCaseEvent(manager, actor, kase.id, { kind: CaseEventKind.COMMENTED, reason: body });
      await this.audit.record(manager, actor, {
        operation: 'commentOnCase',
        targetType: 'Case',
        targetId: kase.id,
        changes: { comment: { before: null, after: '[in the case history]' } },
      });
      return kase;
    });
  }
}
