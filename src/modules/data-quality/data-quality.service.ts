import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { AccessService, unitSecretariatOf } from '@app/auth/access.service';
import { Actor, hasRole } from '@app/auth/actor';
import { AppConfig } from '@app/config/app-config';
import { APP_CONFIG } from '@app/config/config.module';
import { RequestException } from '@app/kernel/domain.exception';
import { Role } from '@app/kernel/role.enum';
import { milestoneVisibility } from '@app/modules/repatriation/repatriation-access';

import { DataQualityCheck } from './data-quality.enums';
import { DataQualityIssue, DataQualityIssues, DataQualityIssuesArgs } from './dto/data-quality.dto';

/** Who sees the issues of their own agency (the secretariat sees its unit's members'). */
export const DATA_QUALITY_READERS = [Role.SECRETARIAT, Role.SUPERVISOR, Role.LIAISON, Role.CASE_OFFICER] as const;

/**
 * The findings of the nightly checks for one reader: those of their own agency (officers, liaisons, supervisors)
 * and, for a secretariat, those of every agency that is a current member of a unit whose secretariat it holds.
 * Possible duplicates go to the secretariat only (the registering agency must not learn another agency's record
 * exists). A record's code is shown only when the reader may see that record (the same rules as everywhere).
 */
@Injectable()
export class DataQualityService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly access: AccessService,
  ) {}

  async issues(actor: Actor, args: DataQualityIssuesArgs): Promise<DataQualityIssues> {
    const scope = this.scope(actor);
    const victim = this.access.victimVisibility(actor, 'seen_victim');
    const kase = this.access.caseVisibility(actor, 'seen_case');
    const milestone = milestoneVisibility(actor, 'seen_milestone');
    const params: Record<string, unknown> = { ...scope.params, ...victim.params, ...kase.params, ...milestone.params };
    const checkFilter = args.check ? ` AND i.check_kind = :check` : '';
    if (args.check) params.check = args.check;

    const counts = await this.query<{ check: DataQualityCheck; count: number; lastRunAt: Date | null }>(
      `SELECT i.check_kind::text AS "check", count(*)::int AS count, max(i.last_detected_at) AS "lastRunAt"
         FROM data_quality_issue i WHERE ${scope.sql} GROUP BY i.check_kind`,
      params,
    );
    let cursor = '';
    if (args.after) {
      const [since, id] = decodeCursor(args.after);
      params.afterSince = since;
      params.afterId = id;
      cursor = ` AND (i.since, i.id) > (:afterSince::timestamptz, :afterId::uuid)`;
    }
    params.limit = args.first + 1;
    const rows = await this.query<DataQualityIssue & { codeVisible: boolean; recordCode: string }>(
      `SELECT i.id, i.check_kind::text AS "check", i.record_type::text AS "recordType", i.record_code AS "recordCode",
              i.responsible_agency_id AS "responsibleAgencyId", a.acronym AS "responsibleAgency", i.detail, i.since,
              i.first_detected_at AS "firstDetectedAt",
              CASE i.record_type
                WHEN 'VICTIM' THEN EXISTS (SELECT 1 FROM victim seen_victim
                                            WHERE seen_victim.id = i.record_id AND ${victim.sql})
                WHEN 'CASE' THEN EXISTS (SELECT 1 FROM trafficking_case seen_case
                                          WHERE seen_case.id = i.record_id AND ${kase.sql})
                WHEN 'REPATRIATION_MILESTONE' THEN EXISTS (SELECT 1 FROM repatriation_milestone seen_milestone
                                          WHERE seen_milestone.id = i.record_id AND ${milestone.sql})
                -- Referrals, tasks and duplicates: the reader is a party to the item or its unit's secretariat,
                -- who see it by its reference (the scope above admits nobody else).
                ELSE TRUE
              END AS "codeVisible"
         FROM data_quality_issue i JOIN agency a ON a.id = i.responsible_agency_id
        WHERE ${scope.sql}${checkFilter}${cursor}
        ORDER BY i.since, i.id
        LIMIT :limit`,
      params,
    );
    const page = rows.slice(0, args.first);
    const last = page[page.length - 1];
    const byCheck = Object.values(DataQualityCheck).map((check) => ({
      check,
      count: counts.find((row) => row.check === check)?.count ?? 0,
    }));
    const lastRuns = counts.map((row) => row.lastRunAt).filter((at): at is Date => at !== null);
    return {
      byCheck,
      totalCount: args.check ? (byCheck.find((row) => row.check === args.check)?.count ?? 0) : sum(byCheck),
      items: page.map(({ codeVisible, recordCode, ...issue }) => ({ ...issue, code: codeVisible ? recordCode : null })),
      endCursor: last ? encodeCursor(last.since, last.id) : null,
      hasNextPage: rows.length > args.first,
      lastRunAt: lastRuns.length > 0 ? new Date(Math.max(...lastRuns.map((at) => at.getTime()))) : null,
      thresholds: { ...this.config.dataQuality },
    };
  }

  /** The issues the actor may read at all (see the class comment). */
  private scope(actor: Actor): { sql: string; params: Record<string, unknown> } {
    const conditions: string[] = [];
    if (hasRole(actor, Role.SUPERVISOR, Role.LIAISON, Role.CASE_OFFICER)) {
      conditions.push(`(i.responsible_agency_id = :dqAgencyId AND i.record_type <> 'POSSIBLE_DUPLICATE')`);
    }
    if (hasRole(actor, Role.SECRETARIAT))
      conditions.push(unitSecretariatOf(':dqAgencyId', ['i.responsible_agency_id']));
    return {
      sql: conditions.length > 0 ? `(${conditions.join(' OR ')})` : 'FALSE',
      params: { dqAgencyId: actor.agencyId },
    };
  }

  private async query<T>(sql: string, params: Record<string, unknown>): Promise<T[]> {
    const [text, values] = this.dataSource.driver.escapeQueryWithParameters(sql, params, {});
    return this.dataSource.query(text, values);
  }
}

const sum = (rows: { count: number }[]): number => rows.reduce((total, row) => total + row.count, 0);

const encodeCursor = (since: Date, id: string): string =>
  Buffer.from(JSON.stringify([since.toISOString(), id]), 'utf8').toString('base64');

function decodeCursor(cursor: string): [string, string] {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 2 && parsed.every((part) => typeof part === 'string')) {
      return parsed as [string, string];
    }
  } catch {
    // fall through
  }
  throw RequestException.invalidInput('after: not a cursor this list returned.', 'after');
}
