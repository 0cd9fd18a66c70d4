import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { AppConfig } from '@app/config/app-config';
import { APP_CONFIG } from '@app/config/config.module';

import { FINDINGS_SQL } from './checks/data-quality-checks.sql';

/** What one run found, per check (open issues after the run). */
export type DataQualityRunResult = Record<string, number>;

/**
 * Runs every check and brings data_quality_issue up to date in one transaction: findings still true keep their
 * first-seen instant, new ones are added, and ones no longer true are deleted. Safe to run twice.
 */
@Injectable()
export class DataQualityRunsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async run(now: Date): Promise<DataQualityRunResult> {
    const { referralAfterDays, suspectAfterDays, lateEntryDays } = this.config.dataQuality;
    return this.dataSource.transaction(async (manager) => {
      // One run at a time (two workers, a rerun): the second waits and then finds everything in place.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('data-quality-run'))`);
      await manager.query(
        `INSERT INTO data_quality_issue (check_kind, record_type, record_id, record_code, responsible_agency_id,
                                         detail, since, first_detected_at, last_detected_at)
         SELECT found.check_kind::data_quality_check, found.record_type::data_quality_record_type, found.record_id,
                found.record_code, found.responsible_agency_id, found.detail, found.since, $1, $1
           FROM (${FINDINGS_SQL}) found
         ON CONFLICT (check_kind, record_id) DO UPDATE
            SET record_code = EXCLUDED.record_code, responsible_agency_id = EXCLUDED.responsible_agency_id,
                detail = EXCLUDED.detail, since = EXCLUDED.since, last_detected_at = EXCLUDED.last_detected_at,
                updated_at = now()`,
        [now, referralAfterDays, suspectAfterDays, lateEntryDays],
      );
      await manager.query(`DELETE FROM data_quality_issue WHERE last_detected_at <> $1`, [now]);
      const counts: { check: string; n: number }[] = await manager.query(
        `SELECT check_kind::text AS check, count(*)::int AS n FROM data_quality_issue GROUP BY check_kind`,
      );
      return Object.fromEntries(counts.map(({ check, n }) => [check, n]));
    });
  }
}
