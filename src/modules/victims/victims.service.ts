import { randomBytes, randomUUID } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

import { AccessService } from '@app/auth/access.service';
import { Actor } from '@app/auth/actor';
import { Clock } from '@app/common/clock';
import { isUniqueViolation } from '@app/common/db-errors';
import { Connection, paginate } from '@app/graphql/pagination';
import { AgencyEntity } from '@app/modules/agencies/agency.entity';
import { AuditService } from '@app/modules/audit/audit.service';
import { CaseEntity } from '@app/modules/cases/case.entity';
import { recordEvents } from '@app/queue/outbox';

import { ConsentEntity } from './consent.entity';
import { DuplicateFlagEntity } from './duplicate-flag.entity';
import {
  ChangeProtectionStatusInput,
  RecordConsentInput,
  RecordIdentificationDecisionInput,
  RegisterVictimInput,
  ResolvePossibleDuplicateInput,
  RevokeConsentInput,
  VictimsArgs,
} from './dto/victim.inputs';
import { decideProtectionStep } from './protection-track';
import { IdentityVault } from './identity-vault';
import { CLOSE_MATCH_THRESHOLD, identityProblems, nameSimilarity, VictimIdentity } from './victim-identity';
import { VictimEventEntity, VictimEventKind } from './victim-event.entity';
import { VictimEntity } from './victim.entity';
import {
  DuplicateFlagStatus,
  DuplicateMatch,
  IdentificationStatus,
  ProtectionStatus,
  SelfIdentification,
} from './victim.enums';
import { VictimErrorReason, VictimException } from './victim.exception';

/** Crockford base32 without I, L, O, U: codes read aloud over a phone line without confusion. */
const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const LANGUAGE = /^[a-z]{2,3}$/;

function newVictimCode(): string {
  const bytes = randomBytes(8);
  return `VCT-${[...bytes].map((byte) => CODE_ALPHABET[byte % 32]).join('')}`;
}

interface DocumentMatch {
  id: string;
  code: string;
  matchedOn: DuplicateMatch;
}

/**
 * The victim register: registration with duplicate rules, the identity behind its access rule (every
 * opening audited), and consent. Identity values never leave through events, history, audit or errors.
 */
@Injectable()
export class VictimsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly vault: IdentityVault,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async registerVictim(actor: Actor, input: RegisterVictimInput): Promise<VictimEntity> {
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

    const documentMatch = await this.documentMatch(sealed.passportIndex, sealed.nationalIdIndex);
    if (documentMatch) return this.refuseDuplicate(actor, documentMatch);
    if (!input.confirmedDistinct) await this.refuseCloseMatch(actor, identity, sealed.birthOriginIndex);

    const now = this.clock.now();
    try {
      return await this.dataSource.transaction(async (manager) => {
        const victim = manager.create(VictimEntity, {
          id,
          code: newVictimCode(),
          caseId: input.caseId ?? null,
          owningAgencyId: actor.agencyId,
          registeredByUserId: actor.userId,
          identificationStatus: input.identificationStatus ?? IdentificationStatus.PRESUMED,
          identifiedByAgencyId: actor.agencyId,
          identifiedAt: now,
          selfIdentification: input.selfIdentification ?? SelfIdentification.NOT_ASKED,
          protectionStatus: input.protectionStatus ?? ProtectionStatus.IDENTIFIED,
          sex: input.sex,
          ageBand: input.ageBand,
          nationality: input.nationality,
          originRegion,
          languageNeeds: languages,
          interpreterNeeded: input.interpreterNeeded ?? false,
          ...sealed,
        });
        await manager.insert(VictimEntity, victim);
        const saved = await manager.findOneByOrFail(VictimEntity, { id });
        await this.history(manager, actor, saved.id, VictimEventKind.REGISTERED, {
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
        return saved;
      });
    } catch (error) {
      // Two agencies registering the same document at the same moment: the unique index lets one in.
      if (
        isUniqueViolation(error, 'UQ_victim_passport_index') ||
        isUniqueViolation(error, 'UQ_victim_national_id_index')
      ) {
        const match = await this.documentMatch(sealed.passportIndex, sealed.nationalIdIndex);
        if (match) return this.refuseDuplicate(actor, match);
      }
      throw error;
    }
  }

  /** The person's pseudonymous code (VCT-…), for events and messages about work concerning them. */
  async codeOf(manager: EntityManager, victimId: string): Promise<string> {
    const victim = await manager.findOneOrFail(VictimEntity, { where: { id: victimId }, select: ['id', 'code'] });
    return victim.code;
  }

  async victim(actor: Actor, id: string): Promise<VictimEntity> {
    const visibility = this.access.victimVisibility(actor, 'victim');
    const victim = await this.dataSource
      .getRepository(VictimEntity)
      .createQueryBuilder('victim')
      .where('victim.id = :id', { id })
      .andWhere(visibility.sql, visibility.params)
      .getOne();
    if (!victim) throw VictimException.notFound(id);
    return victim;
  }

  async victims(actor: Actor, args: VictimsArgs): Promise<Connection<VictimEntity>> {
    const visibility = this.access.victimVisibility(actor, 'victim');
    const query = this.dataSource
      .getRepository(VictimEntity)
      .createQueryBuilder('victim')
      .where(visibility.sql, visibility.params);
    const filter = args.filter ?? {};
    if (filter.caseId) query.andWhere('victim.case_id = :caseId', { caseId: filter.caseId });
    if (filter.owningAgencyId) query.andWhere('victim.owning_agency_id = :owner', { owner: filter.owningAgencyId });
    if (filter.protectionStatus) query.andWhere('victim.protection_status = :ps', { ps: filter.protectionStatus });
    if (filter.code) query.andWhere('victim.code = :code', { code: filter.code });
    return paginate(query, args, { column: 'victim.createdAt', value: (row) => row.createdAt.toISOString() });
  }

  /** Whether the actor may see the identity of this record now (consent is read fresh on every request). */
  async canSeeIdentity(actor: Actor, victimId: string): Promise<boolean> {
    const rule = this.access.victimIdentityVisibility(actor, 'victim');
    const found = await this.dataSource
      .getRepository(VictimEntity)
      .createQueryBuilder('victim')
      .select('victim.id')
      .where('victim.id = :victimId', { victimId })
      .andWhere(rule.sql, rule.params)
      .getOne();
    return found !== null;
  }

  /**
   * The identity for an entitled actor, null for anyone else. Each opening writes an audit entry (who, for
   * which agency, which record, in which request) before the value is returned.
   */
  async identity(actor: Actor, victim: VictimEntity): Promise<VictimIdentity | null> {
    if (!(await this.canSeeIdentity(actor, victim.id))) return null;
    await this.audit.record(this.dataSource.manager, actor, {
      operation: 'readVictimIdentity',
      targetType: 'Victim',
      targetId: victim.id,
    });
    return this.vault.open(victim);
  }

  async recordConsent(actor: Actor, input: RecordConsentInput): Promise<ConsentEntity> {
    const victim = await this.victim(actor, input.victimId);
    this.requireOwner(actor, victim);
    const recipient = await this.dataSource.getRepository(AgencyEntity).findOneBy({ id: input.recipientAgencyId });
    if (!recipient || !recipient.active) {
      throw new VictimException(
        VictimErrorReason.RECIPIENT_INVALID,
        `Invalid input: no active agency ${input.recipientAgencyId}.`,
        'recipientAgencyId',
      );
    }
    if (recipient.id === victim.owningAgencyId) {
      throw new VictimException(
        VictimErrorReason.RECIPIENT_INVALID,
        'Invalid input: the owning agency holds the identity already; consent is for other agencies.',
        'recipientAgencyId',
      );
    }
    const now = this.clock.now();
    if (input.givenAt && input.givenAt.getTime() > now.getTime() + 60_000) {
      throw new VictimException(
        VictimErrorReason.INVALID_FIELD,
        'Invalid input: consent cannot be given in the future.',
        'givenAt',
      );
    }
    try {
      return await this.dataSource.transaction(async (manager) => {
        const consent = await manager.save(
          manager.create(ConsentEntity, {
            victimId: victim.id,
            recipientAgencyId: recipient.id,
            purpose: input.purpose,
            method: input.method,
            givenAt: input.givenAt ?? now,
            recordedByUserId: actor.userId,
            recordedByAgencyId: actor.agencyId,
            revokedAt: null,
            revokedByUserId: null,
            revocationReason: null,
          }),
        );
        await this.history(manager, actor, victim.id, VictimEventKind.CONSENT_RECORDED, {
          consentId: consent.id,
          recipientAgencyId: recipient.id,
          purpose: consent.purpose,
          method: consent.method,
        });
        await this.audit.record(manager, actor, {
          operation: 'recordConsent',
          targetType: 'Consent',
          targetId: consent.id,
          changes: {
            victimId: { before: null, after: victim.id },
            recipientAgencyId: { before: null, after: recipient.id },
            purpose: { before: null, after: consent.purpose },
          },
        });
        await recordEvents(manager, [
          {
            topic: 'consent.recorded',
            aggregateType: 'Consent',
            aggregateId: consent.id,
            payload: {
              consentId: consent.id,
              victimId: victim.id,
              victimCode: victim.code,
              recipientAgencyId: recipient.id,
            },
          },
        ]);
        return consent;
      });
    } catch (error) {
      if (isUniqueViolation(error, 'UQ_consent_active')) {
        throw new VictimException(
          VictimErrorReason.CONSENT_EXISTS,
          `Consent for ${recipient.acronym} and ${input.purpose} is already in force for ${victim.code}.`,
          'purpose',
        );
      }
      throw error;
    }
  }

  async revokeConsent(actor: Actor, input: RevokeConsentInput): Promise<ConsentEntity> {
    return this.dataSource.transaction(async (manager) => {
      const consent = await manager
        .getRepository(ConsentEntity)
        .createQueryBuilder('consent')
        .where('consent.id = :id', { id: input.id })
        .setLock('pessimistic_write')
        .getOne();
      const victim = consent ? await manager.findOneBy(VictimEntity, { id: consent.victimId }) : null;
      if (!consent || !victim || !this.access.actsForVictimOwner(actor, victim)) {
        throw new VictimException(VictimErrorReason.CONSENT_NOT_FOUND, `Consent ${input.id} was not found.`);
      }
      if (consent.revokedAt) {
        throw new VictimException(VictimErrorReason.CONSENT_REVOKED, `Consent ${consent.id} was revoked already.`);
      }
      consent.revokedAt = this.clock.now();
      consent.revokedByUserId = actor.userId;
      consent.revocationReason = input.reason;
      await manager.save(consent);
      await this.history(manager, actor, victim.id, VictimEventKind.CONSENT_REVOKED, {
        consentId: consent.id,
        recipientAgencyId: consent.recipientAgencyId,
        purpose: consent.purpose,
        reason: input.reason,
      });
      await this.audit.record(manager, actor, {
        operation: 'revokeConsent',
        targetType: 'Consent',
        targetId: consent.id,
        changes: { revokedAt: { before: null, after: consent.revokedAt.toISOString() } },
      });
      await recordEvents(manager, [
        {
          topic: 'consent.revoked',
          aggregateType: 'Consent',
          aggregateId: consent.id,
          payload: {
            consentId: consent.id,
            victimId: victim.id,
            victimCode: victim.code,
            recipientAgencyId: consent.recipientAgencyId,
          },
        },
      ]);
      return consent;
    });
  }

  async changeProtectionStatus(actor: Actor, input: ChangeProtectionStatusInput): Promise<VictimEntity> {
    return this.dataSource.transaction(async (manager) => {
      const victim = await this.lockForChange(manager, actor, input.id, input.expectedVersion);
      const decision = decideProtectionStep(victim.protectionStatus, input.to, input.reason);
      if ('refused' in decision) {
        throw new VictimException(
          VictimErrorReason[decision.refused],
          decision.message,
          decision.refused === 'REASON_REQUIRED' ? 'reason' : 'to',
        );
      }
      const from = victim.protectionStatus;
      victim.protectionStatus = decision.to;
      await manager.save(victim);
      await this.history(manager, actor, victim.id, VictimEventKind.PROTECTION_STATUS_CHANGED, {
        from,
        to: decision.to,
        reason: input.reason ?? null,
      });
      await this.audit.record(manager, actor, {
        operation: 'changeProtectionStatus',
        targetType: 'Victim',
        targetId: victim.id,
        changes: { protectionStatus: { before: from, after: decision.to } },
      });
      await recordEvents(manager, [
        {
          topic: 'victim.protection-status-changed',
          aggregateType: 'Victim',
          aggregateId: victim.id,
          payload: {
            victimId: victim.id,
            code: victim.code,
            owningAgencyId: victim.owningAgencyId,
            from,
            to: decision.to,
          },
        },
      ]);
      return victim;
    });
  }

  async recordIdentificationDecision(actor: Actor, input: RecordIdentificationDecisionInput): Promise<VictimEntity> {
    return this.dataSource.transaction(async (manager) => {
      const victim = await this.lockForChange(manager, actor, input.id, input.expectedVersion);
      const before = { status: victim.identificationStatus, agency: victim.identifiedByAgencyId };
      victim.identificationStatus = input.status;
      victim.identifiedByAgencyId = actor.agencyId;
      victim.identifiedAt = this.clock.now();
      await manager.save(victim);
      await this.history(manager, actor, victim.id, VictimEventKind.IDENTIFICATION_DECIDED, {
        from: before.status,
        to: input.status,
        byAgencyId: actor.agencyId,
      });
      await this.audit.record(manager, actor, {
        operation: 'recordIdentificationDecision',
        targetType: 'Victim',
        targetId: victim.id,
        changes: {
          identificationStatus: { before: before.status, after: input.status },
          identifiedByAgencyId: { before: before.agency, after: actor.agencyId },
        },
      });
      return victim;
    });
  }

  /**
   * Locks a record for a change by the owning agency. Not visible: NOT_FOUND; visible but another agency's:
   * FORBIDDEN; a stale expectedVersion: CONFLICT.
   */
  private async lockForChange(
    manager: EntityManager,
    actor: Actor,
    id: string,
    expectedVersion: number | undefined,
  ): Promise<VictimEntity> {
    const visibility = this.access.victimVisibility(actor, 'victim');
    const victim = await manager
      .getRepository(VictimEntity)
      .createQueryBuilder('victim')
      .where('victim.id = :id', { id })
      .andWhere(visibility.sql, visibility.params)
      .setLock('pessimistic_write', undefined, ['victim'])
      .getOne();
    if (!victim) throw VictimException.notFound(id);
    this.requireOwner(actor, victim);
    if (expectedVersion !== undefined && expectedVersion !== victim.version) {
      throw new VictimException(
        VictimErrorReason.VICTIM_VERSION_CONFLICT,
        `${victim.code} was changed by someone else (now version ${victim.version}); reload and try again.`,
        'expectedVersion',
      );
    }
    return victim;
  }

  /** The owner sees every consent of the person; a recipient agency sees its own. */
  async consents(actor: Actor, victim: VictimEntity): Promise<ConsentEntity[]> {
    const query = this.dataSource
      .getRepository(ConsentEntity)
      .createQueryBuilder('consent')
      .where('consent.victim_id = :victimId', { victimId: victim.id })
      .orderBy('consent.created_at', 'ASC');
    if (!this.access.actsForVictimOwner(actor, victim)) {
      query.andWhere('consent.recipient_agency_id = :agencyId', { agencyId: actor.agencyId });
    }
    return query.getMany();
  }

  async history(
    manager: EntityManager,
    actor: Actor,
    victimId: string,
    kind: VictimEventKind,
    details: Record<string, unknown>,
  ): Promise<void> {
    await manager.insert(VictimEventEntity, {
      victimId,
      actorUserId: actor.userId,
      actingAgencyId: actor.agencyId,
      kind,
      details: details as VictimEventEntity['details'] & object,
    });
  }

  async historyOf(victimId: string): Promise<VictimEventEntity[]> {
    return this.dataSource.getRepository(VictimEventEntity).find({ where: { victimId }, order: { occurredAt: 'ASC' } });
  }

  /** The person's case, when the actor may see it (else empty: seeing a victim does not open the case). */
  async caseOf(actor: Actor, victim: VictimEntity): Promise<CaseEntity | null> {
    if (!victim.caseId) return null;
    const visibility = this.access.caseVisibility(actor, 'kase');
    return this.dataSource
      .getRepository(CaseEntity)
      .createQueryBuilder('kase')
      .where('kase.id = :caseId', { caseId: victim.caseId })
      .andWhere(visibility.sql, visibility.params)
      .getOne();
  }

  /** Possible duplicates a secretariat is asked to reconcile: flags on records it may see. */
  async possibleDuplicates(actor: Actor): Promise<DuplicateFlagEntity[]> {
    const visibility = this.access.victimVisibility(actor, 'victim');
    return this.dataSource
      .getRepository(DuplicateFlagEntity)
      .createQueryBuilder('flag')
      .innerJoin(VictimEntity, 'victim', 'victim.id = flag.existing_victim_id')
      .where(visibility.sql, visibility.params)
      .andWhere('flag.status = :open', { open: DuplicateFlagStatus.OPEN })
      .orderBy('flag.created_at', 'ASC')
      .getMany();
  }

  /** The secretariat closes a flag it can see (on a record it may see), with how it was reconciled. */
  async resolvePossibleDuplicate(actor: Actor, input: ResolvePossibleDuplicateInput): Promise<DuplicateFlagEntity> {
    return this.dataSource.transaction(async (manager) => {
      const visibility = this.access.victimVisibility(actor, 'victim');
      const flag = await manager
        .getRepository(DuplicateFlagEntity)
        .createQueryBuilder('flag')
        .innerJoin(VictimEntity, 'victim', 'victim.id = flag.existing_victim_id')
        .where('flag.id = :id', { id: input.id })
        .andWhere(visibility.sql, visibility.params)
        .setLock('pessimistic_write', undefined, ['flag'])
        .getOne();
      if (!flag)
        throw new VictimException(VictimErrorReason.VICTIM_NOT_FOUND, `Possible duplicate ${input.id} was not found.`);
      if (flag.status === DuplicateFlagStatus.RESOLVED) {
        throw new VictimException(
          VictimErrorReason.ILLEGAL_TRANSITION,
          `Possible duplicate ${flag.id} was resolved already.`,
        );
      }
      flag.status = DuplicateFlagStatus.RESOLVED;
      await manager.save(flag);
      await this.history(manager, actor, flag.existingVictimId, VictimEventKind.DUPLICATE_RESOLVED, {
        flagId: flag.id,
        reportingAgencyId: flag.reportingAgencyId,
        note: input.note,
      });
      await this.audit.record(manager, actor, {
        operation: 'resolvePossibleDuplicate',
        targetType: 'Victim',
        targetId: flag.existingVictimId,
        changes: { status: { before: DuplicateFlagStatus.OPEN, after: DuplicateFlagStatus.RESOLVED } },
      });
      return flag;
    });
  }

  private requireOwner(actor: Actor, victim: VictimEntity): void {
    if (!this.access.actsForVictimOwner(actor, victim)) {
      throw new VictimException(
        VictimErrorReason.NOT_OWNER,
        `Only the owning agency's officers may do this for ${victim.code}.`,
      );
    }
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

  private async documentMatch(
    passportIndex: string | null,
    nationalIdIndex: string | null,
  ): Promise<DocumentMatch | null> {
    if (!passportIndex && !nationalIdIndex) return null;
    const rows: { id: string; code: string; passport_index: string | null }[] = await this.dataSource.query(
      `SELECT id, code, passport_index FROM victim WHERE passport_index = $1 OR national_id_index = $2 LIMIT 1`,
      [passportIndex, nationalIdIndex],
    );
    if (rows.length === 0) return null;
    const [row] = rows;
    return {
      id: row.id,
      code: row.code,
      matchedOn:
        passportIndex && row.passport_index === passportIndex ? DuplicateMatch.PASSPORT : DuplicateMatch.NATIONAL_ID,
    };
  }

  /**
   * One person, one record. A caller who may see the existing record is pointed to it; anyone else learns
   * only that the document is registered, and the unit secretariat gets a flag to reconcile the two agencies.
   */
  private async refuseDuplicate(actor: Actor, match: DocumentMatch): Promise<never> {
    const document = match.matchedOn === DuplicateMatch.PASSPORT ? 'passport number' : 'NIK';
    const field = match.matchedOn === DuplicateMatch.PASSPORT ? 'identity.passportNumber' : 'identity.nationalIdNumber';
    const visible = await this.victim(actor, match.id).then(
      () => true,
      () => false,
    );
    if (visible) {
      throw new VictimException(
        VictimErrorReason.DUPLICATE_VICTIM,
        `A person with this ${document} is already registered as ${match.code} (id ${match.id}); use that record.`,
        field,
      );
    }
    await this.dataSource.transaction(async (manager) => {
      const flag = await manager.save(
        manager.create(DuplicateFlagEntity, {
          existingVictimId: match.id,
          reportingAgencyId: actor.agencyId,
          reportedByUserId: actor.userId,
          matchedOn: match.matchedOn,
          status: DuplicateFlagStatus.OPEN,
        }),
      );
      await this.history(manager, actor, match.id, VictimEventKind.DUPLICATE_REPORTED, {
        flagId: flag.id,
        reportingAgencyId: actor.agencyId,
        matchedOn: match.matchedOn,
      });
      await this.audit.record(manager, actor, {
        operation: 'reportPossibleDuplicate',
        targetType: 'Victim',
        targetId: match.id,
        changes: { matchedOn: { before: null, after: match.matchedOn } },
      });
      await recordEvents(manager, [
        {
          topic: 'victim.possible-duplicate',
          aggregateType: 'Victim',
          aggregateId: match.id,
          payload: { flagId: flag.id, victimId: match.id, victimCode: match.code, reportingAgencyId: actor.agencyId },
        },
      ]);
    });
    throw new VictimException(
      VictimErrorReason.POSSIBLE_DUPLICATE,
      `A person with this ${document} is already registered by another agency, so no second record was made. The task-force secretariat has been asked to reconcile the two; the owning agency can then share the record with yours.`,
      field,
    );
  }

  /**
   * A similar name with the same date of birth and region of origin: the officer must confirm it is another
   * person (confirmedDistinct). Candidates are found by a blind index and compared inside this process;
   * only codes the caller may see are named.
   */
  private async refuseCloseMatch(
    actor: Actor,
    identity: VictimIdentity,
    birthOriginIndex: string | null,
  ): Promise<void> {
    if (!birthOriginIndex) return;
    const candidates = await this.dataSource
      .getRepository(VictimEntity)
      .find({ where: { birthOriginIndex }, select: ['id', 'code', 'identitySealed'] });
    const close = candidates.filter(
      (candidate) => nameSimilarity(this.vault.open(candidate).fullName, identity.fullName) >= CLOSE_MATCH_THRESHOLD,
    );
    if (close.length === 0) return;
    const visible: string[] = [];
    for (const candidate of close) {
      if (
        await this.victim(actor, candidate.id).then(
          () => true,
          () => false,
        )
      )
        visible.push(candidate.code);
    }
    const which = visible.length > 0 ? ` (${visible.join(', ')})` : ' (in a record of another agency)';
    throw new VictimException(
      VictimErrorReason.CLOSE_MATCH,
      `A person with a similar name, the same date of birth and the same region of origin is already registered${which}. If this is a different person, send the registration again with confirmedDistinct: true.`,
      'confirmedDistinct',
    );
  }
}
