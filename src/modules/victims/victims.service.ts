import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { Actor } from '@app/auth/actor';
import { Connection } from '@app/graphql/pagination';
import { CaseEntity } from '@app/modules/cases/case.entity';

import { ChangeProtectionStatus } from './commands/change-protection-status';
import { RecordConsent } from './commands/record-consent';
import { RecordConsentForGroup } from './commands/record-consent-for-group';
import { RecordIdentificationDecision } from './commands/record-identification-decision';
import { RecordServiceDelivered } from './commands/record-service-delivered';
import { RegisterVictim } from './commands/register-victim';
import { RegisterVictimGroup } from './commands/register-victim-group';
import { ResolvePossibleDuplicate } from './commands/resolve-possible-duplicate';
import { RevokeConsent } from './commands/revoke-consent';
import { ConsentEntity } from './consent.entity';
import {
  ChangeProtectionStatusInput,
  RecordConsentInput,
  RecordIdentificationDecisionInput,
  RecordServiceDeliveredInput,
  RegisterVictimInput,
  ResolvePossibleDuplicateInput,
  RevokeConsentInput,
  VictimsArgs,
} from './dto/victim.inputs';
import {
  ConsentGroupRecording,
  RecordConsentForGroupInput,
  RegisterVictimGroupInput,
  VictimGroupRegistration,
} from './dto/victim-group.inputs';
import { DuplicateFlagEntity } from './duplicate-flag.entity';
import { IdentityDisclosureService } from './identity-disclosure.service';
import { CaseOfVictim } from './queries/case-of-victim';
import { ConsentInForce, FindConsentInForce } from './queries/consent-in-force';
import { FindVictims } from './queries/find-victims';
import { PossibleDuplicates } from './queries/possible-duplicates';
import { VictimConsents } from './queries/victim-consents';
import { VictimHistory } from './queries/victim-history';
import { VictimServices } from './queries/victim-services';
import { VictimEventEntity, VictimEventKind } from './victim-event.entity';
import { recordPersonWork, recordVictimEvent } from './victim-history';
import { VictimIdentity } from './victim-identity';
import { VictimServiceEntity } from './victim-service.entity';
import { VictimEntity } from './victim.entity';
import { ConsentPurpose, ProtectionStatus } from './victim.enums';

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
    private readonly groupRegistration: RegisterVictimGroup,
    private readonly groupConsent: RecordConsentForGroup,
    private readonly serviceRecording: RecordServiceDelivered,
    private readonly serviceList: VictimServices,
  ) {}

  registerVictimGroup(actor: Actor, input: RegisterVictimGroupInput): Promise<VictimGroupRegistration> {
    return this.groupRegistration.execute(actor, input);
  }

  recordConsentForGroup(actor: Actor, input: RecordConsentForGroupInput): Promise<ConsentGroupRecording> {
    return this.groupConsent.execute(actor, input);
  }

  recordServiceDelivered(actor: Actor, input: RecordServiceDeliveredInput): Promise<VictimServiceEntity> {
    return this.serviceRecording.execute(actor, input);
  }

  /** Services delivered to many people (for DataLoader; the people are visible to the reader already). */
  servicesOf(victimIds: readonly string[]): Promise<Map<string, VictimServiceEntity[]>> {
    return this.serviceList.of(victimIds);
  }

  /** The people of many cases, as far as the actor may see them (Case.victims). */
  victimsOfCases(actor: Actor, caseIds: readonly string[]): Promise<Map<string, VictimEntity[]>> {
    return this.records.ofCases(actor, caseIds);
  }

  /**
   * Whether `text` names one of a case's people (name, passport or NIK), for comments that must hold codes only.
   * Nothing is disclosed: the answer is yes or no, about text the caller wrote.
   */
  async textNamesPersonOfCase(caseId: string, text: string): Promise<boolean> {
    return this.disclosure.textNamesAnyone(await this.records.allOfCase(caseId), text);
  }

  /**
   * Of `ids`, the people the actor may record work for (a referral, a linked task): the owning agency's officers,
   * and those of an agency taking part in the person's case.
   */
  workableIds(manager: EntityManager, actor: Actor, ids: readonly string[]): Promise<string[]> {
    return this.records.workableIds(manager, actor, ids);
  }

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

  /**
   * A protection-track step caused by another module's work for the person (arrival home, a follow-up outcome), in
   * the caller's transaction; false when the track does not allow it from where the person stands (left out).
   */
  stepProtectionTrackWithin(
    manager: EntityManager,
    actor: Actor,
    victimId: string,
    to: ProtectionStatus,
    occurredOn: string,
    reason: string | null,
  ): Promise<boolean> {
    return this.protectionStep.within(manager, actor, victimId, to, occurredOn, reason);
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

  /**
   * Records work another module did for the person (a referral proposed), in the caller's transaction: in the
   * person's history and, when the person belongs to a case, in the case's.
   */
  async recordWork(
    manager: EntityManager,
    actor: Actor,
    victimId: string,
    kind: VictimEventKind,
    details: Record<string, unknown>,
  ): Promise<void> {
    const victim = await manager.findOneOrFail(VictimEntity, {
      where: { id: victimId },
      select: ['id', 'code', 'caseId'],
    });
    await recordPersonWork(manager, actor, victim, kind, details);
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
