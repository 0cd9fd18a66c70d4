import { randomBytes, randomUUID } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { AccessService } from '@app/auth/access.service';
import { Actor } from '@app/auth/actor';
import { Clock } from '@app/kernel/clock';
import { dayIn, eventDateProblem } from '@app/kernel/event-date';
import { AuditService } from '@app/modules/audit/audit.service';
import { CaseEntity } from '@app/modules/cases/case.entity';

import { RecordSuspectInput } from '../dto/suspect.inputs';
import { SuspectEventEntity } from '../suspect-event.entity';
import { SuspectIdentity } from '../suspect-identity';
import { SuspectVault } from '../suspect-vault';
import { SuspectStatus } from '../suspect.enums';
import { SuspectEntity } from '../suspect.entity';
import { SuspectErrorReason, SuspectException } from '../suspect.exception';

/** Crockford base32 without I, L, O, U, as victims' codes. */
const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

const newSuspectCode = () => `SUS-${[...randomBytes(8)].map((byte) => CODE_ALPHABET[byte % 32]).join('')}`;

/** Where a suspect may enter the register; later steps go through changeSuspectStatus, one at a time. */
const FIRST_STATUSES = [SuspectStatus.IDENTIFIED, SuspectStatus.NAMED_SUSPECT];

/**
 * An investigator or prosecutor of the case records a suspect: the identity sealed before anything is stored, the
 * code used everywhere else, the status with its day (may be historical). Not in the case's history: the case's
 * other participants (social affairs, providers) do not see its suspects.
 */
@Injectable()
export class RecordSuspect {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly vault: SuspectVault,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  execute(actor: Actor, input: RecordSuspectInput): Promise<SuspectEntity> {
    return this.dataSource.transaction(async (manager) => {
      const visibility = this.access.caseVisibility(actor, 'kase');
      const enforcer = this.access.caseLawEnforcement(actor, 'kase');
      const found = await manager
        .getRepository(CaseEntity)
        .createQueryBuilder('kase')
        .select('kase.id', 'id')
        .addSelect(`(${enforcer.sql})`, 'enforces')
        .where('kase.id = :caseId', { caseId: input.caseId })
        .andWhere(visibility.sql, visibility.params)
        .setParameters(enforcer.params)
        .getRawOne<{ id: string; enforces: boolean }>();
      if (!found) {
        throw new SuspectException(
          SuspectErrorReason.CASE_NOT_FOUND,
          `caseId: case ${input.caseId} was not found.`,
          'caseId',
        );
      }
      if (!found.enforces) {
        throw new SuspectException(
          SuspectErrorReason.NOT_LAW_ENFORCEMENT,
          'Only officers of an agency investigating or prosecuting the case record its suspects.',
        );
      }
      const status = input.status ?? SuspectStatus.IDENTIFIED;
      if (!FIRST_STATUSES.includes(status)) {
        throw new SuspectException(
          SuspectErrorReason.INVALID_FIELD,
          `status: a suspect is recorded as ${FIRST_STATUSES.join(' or ')}; later steps go through changeSuspectStatus with their days.`,
          'status',
        );
      }
      const today = dayIn(this.clock.now(), actor.timeZone);
      for (const [field, day] of [
        ['identity.dateOfBirth', input.identity.dateOfBirth],
        ['statusOn', input.statusOn],
      ] as const) {
        const born = field === 'statusOn' && input.identity.dateOfBirth;
        const problem = day
          ? eventDateProblem(day, today, born ? [{ day: born, what: "the suspect's birth" }] : [])
          : null;
        if (problem) throw new SuspectException(SuspectErrorReason.EVENT_DATE_INVALID, `${field}: ${problem}`, field);
      }
      const identity: SuspectIdentity = {
        fullName: input.identity.fullName.trim(),
        aliases: (input.identity.aliases ?? []).map((alias) => alias.trim()).filter((alias) => alias.length > 0),
        dateOfBirth: input.identity.dateOfBirth ?? null,
        documentNumber: input.identity.documentNumber?.trim() || null,
        address: input.identity.address?.trim() || null,
      };
      const id = randomUUID();
      const statusOn = input.statusOn ?? today;
      await manager.insert(SuspectEntity, {
        id,
        code: newSuspectCode(),
        caseId: found.id,
        roleInChain: input.roleInChain,
        nationality: input.nationality ?? null,
        relationToVictims: [...new Set(input.relationToVictims ?? [])],
        status,
        statusOn,
        recordedByUserId: actor.userId,
        recordedByAgencyId: actor.agencyId,
        identitySealed: this.vault.seal(id, identity),
      });
      const saved = await manager.findOneByOrFail(SuspectEntity, { id });
      await manager.insert(SuspectEventEntity, {
        suspectId: id,
        occurredOn: statusOn,
        actorUserId: actor.userId,
        actingAgencyId: actor.agencyId,
        fromStatus: null,
        toStatus: status,
        details: { code: saved.code, roleInChain: saved.roleInChain },
      });
      await this.audit.record(manager, actor, {
        operation: 'recordSuspect',
        targetType: 'Suspect',
        targetId: id,
        changes: {
          code: { before: null, after: saved.code },
          identity: { before: null, after: '[sealed]' },
          caseId: { before: null, after: saved.caseId },
          status: { before: null, after: status },
        },
      });
      return saved;
    });
  }
}
