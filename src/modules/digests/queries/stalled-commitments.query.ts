import { EntityManager } from 'typeorm';

import { StalledCommitmentItem } from '../digest-content';
import { Scope } from './digest-scope';
import { AGENCY, perRecipient, SECRETARIAT } from './per-recipient';

/** Commitments that stalled: the agency's own, or every one for a secretariat. Oldest activity first. */
export async function readStalledCommitments(
  manager: EntityManager,
  scopes: readonly Scope[],
): Promise<StalledCommitmentItem[][]> {
  const perScope = await perRecipient<{
    code: string;
    instrumentCode: string;
    ownerAgency: string | null;
    lastActivityAt: Date | null;
  }>(
    manager,
    scopes,
    { agency_id: AGENCY, secretariat: SECRETARIAT },
    `SELECT c.code, i.code AS "instrumentCode", owner.acronym AS "ownerAgency", c.last_activity_at AS "lastActivityAt"
       FROM agreement_commitment c
       JOIN legal_instrument i ON i.id = c.instrument_id
       LEFT JOIN agency owner ON owner.id = c.owner_agency_id
      WHERE c.status = 'STALLED' AND (recipient.secretariat OR c.owner_agency_id = recipient.agency_id)
      ORDER BY c.last_activity_at ASC NULLS FIRST, c.code`,
  );
  return perScope.map((rows) =>
    rows.map((row) => ({ ...row, lastActivityAt: row.lastActivityAt?.toISOString() ?? null })),
  );
}
