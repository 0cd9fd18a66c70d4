import { EntityManager } from 'typeorm';

import { StalledCommitmentItem } from '../digest-content';
import { hasAudience, Scope } from './digest-scope';

/** Commitments that stalled: the agency's own, or every one for a secretariat. Oldest activity first. */
export async function readStalledCommitments(manager: EntityManager, scope: Scope): Promise<StalledCommitmentItem[]> {
  const rows: { code: string; instrumentCode: string; ownerAgency: string | null; lastActivityAt: Date | null }[] =
    await manager.query(
      `SELECT c.code, i.code AS "instrumentCode", owner.acronym AS "ownerAgency", c.last_activity_at AS "lastActivityAt"
         FROM agreement_commitment c
         JOIN legal_instrument i ON i.id = c.instrument_id
         LEFT JOIN agency owner ON owner.id = c.owner_agency_id
        WHERE c.status = 'STALLED' AND ($2::boolean OR c.owner_agency_id = $1)
        ORDER BY c.last_activity_at ASC NULLS FIRST, c.code`,
      [scope.agencyId, hasAudience(scope, 'SECRETARIAT')],
    );
  return rows.map((row) => ({ ...row, lastActivityAt: row.lastActivityAt?.toISOString() ?? null }));
}
