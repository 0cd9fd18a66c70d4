import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { Actor } from '@app/auth/actor';
import { AuditService } from '@app/modules/audit/audit.service';
import { recordEvents } from '@app/queue/outbox';

import { DuplicateFlagEntity } from '../duplicate-flag.entity';
import { IdentityDisclosureService } from '../identity-disclosure.service';
import { FindVictims } from '../queries/find-victims';
import { VictimEventKind } from '../victim-event.entity';
import { recordVictimEvent } from '../victim-history';
import { VictimIdentity } from '../victim-identity';
import { VictimEntity } from '../victim.entity';
import { DuplicateFlagStatus, DuplicateMatch } from '../victim.enums';
import { VictimErrorReason, VictimException } from '../victim.exception';

export interface DocumentMatch {
  id: string;
  code: string;
  matchedOn: DuplicateMatch;
}

/** The duplicate rules of registration: the same passport or NIK, and a close name with the same birth and origin. */
@Injectable()
export class RegistrationDuplicates {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly victims: FindVictims,
    private readonly disclosure: IdentityDisclosureService,
    private readonly audit: AuditService,
  ) {}

  async documentMatch(passportIndex: string | null, nationalIdIndex: string | null): Promise<DocumentMatch | null> {
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
  async refuseDuplicate(actor: Actor, match: DocumentMatch): Promise<never> {
    const document = match.matchedOn === DuplicateMatch.PASSPORT ? 'passport number' : 'NIK';
    const field = match.matchedOn === DuplicateMatch.PASSPORT ? 'identity.passportNumber' : 'identity.nationalIdNumber';
    const visible = await this.isVisible(actor, match.id);
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
      await recordVictimEvent(manager, actor, match.id, VictimEventKind.DUPLICATE_REPORTED, {
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
  async refuseCloseMatch(actor: Actor, identity: VictimIdentity, birthOriginIndex: string | null): Promise<void> {
    if (!birthOriginIndex) return;
    const candidates = await this.dataSource
      .getRepository(VictimEntity)
      .find({ where: { birthOriginIndex }, select: ['id', 'code', 'identitySealed'] });
    const close = this.disclosure.closeNameMatches(candidates, identity.fullName);
    if (close.length === 0) return;
    const visible: string[] = [];
    for (const candidate of close) {
      if (await this.isVisible(actor, candidate.id)) visible.push(candidate.code);
    }
    const which = visible.length > 0 ? ` (${visible.join(', ')})` : ' (in a record of another agency)';
    throw new VictimException(
      VictimErrorReason.CLOSE_MATCH,
      `A person with a similar name, the same date of birth and the same region of origin is already registered${which}. If this is a different person, send the registration again with confirmedDistinct: true.`,
      'confirmedDistinct',
    );
  }

  private isVisible(actor: Actor, id: string): Promise<boolean> {
    return this.victims.one(actor, id).then(
      () => true,
      () => false,
    );
  }
}
