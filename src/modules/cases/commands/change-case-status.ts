import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { AccessService } from '@app/auth/access.service';
import { Actor } from '@app/auth/actor';
import { Clock } from '@app/kernel/clock';
import { AuditService } from '@app/modules/audit/audit.service';
import { recordEvents } from '@app/queue/outbox';

import { ChangeCaseStatusInput } from '../dto/case.inputs';
import { CaseEventKind } from '../case-event.entity';
import { recordCaseEvent } from '../case-history';
import { decideCaseTransition, requiresReason } from '../case-state-machine';
import { CaseErrorReason, CaseException } from '../case.exception';
import { CaseEntity } from '../case.entity';
import { caseEvent } from '../case-rules';
import { lockCaseForWork } from './case-locks';

/** The lead agency moves a case on the justice track, as the state machine allows. */
@Injectable()
export class ChangeCaseStatus {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  execute(actor: Actor, input: ChangeCaseStatusInput): Promise<CaseEntity> {
    return this.dataSource.transaction(async (manager) => {
      const found = await lockCaseForWork(manager, this.access, actor, input.id, input.expectedVersion);
      const from = found.status;
      const reason = input.reason?.trim() || null;
      const decision = decideCaseTransition(from, input.to, reason);
      if ('refused' in decision) {
        const required = decision.refused.kind === 'REASON_REQUIRED';
        throw new CaseException(
          required ? CaseErrorReason.REASON_REQUIRED : CaseErrorReason.ILLEGAL_TRANSITION,
          decision.refused.message,
          required ? 'reason' : 'to',
        );
      }
      found.status = decision.to;
      found.statusChangedAt = this.clock.now();
      // Kept on the case only when the step needed it (why it left the main track, why it resumed).
      found.statusReason = requiresReason(from, decision.to) ? reason : null;
      const saved = await manager.save(found);
      await recordCaseEvent(manager, actor, saved.id, {
        kind: CaseEventKind.STATUS_CHANGED,
        fromStatus: from,
        toStatus: saved.status,
        reason,
      });
      await this.audit.record(manager, actor, {
        operation: 'changeCaseStatus',
        targetType: 'Case',
        targetId: saved.id,
        changes: { status: { before: from, after: saved.status } },
      });
      await recordEvents(manager, [caseEvent('case.status-changed', saved, actor, { fromStatus: from })]);
      return saved;
    });
  }
}
