import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { AccessService } from '@app/auth/access.service';
import { Actor } from '@app/auth/actor';
import { Clock } from '@app/kernel/clock';
import { AuditService, diffFields } from '@app/modules/audit/audit.service';

import { UpdateCaseInput } from '../dto/case.inputs';
import { CaseEventKind } from '../case-event.entity';
import { recordCaseEvent } from '../case-history';
import { caseDatesProblem } from '../case-dates';
import { CaseErrorReason, CaseException } from '../case.exception';
import { CaseEntity } from '../case.entity';
import { DESCRIPTIVE_FIELDS, description, requireUnit } from '../case-rules';
import { lockCaseForWork } from './case-locks';

/** The lead agency edits the descriptive fields and event dates; the status moves only through changeCaseStatus. */
@Injectable()
export class UpdateCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  execute(actor: Actor, input: UpdateCaseInput): Promise<CaseEntity> {
    return this.dataSource.transaction(async (manager) => {
      const found = await lockCaseForWork(manager, this.access, actor, input.id, input.expectedVersion);
      const before = { ...found };
      const given = description(input);
      if (given.unitId !== undefined && given.unitId !== found.unitId) await requireUnit(manager, given.unitId);
      Object.assign(found, given);
      const dates = caseDatesProblem(found, this.clock.now(), actor.timeZone);
      if (dates) throw new CaseException(CaseErrorReason.EVENT_DATE_INVALID, dates.message, dates.field);
      const changes = diffFields(before, found, [...DESCRIPTIVE_FIELDS]);
      // An edit that changes nothing keeps the version and adds no history line; the audit trail still has it.
      if (Object.keys(changes).length > 0) {
        await manager.save(found);
        await recordCaseEvent(manager, actor, found.id, { kind: CaseEventKind.UPDATED, details: changes });
      }
      await this.audit.record(manager, actor, {
        operation: 'updateCase',
        targetType: 'Case',
        targetId: found.id,
        changes,
      });
      return found;
    });
  }
}
