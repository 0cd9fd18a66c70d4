import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { AccessService } from '@app/auth/access.service';
import { Actor } from '@app/auth/actor';
import { AuditService } from '@app/modules/audit/audit.service';
import { recordEvents } from '@app/queue/outbox';

import { DuplicateFlagEntity } from '../duplicate-flag.entity';
import { SealedIdentity } from '../identity-vault';
import { IdentityDisclosureService } from '../identity-disclosure.service';
import { VictimEntity } from '../victim.entity';
import { DuplicateFlagStatus, DuplicateMatch } from '../victim.enums';
import { VictimErrorReason, VictimException } from '../victim.exception';

/** Advisory lock class of registrations (pg_advisory_xact_lock(class, key)); the key comes from a blind index. */
const REGISTRATION_LOCK_CLASS = 0x56435401;

/** Records already in the register that a new registration matches, split by what the caller may see. */
export interface RegistrationMatches {
  /** A record the caller may see with the same passport or NIK. */
  visibleDocument: { id: string; code: string; matchedOn: DuplicateMatch } | null;
  /** Codes of records the caller may see with a similar name, the same date of birth and the same origin. */
  visibleClose: string[];
  /** Records the caller may not see that match: only the secretariat hears of them. */
  hidden: { id: string; matchedOn: DuplicateMatch }[];
}

type Candidate = {
  id: string;
  code: string;
  identitySealed: string;
  passportIndex: string | null;
  nationalIdIndex: string | null;
  visible: boolean;
};

/**
 * The duplicate rules of registration, in the registering transaction.
 *
 * A match the caller may see is refused (DUPLICATE_VICTIM pointing to the record, or CLOSE_MATCH naming it until
 * the officer confirms another person). A match the caller may NOT see must not answer differently from a fresh
 * registration, or any case officer could test whether a passport, NIK or name is on the register: the caller's
 * registration goes through exactly as if nothing matched (same response, same history, same events), and a
 * PossibleDuplicate flag linking the two records goes to the unit secretariat. Nothing is written on the hidden
 * record, whose owner did nothing. The person is then in two records, but never without the secretariat seeing
 * it; it reconciles them (consent for the second agency, one record retired).
 */
@Injectable()
export class RegistrationMatchRules {
  constructor(
    private readonly access: AccessService,
    private readonly disclosure: IdentityDisclosureService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Serialises registrations that share a blind index until the caller's transaction ends, so two agencies
   * registering the same person at the same moment cannot both miss each other: the second one waits, then sees
   * the first (as a visible duplicate, or as a hidden one and a flag). A group takes every row's keys at once.
   */
  async serialise(manager: EntityManager, records: readonly Omit<SealedIdentity, 'identitySealed'>[]): Promise<void> {
    const keys = records
      .flatMap((sealed) => [sealed.passportIndex, sealed.nationalIdIndex, sealed.birthOriginIndex])
      .filter((index): index is string => index !== null)
      .map((index) => Number.parseInt(index.slice(0, 8), 16) | 0);
    // Always in the same order, so two registrations waiting on each other's keys cannot deadlock.
    for (const key of [...new Set(keys)].sort((a, b) => a - b)) {
      await manager.query('SELECT pg_advisory_xact_lock($1, $2)', [REGISTRATION_LOCK_CLASS, key]);
    }
  }

  /** Every record with the same passport or NIK, or a close name with the same birth date and origin. */
  async find(
    manager: EntityManager,
    actor: Actor,
    fullName: string,
    sealed: Omit<SealedIdentity, 'identitySealed'>,
  ): Promise<RegistrationMatches> {
    const matches: RegistrationMatches = { visibleDocument: null, visibleClose: [], hidden: [] };
    const { passportIndex, nationalIdIndex, birthOriginIndex } = sealed;
    if (!passportIndex && !nationalIdIndex && !birthOriginIndex) return matches;
    const visibility = this.access.victimVisibility(actor, 'victim');
    const rows: Record<string, unknown>[] = await manager
      .createQueryBuilder()
      .select(['victim.id AS id', 'victim.code AS code', 'victim.identity_sealed AS "identitySealed"'])
      .addSelect(['victim.passport_index AS "passportIndex"', 'victim.national_id_index AS "nationalIdIndex"'])
      .addSelect(`(${visibility.sql})`, 'visible')
      .from(VictimEntity, 'victim')
      .where(
        '(victim.passport_index = :passportIndex OR victim.national_id_index = :nationalIdIndex OR victim.birth_origin_index = :birthOriginIndex)',
        { passportIndex, nationalIdIndex, birthOriginIndex },
      )
      .setParameters(visibility.params)
      .orderBy('victim.created_at', 'ASC')
      .getRawMany();
    const candidates = rows as Candidate[];
    const documentKind = (row: Candidate): DuplicateMatch | null =>
      passportIndex && row.passportIndex === passportIndex
        ? DuplicateMatch.PASSPORT
        : nationalIdIndex && row.nationalIdIndex === nationalIdIndex
          ? DuplicateMatch.NATIONAL_ID
          : null;
    const close = new Set(
      this.disclosure
        .closeNameMatches(
          candidates.filter((row) => documentKind(row) === null),
          fullName,
        )
        .map((row) => row.id),
    );
    for (const row of candidates) {
      const matchedOn = documentKind(row) ?? (close.has(row.id) ? DuplicateMatch.CLOSE_MATCH : null);
      if (matchedOn === null) continue;
      if (!row.visible) matches.hidden.push({ id: row.id, matchedOn });
      else if (matchedOn === DuplicateMatch.CLOSE_MATCH) matches.visibleClose.push(row.code);
      else matches.visibleDocument ??= { id: row.id, code: row.code, matchedOn };
    }
    return matches;
  }

  /** Refuses a registration that matches a record the caller may see (and only then). */
  refuseVisible(matches: RegistrationMatches, confirmedDistinct: boolean): void {
    const problem = this.visibleProblem(matches, confirmedDistinct);
    if (problem) throw problem;
  }

  /** The refusal for a registration matching a record the caller may see, or null; `prefix` names a group's row. */
  visibleProblem(matches: RegistrationMatches, confirmedDistinct: boolean, prefix = ''): VictimException | null {
    const lead = prefix ? `${prefix.replace(/\.$/, '')}: ` : '';
    const existing = matches.visibleDocument;
    if (existing) {
      const passport = existing.matchedOn === DuplicateMatch.PASSPORT;
      return new VictimException(
        VictimErrorReason.DUPLICATE_VICTIM,
        `${lead}A person with this ${passport ? 'passport number' : 'NIK'} is already registered as ${existing.code} (id ${existing.id}); use that record.`,
        `${prefix}${passport ? 'identity.passportNumber' : 'identity.nationalIdNumber'}`,
      );
    }
    if (matches.visibleClose.length > 0 && !confirmedDistinct) {
      return new VictimException(
        VictimErrorReason.CLOSE_MATCH,
        `${lead}A person with a similar name, the same date of birth and the same region of origin is already registered (${matches.visibleClose.join(', ')}). If this is a different person, send the registration again with confirmedDistinct: true.`,
        `${prefix}confirmedDistinct`,
      );
    }
    return null;
  }

  /** Queues each hidden match to the secretariat, linked to the record just registered; nothing else is written. */
  async flagHidden(manager: EntityManager, actor: Actor, registered: VictimEntity, matches: RegistrationMatches) {
    for (const match of matches.hidden) {
      const flag = await manager.save(
        manager.create(DuplicateFlagEntity, {
          existingVictimId: match.id,
          newVictimId: registered.id,
          reportingAgencyId: actor.agencyId,
          reportedByUserId: actor.userId,
          matchedOn: match.matchedOn,
          status: DuplicateFlagStatus.OPEN,
          resolvedAt: null,
          resolvedByUserId: null,
          resolutionNote: null,
        }),
      );
      await this.audit.record(manager, actor, {
        operation: 'reportPossibleDuplicate',
        targetType: 'PossibleDuplicate',
        targetId: flag.id,
        changes: {
          matchedOn: { before: null, after: match.matchedOn },
          newVictimId: { before: null, after: registered.id },
        },
      });
      await recordEvents(manager, [
        {
          topic: 'victim.possible-duplicate',
          aggregateType: 'PossibleDuplicate',
          aggregateId: flag.id,
          payload: {
            flagId: flag.id,
            victimId: registered.id,
            existingVictimId: match.id,
            reportingAgencyId: actor.agencyId,
            matchedOn: match.matchedOn,
          },
        },
      ]);
    }
  }
}
