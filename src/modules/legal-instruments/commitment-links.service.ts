import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { Clock } from '@app/kernel/clock';

import { AgreementCommitmentEntity } from './agreement-commitment.entity';
import { LegalInstrumentEntity } from './legal-instrument.entity';

/**
 * What other modules need of agreements when their work links to one (tasks and cross-border requests under a
 * commitment): whether the commitment exists, whether an instrument binds a country, and recording that linked
 * work moved. Everything runs in the caller's transaction.
 */
@Injectable()
export class CommitmentLinksService {
  constructor(private readonly clock: Clock) {}

  commitmentExists(manager: EntityManager, commitmentId: string): Promise<boolean> {
    return manager.existsBy(AgreementCommitmentEntity, { id: commitmentId });
  }

  /** The instrument, whether one of its parties is an agency of `country`, and its commitment `commitmentId` if any. */
  async legalBasis(
    manager: EntityManager,
    instrumentId: string,
    country: string,
    commitmentId?: string,
  ): Promise<{
    instrument: LegalInstrumentEntity;
    binds: boolean;
    commitment: AgreementCommitmentEntity | null;
  } | null> {
    const instrument = await manager.findOneBy(LegalInstrumentEntity, { id: instrumentId });
    if (!instrument) return null;
    const binds: unknown[] = await manager.query(
      `SELECT 1 FROM legal_instrument_party p JOIN agency a ON a.id = p.agency_id WHERE p.instrument_id = $1 AND a.country = $2 LIMIT 1`,
      [instrumentId, country],
    );
    const commitment = commitmentId
      ? await manager.findOneBy(AgreementCommitmentEntity, { id: commitmentId, instrumentId })
      : null;
    return { instrument, binds: binds.length > 0, commitment };
  }

  /**
   * Something linked to the commitment moved (a task, a cross-border request): its last activity becomes now, and a
   * STALLED commitment is ACTIVE again.
   */
  async recordActivity(manager: EntityManager, commitmentId: string): Promise<void> {
    await manager.query(
      `UPDATE agreement_commitment
       SET last_activity_at = GREATEST(COALESCE(last_activity_at, $2), $2),
           status = CASE WHEN status = 'STALLED' THEN 'ACTIVE'::commitment_status ELSE status END
       WHERE id = $1`,
      [commitmentId, this.clock.now()],
    );
  }
}
