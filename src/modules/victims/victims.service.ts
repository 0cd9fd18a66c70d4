import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { Actor } from '@app/auth/actor';
import { Connection } from '@app/graphql/pagination';
import { CaseEntity } from '@app/modules/cases/case.entity';

import { ChangeProtectionStatus } from './commands/change-protection-status';
import { RecordConsent } from './commands/record-consent';
import { RecordIdentificationDecision } from './commands/record-identification-decision';
import { RegisterVictim } from './commands/register-victim';
import { ResolvePossibleDuplicate } from './commands/resolve-possible-duplicate';
import { RevokeConsent } from './commands/revoke-consent';
import { ConsentEntity } from './consent.entity';
import {
  ChangeProtectionStatusInput,
  RecordConsentInput,
  RecordIdentificationDecisionInput,
  RegisterVictimInput,
  ResolvePossibleDuplicateInput,
  RevokeConsentInput,
  VictimsArgs,
} from './dto/victim.inputs';
import { DuplicateFlagEntity } from './duplicate-flag.entity';
import { IdentityDisclosureService } from './identity-disclosure.service';
import { CaseOfVictim } from './queries/case-of-victim';
import { ConsentInForce, FindConsentInForce } from './queries/consent-in-force';
import { FindVictims } from './queries/find-victims';
import { PossibleDuplicates } from './queries/possible-duplicates';
import { VictimConsents } from './queries/victim-consents';
import { VictimHistory } from './queries/victim-history';
import { VictimEventEntity, VictimEventKind } from './victim-event.entity';
import { recordVictimEvent } from './victim-history';
import { VictimIdentity } from './victim-identity';
import { VictimEntity } from './victim.entity';
import { ConsentPurpose } from './victim.enums';

/**
 * The victim register's public face: the resolver and other modules call these methods; each one is a use case
 * in `commands/` or `queries/` (one per file), and identity openings go through IdentityDisclosureService.
 */
@Injectable()
export class VictimsService {
  constructor(
    private readonly registration: RegisterVictim,
    private readonly consentRecording: RecordConsent,
    private readonly consentRevocation: RevokeConsent,
    private readonly protectionStep: ChangeProtectionStatus,
    private readonly identificationDecision: RecordIdentificationDecision,
    private readonly duplicateResolution: ResolvePossibleDuplicate,
    private readonly records: FindVictims,
    private readonly caseQuery: CaseOfVictim,
    private readonly consentList: VictimConsents,
    private readonly consentLookup: FindConsentInForce,
    private readonly historyQuery: VictimHistory,
    private readonly duplicateList: PossibleDuplicates,
    private readonly disclosure: IdentityDisclosureService,
  ) {}

  registerVictim(actor: Actor, input: RegisterVictimInput): Promise<VictimEntity> {
    return this.registration.execute(actor, input);
  }

  /** One record the actor may see (others answer NOT_FOUND). */
  victim(actor: Actor, id: string): Promise<VictimEntity> {
    return this.records.one(actor, id);
  }

  victims(actor: Actor, args: VictimsArgs): Promise<Connection<VictimEntity>> {
    return this.records.list(actor, args);
  }

  /** Whether the actor may see the identity of this record now (consent is read fresh on every request). */
  canSeeIdentity(actor: Actor, victimId: string): Promise<boolean> {
    return this.disclosure.canSeeIdentity(actor, victimId);
  }

  /** The identity for an entitled actor (audited), null for anyone else. */
  identity(actor: Actor, victim: VictimEntity): Promise<VictimIdentity | null> {
    return this.disclosure.identity(actor, victim);
  }

  recordConsent(actor: Actor, input: RecordConsentInput): Promise<ConsentEntity> {
    return this.consentRecording.execute(actor, input);
  }

  revokeConsent(actor: Actor, input: RevokeConsentInput): Promise<ConsentEntity> {
    return this.consentRevocation.execute(actor, input);
  }

  /**
   * For referrals: the newest consent in force for this person, recipient agency and any of these purposes,
   * locked FOR SHARE in the caller's transaction (a concurrent revocation waits for it); null when none.
   */
  consentInForce(
    manager: EntityManager,
    spec: { victimId: string; recipientAgencyId: string; purposes: ConsentPurpose[] },
  ): Promise<ConsentInForce | null> {
    return this.consentLookup.execute(manager, spec);
  }

  changeProtectionStatus(actor: Actor, input: ChangeProtectionStatusInput): Promise<VictimEntity> {
    return this.protectionStep.execute(actor, input);
  }

  recordIdentificationDecision(actor: Actor, input: RecordIdentificationDecisionInput): Promise<VictimEntity> {
    return this.identificationDecision.execute(actor, input);
  }

  /** The owner sees every consent of the person; a recipient agency sees its own. */
  consents(actor: Actor, victim: VictimEntity): Promise<ConsentEntity[]> {
    return this.consentList.execute(actor, victim);
  }

  /** Appends to a record's history in the caller's transaction. */
  history(
    manager: EntityManager,
    actor: Actor,
    victimId: string,
    kind: VictimEventKind,
    details: Record<string, unknown>,
  ): Promise<void> {
    return recordVictimEvent(manager, actor, victimId, kind, details);
  }

  /** Every entry of a record's history, unfiltered (for the owning agency's side; readers get historyFor). */
  historyOf(victimId: string): Promise<VictimEventEntity[]> {
    return this.historyQuery.all(victimId);
  }

  /** The history as the actor may read it: non-owners see no consent entries about other agencies. */
  historyFor(actor: Actor, victim: VictimEntity): Promise<VictimEventEntity[]> {
    return this.historyQuery.visibleTo(actor, victim);
  }

  /** The person's case, when the actor may see it. */
  caseOf(actor: Actor, victim: VictimEntity): Promise<CaseEntity | null> {
    return this.caseQuery.execute(actor, victim);
  }

  possibleDuplicates(actor: Actor): Promise<DuplicateFlagEntity[]> {
    return this.duplicateList.execute(actor);
  }

  resolvePossibleDuplicate(actor: Actor, input: ResolvePossibleDuplicateInput): Promise<DuplicateFlagEntity> {
    return this.duplicateResolution.execute(actor, input);
  }

  /** The person's pseudonymous code, for events about work concerning them. */
  codeOf(manager: EntityManager, victimId: string): Promise<string> {
    return this.records.codeOf(manager, victimId);
  }

  /** Of `ids`, those the actor may see. */
  visibleIds(manager: EntityManager, actor: Actor, ids: readonly string[]): Promise<string[]> {
    return this.records.visibleIds(manager, actor, ids);
  }

  /** The people a work item concerns, by id, ordered by code (identity only through IdentityDisclosureService). */
  linkedTo(ids: readonly string[]): Promise<VictimEntity[]> {
    return this.records.linkedTo(ids);
  }
}
