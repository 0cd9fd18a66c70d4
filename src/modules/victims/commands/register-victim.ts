import { randomUUID } from 'node:crypto';

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
import { IdentityVault, SealedIdentity } from '../identity-vault';
import { VictimEventKind } from '../victim-event.entity';
import { recordVictimEvent } from '../victim-history';
import { identityProblems, VictimIdentity } from '../victim-identity';
import { newVictimCode } from '../victim-code';
import { VictimEntity } from '../victim.entity';
import { IdentificationStatus, ProtectionStatus, SelfIdentification } from '../victim.enums';
import { VictimErrorReason, VictimException } from '../victim.exception';
import { RegistrationMatchRules } from './registration-matches';

const LANGUAGE = /^[a-z]{2,3}$/;

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
    const identity: VictimIdentity = {
      fullName: input.identity.fullName.trim(),
      dateOfBirth: input.identity.dateOfBirth ?? null,
      passportNumber: input.identity.passportNumber?.trim() || null,
      nationalIdNumber: input.identity.nationalIdNumber?.trim() || null,
      contact: input.identity.contact?.trim() || null,
    };
    const today = this.clock.now().toISOString().slice(0, 10);
    const [problem] = identityProblems(identity, today);
    if (problem) throw new VictimException(VictimErrorReason.INVALID_IDENTITY, problem.message, problem.field);
    const languages = (input.languageNeeds ?? []).map((language) => language.trim().toLowerCase());
    const badLanguage = languages.findIndex((language) => !LANGUAGE.test(language));
    if (badLanguage >= 0) {
      throw new VictimException(
        VictimErrorReason.INVALID_FIELD,
        'Invalid input: languageNeeds must be ISO 639 codes such as id, jv or km.',
        `languageNeeds.${badLanguage}`,
      );
    }
    if (input.caseId) await this.requireCase(actor, input.caseId);

    const id = randomUUID();
    const originRegion = input.originRegion ?? null;
    const sealed = this.vault.seal(id, identity, originRegion);
    const record = {
      id,
      caseId: input.caseId ?? null,
      identificationStatus: input.identificationStatus ?? IdentificationStatus.PRESUMED,
      selfIdentification: input.selfIdentification ?? SelfIdentification.NOT_ASKED,
      protectionStatus: input.protectionStatus ?? ProtectionStatus.IDENTIFIED,
      sex: input.sex,
      ageBand: input.ageBand,
      nationality: input.nationality,
      originRegion,
      languageNeeds: languages,
      interpreterNeeded: input.interpreterNeeded ?? false,
      ...sealed,
    };
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.dataSource.transaction((manager) =>
          this.registerOnce(manager, actor, record, identity.fullName, input.confirmedDistinct ?? false),
        );
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

  private async registerOnce(
    manager: EntityManager,
    actor: Actor,
    record: Omit<Partial<VictimEntity>, 'id'> & { id: string } & SealedIdentity,
    fullName: string,
    confirmedDistinct: boolean,
  ): Promise<VictimEntity> {
    await this.matchRules.serialise(manager, record);
    const matches = await this.matchRules.find(manager, actor, fullName, record);
    this.matchRules.refuseVisible(matches, confirmedDistinct);

    const now = this.clock.now();
    await manager.insert(
      VictimEntity,
      manager.create(VictimEntity, {
        ...record,
        code: newVictimCode(),
        owningAgencyId: actor.agencyId,
        registeredByUserId: actor.userId,
        identifiedByAgencyId: actor.agencyId,
        identifiedAt: now,
      }),
    );
    const saved = await manager.findOneByOrFail(VictimEntity, { id: record.id });
    await recordVictimEvent(manager, actor, saved.id, VictimEventKind.REGISTERED, {
      code: saved.code,
      caseId: saved.caseId,
      identificationStatus: saved.identificationStatus,
      protectionStatus: saved.protectionStatus,
    });
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
  private async requireCase(actor: Actor, caseId: string): Promise<void> {
    const visibility = this.access.caseVisibility(actor, 'kase');
    const found = await this.dataSource
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
        'caseId',
      );
    }
  }
}
