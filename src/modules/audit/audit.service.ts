import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';

import { Actor } from '@app/auth/actor';
import { RequestContext } from '@app/kernel/request-context';
import { Connection, paginate } from '@app/graphql/pagination';

import { AuditEntriesArgs } from './dto/audit-entries.args';
import { AuditChanges, AuditEntryEntity } from './audit-entry.entity';

export interface AuditRecord {
  operation: string;
  targetType: string;
  targetId: string | null;
  changes?: AuditChanges;
}

/** Values that never go into the audit trail even when a field changes. */
const SECRET_FIELDS = new Set(['passwordHash', 'password', 'currentPassword', 'newPassword']);

/** Field-by-field difference between two snapshots of a record, for the audit trail. */
export function diffFields<T extends object>(
  before: Partial<T> | null,
  after: Partial<T>,
  fields: (keyof T)[],
): AuditChanges {
  const changes: AuditChanges = {};
  for (const field of fields) {
    const was = before ? before[field] : undefined;
    const now = after[field];
    if (JSON.stringify(was) !== JSON.stringify(now)) {
      const secret = SECRET_FIELDS.has(String(field));
      changes[String(field)] = {
        before: secret ? '[changed]' : (was ?? null),
        after: secret ? '[changed]' : (now ?? null),
      };
    }
  }
  return changes;
}

/** The append-only audit trail: written inside the caller's transaction, readable by auditors only. */
@Injectable()
export class AuditService {
  constructor(@InjectRepository(AuditEntryEntity) private readonly entries: Repository<AuditEntryEntity>) {}

  /** Records one entry using the caller's transaction, so the entry exists exactly when the change does. */
  async record(manager: EntityManager, actor: Actor | null, record: AuditRecord): Promise<void> {
    await manager.insert(AuditEntryEntity, {
      actorUserId: actor?.userId ?? null,
      actingAgencyId: actor?.agencyId ?? null,
      operation: record.operation,
      targetType: record.targetType,
      targetId: record.targetId,
      changes: (record.changes ?? {}) as AuditEntryEntity['changes'] & object,
      requestId: RequestContext.requestId() ?? null,
    });
  }

  async list(args: AuditEntriesArgs): Promise<Connection<AuditEntryEntity>> {
    const query = this.entries.createQueryBuilder('entry');
    const filter = args.filter ?? {};
    if (filter.actorUserId) query.andWhere('entry.actorUserId = :actorUserId', { actorUserId: filter.actorUserId });
    if (filter.actingAgencyId) {
      query.andWhere('entry.actingAgencyId = :actingAgencyId', { actingAgencyId: filter.actingAgencyId });
    }
    if (filter.operation) query.andWhere('entry.operation = :operation', { operation: filter.operation });
    if (filter.targetType) query.andWhere('entry.targetType = :targetType', { targetType: filter.targetType });
    if (filter.targetId) query.andWhere('entry.targetId = :targetId', { targetId: filter.targetId });
    if (filter.from) query.andWhere('entry.occurredAt >= :from', { from: filter.from });
    if (filter.to) query.andWhere('entry.occurredAt < :to', { to: filter.to });
    return paginate(query, args, { column: 'entry.occurredAt', value: (row) => row.occurredAt.toISOString() });
  }
}
