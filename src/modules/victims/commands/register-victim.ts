import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

import { AccessService } from '@app/auth/access.service';
import { Actor } from '@app/auth/actor';
import { Clock } from '@app/kernel/clock';
import { isUniqueViolation } from '@app/database/db-errors';
import { AuditService } from '@app/modules/audit/audit.service';
import { CaseEntity } from '@app/modules/cases/case.entity';
import { recordEvents } from '@app/queue/outbox';

import { RegisterVictimInput } from '../dto/victim.inputs';
import { IdentityVault } from '../identity-vault';
import { VictimEventKind } from '../victim-event.entity';
import { recordPersonWork } from '../victim-history';
import { newVictimCode } from '../victim-code';
import { VictimEntity } from '../victim.entity';
import { VictimErrorReason, VictimException } from '../victim.exception';
import { RegistrationMatches, RegistrationMatchRules } from './registration-matches';
import { PreparedRegistration, prepareRegistration } from './registration-record';

/**
 * Registers a person; the registering agency owns the record. The identity is sealed before anything is
 * stored and never leaves through events, history, audit or errors. Duplicate rules, and why a match with a
 * record the caller may not see is not refused: registration-matches.ts.
 */
@Injectable()
export class RegisterVictim {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly vault: IdentityVault,
    private readonly matchRules: RegistrationMatchRules,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async execute(actor: Actor, input: RegisterVictimInput): Promise<VictimEntity> {
    const { prepared, problems } = prepareRegistration(this.vault, this.clock.now(), actor, input);
    const [problem] = problems;
    if (problem) throw new VictimException(problem.reason, problem.message, problem.field);
    if (input.caseId) await this.requireCase(this.dataSource.manager, actor, input.caseId, 'caseId');
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.dataSource.transaction(async (manager) => {
          await this.matchRules.serialise(manager, [prepared.record]);
          const matches = await this.matchRules.find(manager, actor, prepared.fullName, prepared.record);
          this.matchRules.refuseVisible(matches, prepared.confirmedDistinct);
          return this.write(manager, actor, prepared, matches);
        });
      } catch (error) {
        // The advisory locks make this a backstop: the same document twice in one agency. A second attempt sees
        // the committed record and refuses it with its code.
        const sameAgencyDocument =
          isUniqueViolation(error, 'UQ_victim_passport_index_owner') ||
          isUniqueViolation(error, 'UQ_victim_national_id_index_owner');
        if (!sameAgencyDocument || attempt >= 2) throw error;
      }
    }
  }

  /**
   * Writes one checked registration in the caller's transaction (its matches already found, visible ones already
   * refused): the record, its history (and the case's), the audit entry, the event, and the secretariat's flags for
   * matches the caller may not see.
   */
  async write(
    manager: EntityManager,
    actor: Actor,
    prepared: PreparedRegistration,
    matches: RegistrationMatches,
  ): Promise<VictimEntity> {
    const now = this.clock.now();
    await manager.insert(
      VictimEntity,
      manager.create(VictimEntity, {
        ...prepared.record,
        code: newVictimCode(),
        owningAgencyId: actor.agencyId,
        registeredByUserId: actor.userId,
        identifiedByAgencyId: actor.agencyId,
        identifiedAt: now,
      }),
    );
    const saved = await manager.findOneByOrFail(VictimEntity, { id: prepared.record.id });
    await recordPersonWork(
      manager,
      actor,
      saved,
      VictimEventKind.REGISTERED,
      {
        code: saved.code,
        caseId: saved.caseId,
        identificationStatus: saved.identificationStatus,
        protectionStatus: saved.protectionStatus,
      },
      saved.rescuedOn ?? saved.identifiedOn,
    );
    await this.audit.record(manager, actor, {
      operation: 'registerVictim',
      targetType: 'Victim',
      targetId: saved.id,
      // What was stored, minus the identity: the audit trail must not become a copy of it.
      changes: {
        code: { before: null, after: saved.code },
        identity: { before: null, after: '[sealed]' },
        caseId: { before: null, after: saved.caseId },
        identificationStatus: { before: null, after: saved.identificationStatus },
      },
    });
    await recordEvents(manager, [
      {
        topic: 'victim.registered',
        aggregateType: 'Victim',
        aggregateId: saved.id,
        payload: { victimId: saved.id, code: saved.code, owningAgencyId: saved.owningAgencyId },
      },
    ]);
    // Last, and invisible to the caller: matches with records it may not see go to the secretariat only.
    await this.matchRules.flagHidden(manager, actor, saved, matches);
    return saved;
  }

  /** A person is registered into a case the registering officer may see (else: as if it did not exist). */
  async requireCase(manager: EntityManager, actor: Actor, caseId: string, field: string): Promise<void> {
    const visibility = this.access.caseVisibility(actor, 'kase');
    const found = await manager
      .getRepository(CaseEntity)
      .createQueryBuilder('kase')
      .select('kase.id')
      .where('kase.id = :caseId', { caseId })
      .andWhere(visibility.sql, visibility.params)
      .getOne();
    if (!found) {
      throw new VictimException(
        VictimErrorReason.CASE_NOT_FOUND,
        `Invalid input: case ${caseId} was not found.`,
        field,
      );
    }
  }
}
