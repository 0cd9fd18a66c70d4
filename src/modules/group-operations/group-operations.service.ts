import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

import { Actor } from '@app/auth/actor';

import { GroupOperationEntity } from './group-operation.entity';
import { GroupOperationErrorReason, GroupOperationException } from './group-operation.exception';

/** What identifies one group operation: its kind, the client's key and a keyed hash of the request. */
export interface GroupOperationSpec {
  kind: string;
  operationKey: string;
  fingerprint: string;
}

/** What a group operation answers: its value, and whether it is the first call's, replayed. */
export interface GroupOutcome<T> {
  value: T;
  replayed: boolean;
}

/**
 * Group operations, all or nothing and idempotent on a client-supplied key. The first call claims the key and does
 * the work in one transaction: the claim commits with the work or not at all. A retry with the same key (a dropped
 * connection, a double click) finds the claim and answers with the records the first call wrote, writing nothing;
 * a retry that arrives while the first call is still running waits for it (the key's unique index), then replays.
 * The same key with another request is refused, naming the field.
 */
@Injectable()
export class GroupOperationsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async run<T>(
    actor: Actor,
    spec: GroupOperationSpec,
    work: (manager: EntityManager) => Promise<{ ids: string[]; value: T }>,
    replay: (ids: string[]) => Promise<T>,
  ): Promise<GroupOutcome<T>> {
    const outcome = await this.dataSource.transaction(
      async (manager): Promise<{ replayIds: string[] } | { value: T }> => {
        const claimed: { id: string }[] = await manager.query(
          `INSERT INTO group_operation (operation_key, agency_id, user_id, kind, fingerprint)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (agency_id, operation_key) DO NOTHING RETURNING id`,
          [spec.operationKey, actor.agencyId, actor.userId, spec.kind, spec.fingerprint],
        );
        if (claimed.length === 0) {
          const first = await manager.findOneByOrFail(GroupOperationEntity, {
            agencyId: actor.agencyId,
            operationKey: spec.operationKey,
          });
          if (first.kind !== spec.kind || first.fingerprint !== spec.fingerprint) {
            throw new GroupOperationException(
              GroupOperationErrorReason.OPERATION_KEY_REUSED,
              `operationKey: ${spec.operationKey} was used for another ${first.kind === spec.kind ? 'request' : `operation (${first.kind})`}; choose a new key for a new operation.`,
              'operationKey',
            );
          }
          return { replayIds: first.resultIds };
        }
        const result = await work(manager);
        await manager.update(GroupOperationEntity, { id: claimed[0].id }, { resultIds: result.ids });
        return { value: result.value };
      },
    );
    if ('replayIds' in outcome) return { value: await replay(outcome.replayIds), replayed: true };
    return { value: outcome.value, replayed: false };
  }
}
