import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

import { Actor } from '@app/auth/actor';
import { Clock } from '@app/kernel/clock';
import { TaskForceDuty as Duty, TaskPillar as Pillar } from '@app/modules/tasks/task.enums';

import { AgencyAttendanceRate, AnnualReport, AnnualReportArgs, AnnualReportFigure } from './dto/annual-report.dto';
import { StatisticsArgs, StatisticsResult } from './dto/statistics.dto';
import { INDICATORS } from './indicator-catalogue';
import { ReaderScope, unitScope } from './statistics-scope';
import { Breakdown as B, StatisticsScope } from './statistics.enums';
import { StatisticsService } from './statistics.service';

const CHAPTERS: { duty: Duty; titleId: string; titleEn: string }[] = [
  { duty: Duty.COORDINATION, titleId: 'Koordinasi', titleEn: 'Coordination' },
  {
    duty: Duty.TRAINING_AND_COOPERATION,
    titleId: 'Sosialisasi, pelatihan dan kerja sama',
    titleEn: 'Socialisation, training and cooperation',
  },
  {
    duty: Duty.VICTIM_MONITORING,
    titleId: 'Pemantauan perlindungan korban: rehabilitasi, pemulangan dan reintegrasi',
    titleEn: 'Monitoring victims: rehabilitation, repatriation and reintegration',
  },
  {
    duty: Duty.LEGAL_DEVELOPMENT,
    titleId: 'Penegakan dan pengembangan hukum',
    titleEn: 'Law enforcement and legal development',
  },
  { duty: Duty.REPORTING_AND_EVALUATION, titleId: 'Pelaporan dan evaluasi', titleEn: 'Reporting and evaluation' },
];

const PILLAR_ORDER = [Pillar.PREVENTION, Pillar.PROTECTION, Pillar.PROSECUTION, Pillar.PARTNERSHIP];

/** How each indicator is split in the report (the tables of the task force's yearly report). */
const REPORT_BREAKDOWNS: Record<string, B[]> = {
  REPORTS_RECEIVED: [B.ORIGIN_PROVINCE],
  VICTIMS_IDENTIFIED: [B.ORIGIN_PROVINCE, B.SEX],
  PRESUMED_VICTIMS: [B.ORIGIN_PROVINCE],
  SUSPECTS_RECORDED: [B.NATIONALITY],
  SUSPECTS_CHARGED: [B.NATIONALITY],
  REFERRALS_MADE: [B.SERVICE],
  SERVICES_DELIVERED: [B.SERVICE],
  PERSONS_REPATRIATED: [B.DESTINATION_COUNTRY],
  PERSONS_REINTEGRATED: [B.ORIGIN_PROVINCE],
  PERSONS_LOST_TO_FOLLOW_UP: [B.ORIGIN_PROVINCE],
  PERSONS_RE_MIGRATED: [B.ORIGIN_PROVINCE],
  CROSS_BORDER_REQUESTS: [B.COUNTERPART_COUNTRY],
  TASKS_ASSIGNED: [B.AGENCY],
  MEETINGS_HELD: [B.MEETING_TYPE],
  MEETING_INVITATIONS: [B.AGENCY, B.ATTENDANCE],
  ACTION_ITEMS_DUE: [B.AGENCY, B.TIMELINESS],
};

/** Activities and their participants appear in every duty's chapter: the activities of that duty, by pillar. */
const PER_DUTY = ['ACTIVITIES_HELD', 'ACTIVITY_PARTICIPANTS'];

/**
 * The annual task-force report's content (issue 19 item 5): every figure an indicator of the catalogue over the
 * year, computed in one snapshot with the reader's scope, arranged by the five duties and the 3P+Partnership pillars.
 * Exports (XLSX, CSV) render this; nothing here formats a file.
 */
@Injectable()
export class AnnualReportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly statistics: StatisticsService,
    private readonly clock: Clock,
  ) {}

  annualReport(actor: Actor, args: AnnualReportArgs): Promise<AnnualReport> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) =>
      this.compose(manager, await this.statistics.scopeOf(manager, actor), args.year),
    );
  }

  /**
   * The report of a task-force unit's area as its secretariat sees it, read in the caller's snapshot (the worker
   * building an ANNUAL_REPORT export for the unit).
   */
  async annualReportOfUnit(manager: EntityManager, unitId: string, year: number): Promise<AnnualReport> {
    return this.compose(manager, await unitScope(manager, unitId), year);
  }

  private async compose(manager: EntityManager, scope: ReaderScope, year: number): Promise<AnnualReport> {
    const from = `${year}-01-01`;
    const to = `${year}-12-31`;
    const readable = INDICATORS.filter((indicator) => indicator.published || scope.scope !== StatisticsScope.PUBLISHED);
    const figure = (args: Omit<StatisticsArgs, 'from' | 'to'>) =>
      this.statistics.compute(manager, scope, { ...args, from, to });
    const chapters = [];
    let invitations: StatisticsResult | null = null;
    for (const chapter of CHAPTERS) {
      const figures: AnnualReportFigure[] = [];
      for (const indicator of readable.filter(
        (candidate) => candidate.duty === chapter.duty && !PER_DUTY.includes(candidate.key),
      )) {
        const result = await figure({ indicator: indicator.key, breakdowns: REPORT_BREAKDOWNS[indicator.key] });
        if (indicator.key === 'MEETING_INVITATIONS') invitations = result;
        figures.push({ pillar: indicator.pillar, result });
      }
      figures.sort((a, b) => PILLAR_ORDER.indexOf(a.pillar as Pillar) - PILLAR_ORDER.indexOf(b.pillar as Pillar));
      for (const key of PER_DUTY.filter((candidate) => readable.some((indicator) => indicator.key === candidate))) {
        const result = await figure({
          indicator: key,
          breakdowns: [B.PILLAR],
          filters: [{ breakdown: B.DUTY, values: [chapter.duty] }],
        });
        figures.push({ pillar: null, result });
      }
      chapters.push({ ...chapter, figures });
    }
    return {
      year,
      from,
      to,
      scope: scope.scope,
      computedAt: this.clock.now(),
      chapters,
      attendanceRates: invitations && scope.threshold === null ? attendanceRates(invitations) : [],
    };
  }
}

/** Present or represented, over all invitations, per agency (from MEETING_INVITATIONS by AGENCY × ATTENDANCE). */
function attendanceRates(result: StatisticsResult): AgencyAttendanceRate[] {
  return result.margins[0].figures.map((agency) => {
    const invitations = agency.value ?? 0;
    const attended = result.cells
      .filter((cell) => cell.keys[0] === agency.keys[0] && ['PRESENT', 'REPRESENTED'].includes(cell.keys[1]))
      .reduce((sum, cell) => sum + (cell.value ?? 0), 0);
    return { agencyCode: agency.keys[0], invitations, attended, rate: invitations === 0 ? 0 : attended / invitations };
  });
}
