import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { AccessService } from '@app/auth/access.service';
import { Actor, hasRole } from '@app/auth/actor';
import { AuditService } from '@app/modules/audit/audit.service';
import { Role } from '@app/kernel/role.enum';

import { ConsentEntity } from './consent.entity';
import { IdentityVault } from './identity-vault';
import { CLOSE_MATCH_THRESHOLD, mentionsIdentity, nameSimilarity, VictimIdentity } from './victim-identity';
import { ConsentPurpose } from './victim.enums';

/** A sealed record as the vault needs it. */
type Sealed = { id: string; identitySealed: string };

/** What a cross-border request tells the disclosure rule for its counterpart. */
export interface CounterpartRequest {
  /** The agency the request is addressed to (its own accounts are the counterpart). */
  counterpartAgencyId: string;
  /** The consent purpose the request's category serves; null when no category justifies an identity. */
  purpose: ConsentPurpose | null;
  /** The request's reference (CBR-000042), recorded in the audit entry of each opening. */
  reference: string;
}

/**
 * The one place that opens a victim's identity (the only caller of IdentityVault.open). It decides every
 * opening and writes its audit entry (`readVictimIdentity`: who, acting for which agency, which record, in which
 * request) before the value is returned. Other modules ask here; none reads consent or the vault itself.
 */
@Injectable()
export class IdentityDisclosureService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly vault: IdentityVault,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Whether the actor may see the identity of this record now: the owning agency's officers, and a provider
   * holding an open referral whose consent is in force (AccessService.victimIdentityVisibility). Read fresh on
   * every request, so a revocation counts at once.
   */
  async canSeeIdentity(actor: Actor, victimId: string): Promise<boolean> {
    const rule = this.access.victimIdentityVisibility(actor, 'victim');
    const found = await this.dataSource
      .createQueryBuilder()
      .select('victim.id')
      .from('victim', 'victim')
      .where('victim.id = :victimId', { victimId })
      .andWhere(rule.sql, rule.params)
      .getRawOne();
    return found !== undefined;
  }

  /** The identity under the owner and referral rule, audited; null (and nothing written) for anyone else. */
  async identity(actor: Actor, victim: Sealed): Promise<VictimIdentity | null> {
    if (!(await this.canSeeIdentity(actor, victim.id))) return null;
    await this.audit.record(this.dataSource.manager, actor, {
      operation: 'readVictimIdentity',
      targetType: 'Victim',
      targetId: victim.id,
    });
    return this.vault.open(victim);
  }

  /**
   * The identity of a person linked to a cross-border request, for the counterpart's own accounts: only with
   * consent in force for the counterpart agency and the purpose the request serves (DOMAIN.md section 9), and
   * audited with the request it was opened through. Null (and nothing written) for anyone else. The caller has
   * already established that the actor may see the request and that the person is linked to it.
   */
  async counterpartIdentity(actor: Actor, victim: Sealed, request: CounterpartRequest): Promise<VictimIdentity | null> {
    const purpose = request.purpose;
    if (purpose === null || !hasRole(actor, Role.COUNTERPART) || actor.agencyId !== request.counterpartAgencyId) {
      return null;
    }
    const consented = await this.dataSource
      .getRepository(ConsentEntity)
      .createQueryBuilder('consent')
      .select('consent.id')
      .where('consent.victim_id = :victimId AND consent.recipient_agency_id = :agencyId', {
        victimId: victim.id,
        agencyId: actor.agencyId,
      })
      .andWhere('consent.purpose = :purpose AND consent.revoked_at IS NULL', { purpose })
      .getOne();
    if (!consented) return null;
    await this.audit.record(this.dataSource.manager, actor, {
      operation: 'readVictimIdentity',
      targetType: 'Victim',
      targetId: victim.id,
      changes: { via: { before: null, after: `cross-border request ${request.reference}` } },
    });
    return this.vault.open(victim);
  }

  /**
   * Whether `text` names any of these people (full name, passport or NIK): for notes and comments that must refer to
   * people by code. The identities are compared inside this process and never returned, shown or logged, so these
   * openings disclose nothing and are not audited as reads.
   */
  textNamesAnyone(victims: Sealed[], text: string): boolean {
    return victims.some((victim) => mentionsIdentity(this.vault.open(victim), text));
  }

  /**
   * The person's date of birth, to check an event date against it, when the actor may see the identity anyway
   * (else null: the caller falls back on the age band, which everyone who sees the record reads). The value is
   * compared, never returned to the client, so this is not audited as a read.
   */
  async dateOfBirthIfEntitled(actor: Actor, victim: Sealed): Promise<string | null> {
    if (!(await this.canSeeIdentity(actor, victim.id))) return null;
    return this.vault.open(victim).dateOfBirth;
  }

  /**
   * The candidates whose full name is close to `fullName` (duplicate detection at registration). The names are
   * compared inside this process and never returned or shown to anyone, so these openings disclose nothing and
   * are not audited as reads.
   */
  closeNameMatches<T extends Sealed>(candidates: T[], fullName: string): T[] {
    return candidates.filter(
      (candidate) => nameSimilarity(this.vault.open(candidate).fullName, fullName) >= CLOSE_MATCH_THRESHOLD,
    );
  }
}
