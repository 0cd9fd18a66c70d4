import { EntityManager } from 'typeorm';

import { unitSecretariatOf } from '@app/auth/access.service';

import { DataQualityDigestItem } from '../digest-content';
import { Scope } from './digest-scope';
import { AGENCY, perRecipient } from './per-recipient';

/**
 * Secretariat: the open findings of the nightly data-quality checks (src/modules/data-quality) for agencies that are
 * current members of a unit whose secretariat the recipient's agency holds, per check, with the three oldest codes.
 * Codes only (a case's reference, a person's pseudonymous code): the secretariat sees these records by code anyway.
 */
export async function readDataQuality(
  manager: EntityManager,
  scopes: readonly Scope[],
): Promise<DataQualityDigestItem[][]> {
  return perRecipient<DataQualityDigestItem>(
    manager,
    scopes,
    { agency_id: AGENCY },
    `SELECT i.check_kind::text AS "check", count(*)::int AS count,
            (array_agg(i.record_code ORDER BY i.since, i.record_code))[1:3] AS examples
       FROM data_quality_issue i
      WHERE ${unitSecretariatOf('recipient.agency_id', ['i.responsible_agency_id'])}
      GROUP BY i.check_kind
      ORDER BY i.check_kind`,
  );
}
