import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { DataSource, EntityManager } from 'typeorm';

import { Actor } from '@app/auth/actor';
import { APP_CONFIG } from '@app/config/config.module';
import { AppConfig } from '@app/config/app-config';
import { Clock } from '@app/kernel/clock';

import { Indicator } from './dto/indicator.dto';
import { StatisticsArgs, StatisticsResult } from './dto/statistics.dto';
import { IndicatorDefinition, INDICATORS } from './indicator-catalogue';
import { findIndicator, SOURCES, toIndicator } from './indicator-registry';
import { readerScope, ReaderScope } from './statistics-scope';
import { GroupedRow, statisticsSql } from './statistics-sql';
import { buildTable } from './statistics-table';
import { Breakdown, StatisticsScope } from './statistics.enums';
import { StatisticsException } from './statistics.exception';

/** The longest period one figure may span: a ten-year trend. */
export const MAX_PERIOD_YEARS = 10;

/**
 * Figures from the register: each an indicator of the catalogue over a period, aggregated in SQL, limited to what
 * the reader may see, small cells suppressed for readers who may not see the records.
 */
@Injectable()
export class StatisticsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** The catalogue as the reader may use it (partners and counterparts: the published indicators). */
  async indicators(actor: Actor): Promise<Indicator[]> {
    const scope = await readerScope(this.dataSource.manager, actor, this.config.statistics.suppressionThreshold);
    return INDICATORS.filter((indicator) => readable(indicator, scope)).map(toIndicator);
  }

  async statistics(actor: Actor, args: StatisticsArgs): Promise<StatisticsResult> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const scope = await readerScope(manager, actor, this.config.statistics.suppressionThreshold);
      return this.compute(manager, scope, args);
    });
  }

  /** The reader's scope, for a caller that computes many figures in one snapshot (the annual report). */
  scopeOf(manager: EntityManager, actor: Actor): Promise<ReaderScope> {
    return readerScope(manager, actor, this.config.statistics.suppressionThreshold);
  }

  async compute(manager: EntityManager, scope: ReaderScope, args: StatisticsArgs): Promise<StatisticsResult> {
    const indicator = findIndicator(args.indicator);
    if (!indicator || !readable(indicator, scope)) throw StatisticsException.unknownIndicator(args.indicator);
    checkBreakdowns(indicator, args.breakdowns);
    const filters = (args.filters ?? []).map((filter, index) => {
      checkAllowed(indicator, `filters.${index}.breakdown`, filter.breakdown);
      if (SOURCES[indicator.key].columns[filter.breakdown]?.split) {
        throw StatisticsException.filter(
          `filters.${index}.breakdown`,
          `${indicator.key} cannot be filtered by ${filter.breakdown}, which splits each record.`,
        );
      }
      return { breakdown: filter.breakdown, values: [...filter.values] };
    });
    checkPeriod(args.from, args.to);
    const computedAt = this.clock.now();
    const params: unknown[] = [args.from, args.to, computedAt];
    const source = SOURCES[indicator.key];
    const condition = scope.condition(source, params);
    const sql = statisticsSql({ source, breakdowns: args.breakdowns, filters, scope: condition, params });
    const rows: GroupedRow[] = await manager.query(sql, params);
    const table = buildTable(rows, args.breakdowns.length as 1 | 2, scope.threshold);
    const view = toIndicator(indicator);
    return {
      indicator: view,
      from: args.from,
      to: args.to,
      breakdowns: [...args.breakdowns],
      filters,
      scope: scope.scope,
      suppressionThreshold: scope.threshold,
      computedAt,
      total: table.total,
      cells: table.cells,
      margins: args.breakdowns.map((breakdown, index) => ({
        breakdown,
        multiValued: view.multiValuedBreakdowns.includes(breakdown),
        figures: table.margins[index],
      })),
    };
  }
}

function readable(indicator: IndicatorDefinition, scope: ReaderScope): boolean {
  return indicator.published || scope.scope !== StatisticsScope.PUBLISHED;
}

function checkAllowed(indicator: IndicatorDefinition, field: string, breakdown: Breakdown): void {
  if (!indicator.breakdowns.includes(breakdown)) {
    throw StatisticsException.notAllowed(field, indicator.key, breakdown, indicator.breakdowns);
  }
}

function checkBreakdowns(indicator: IndicatorDefinition, breakdowns: readonly Breakdown[]): void {
  if (breakdowns.length < 1 || breakdowns.length > 2) {
    throw StatisticsException.breakdowns(`give one or two breakdowns (got ${breakdowns.length}).`);
  }
  if (breakdowns.length === 2 && breakdowns[0] === breakdowns[1]) {
    throw StatisticsException.breakdowns(`${breakdowns[0]} is given twice.`);
  }
  breakdowns.forEach((breakdown, index) => checkAllowed(indicator, `breakdowns.${index}`, breakdown));
  const source = SOURCES[indicator.key];
  if (breakdowns.filter((breakdown) => source.columns[breakdown]?.split).length > 1) {
    throw StatisticsException.breakdowns(
      `${breakdowns.join(' and ')} each split ${indicator.key}'s records and cannot be combined.`,
    );
  }
}

function checkPeriod(from: string, to: string): void {
  if (to < from) throw StatisticsException.period('to', `${to} is before from (${from}).`);
  const latest = DateTime.fromISO(from, { zone: 'utc' }).plus({ years: MAX_PERIOD_YEARS }).toISODate() as string;
  if (to >= latest) {
    throw StatisticsException.period(
      'to',
      `a period may span at most ${MAX_PERIOD_YEARS} years (to before ${latest}).`,
    );
  }
}
