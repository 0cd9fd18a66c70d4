import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';

import { CrossBorderStatisticsErrorReason, CrossBorderStatisticsException } from './cross-border-statistics.exception';
import { CounterpartResponseTimesArgs } from './dto/counterpart-response-times.args';
import { CounterpartResponseTimes } from './dto/counterpart-response-times.dto';

/** The longest period one query may span: enough for a multi-year trend, bounded so the scan stays cheap. */
const MAX_PERIOD_YEARS = 5;

/** Figures about cross-border requests across all agencies: counts and durations, never the requests' content. */
@Injectable()
export class CrossBorderStatisticsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Per counterpart agency, the outgoing requests submitted in [from, to) and how long acknowledgement and the
   * full answer took, as fractional days from submission. Percentiles are PostgreSQL's percentile_cont (linear
   * interpolation) over the requests that reached the step; percentile_cont skips the NULLs of the others.
   */
  async counterpartResponseTimes(args: CounterpartResponseTimesArgs): Promise<CounterpartResponseTimes[]> {
    this.checkPeriod(args.from, args.to);
    const rows: CounterpartResponseTimes[] = await this.dataSource.query(
      `SELECT r.counterpart_agency_id AS "counterpartAgencyId",
              count(*)::int AS "submitted",
              count(r.acknowledged_at)::int AS "acknowledged",
              percentile_cont(0.5) WITHIN GROUP (ORDER BY d.to_acknowledge) AS "medianDaysToAcknowledge",
              percentile_cont(0.9) WITHIN GROUP (ORDER BY d.to_acknowledge) AS "p90DaysToAcknowledge",
              count(r.answered_at)::int AS "answered",
              percentile_cont(0.5) WITHIN GROUP (ORDER BY d.to_answer) AS "medianDaysToAnswer",
              percentile_cont(0.9) WITHIN GROUP (ORDER BY d.to_answer) AS "p90DaysToAnswer"
         FROM cross_border_request r
         JOIN agency a ON a.id = r.counterpart_agency_id
         CROSS JOIN LATERAL (
           SELECT (EXTRACT(EPOCH FROM r.acknowledged_at - r.submitted_at) / 86400)::float8 AS to_acknowledge,
                  (EXTRACT(EPOCH FROM r.answered_at - r.submitted_at) / 86400)::float8 AS to_answer
         ) d
        WHERE r.direction = 'OUTGOING'
          AND r.submitted_at >= $1 AND r.submitted_at < $2
          AND ($3::text IS NULL OR r.counterpart_country = $3::text)
        GROUP BY r.counterpart_country, r.counterpart_agency_id, a.acronym
        ORDER BY r.counterpart_country, a.acronym, r.counterpart_agency_id`,
      [args.from, args.to, args.country ?? null],
    );
    return rows;
  }

  private checkPeriod(from: Date, to: Date): void {
    if (to.getTime() <= from.getTime()) {
      throw new CrossBorderStatisticsException(
        CrossBorderStatisticsErrorReason.INVALID_PERIOD,
        'Invalid input: to must be later than from.',
        'to',
      );
    }
    const latest = DateTime.fromJSDate(from, { zone: 'utc' }).plus({ years: MAX_PERIOD_YEARS });
    if (to.getTime() > latest.toMillis()) {
      throw new CrossBorderStatisticsException(
        CrossBorderStatisticsErrorReason.PERIOD_TOO_LONG,
        `Invalid input: to may be at most ${MAX_PERIOD_YEARS} years after from.`,
        'to',
      );
    }
  }
}
