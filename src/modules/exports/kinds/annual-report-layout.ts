import { TaskForceDuty, TaskPillar } from '@app/modules/tasks/task.enums';

import { Cell } from '../writers/table-writer';

/**
 * One figure of the year for the annual report, as the statistics service will hand it over: which indicator, the
 * duty chapter and pillar it belongs to, and its value (with the breakdown cell it is, when it is one).
 */
export interface AnnualFigure {
  indicator: string;
  name: string;
  unit: string;
  duty: TaskForceDuty;
  pillar: TaskPillar;
  value: number;
  /** e.g. `destinationCountry=KH`; empty for the indicator's total. */
  breakdown?: string;
}

/** One chapter of the report: a table of its own (a sheet in XLSX). */
export interface ReportChapter {
  sheet: string;
  title: string;
  columns: readonly string[];
  rows: Cell[][];
}

/** The task force's own yearly report orders its chapters by the five duties (Perpres 69/2008) … */
export const DUTY_ORDER: readonly TaskForceDuty[] = [
  TaskForceDuty.COORDINATION,
  TaskForceDuty.TRAINING_AND_COOPERATION,
  TaskForceDuty.VICTIM_MONITORING,
  TaskForceDuty.LEGAL_DEVELOPMENT,
  TaskForceDuty.REPORTING_AND_EVALUATION,
];

/** … and, within each, groups the work by IOM's 3P + Partnership pillars. */
export const PILLAR_ORDER: readonly TaskPillar[] = [
  TaskPillar.PREVENTION,
  TaskPillar.PROTECTION,
  TaskPillar.PROSECUTION,
  TaskPillar.PARTNERSHIP,
];

const DUTY_TITLE: Record<TaskForceDuty, string> = {
  COORDINATION: '1. Koordinasi / Coordination',
  TRAINING_AND_COOPERATION: '2. Sosialisasi, pelatihan dan kerja sama / Training, socialisation and cooperation',
  VICTIM_MONITORING: '3. Pemantauan korban: pemulangan, rehabilitasi, reintegrasi / Victim monitoring',
  LEGAL_DEVELOPMENT: '4. Pengembangan hukum / Legal development',
  REPORTING_AND_EVALUATION: '5. Pelaporan dan evaluasi / Reporting and evaluation',
};

export const CHAPTER_COLUMNS = ['pillar', 'indicator', 'name', 'breakdown', 'value', 'unit'] as const;

/**
 * Lays the year's figures out as the annual report: one chapter per duty, always all five and in the report's order;
 * within a chapter the four pillars in order, each with its figures as given (totals before their breakdowns), and a
 * row saying so when a pillar has none, so every year's report has the same shape. A CSV holds one table: there the
 * chapters follow each other with the duty in the first column (`asSingleTable`).
 */
export function layOutAnnualReport(year: number, figures: readonly AnnualFigure[]): ReportChapter[] {
  return DUTY_ORDER.map((duty, index) => {
    const rows: Cell[][] = [];
    for (const pillar of PILLAR_ORDER) {
      const here = figures
        .filter((figure) => figure.duty === duty && figure.pillar === pillar)
        .map((figure, order) => ({ figure, order }))
        .sort(
          (a, b) =>
            a.figure.indicator.localeCompare(b.figure.indicator) ||
            Number(Boolean(a.figure.breakdown)) - Number(Boolean(b.figure.breakdown)) ||
            a.order - b.order,
        );
      if (here.length === 0) rows.push([pillar, null, 'no figures recorded', null, null, null]);
      for (const { figure } of here) {
        rows.push([pillar, figure.indicator, figure.name, figure.breakdown ?? '', figure.value, figure.unit]);
      }
    }
    return {
      sheet: `${index + 1} ${duty}`.slice(0, 31),
      title: `${year} ${DUTY_TITLE[duty]}`,
      columns: CHAPTER_COLUMNS,
      rows,
    };
  });
}

/** The chapters as one table (CSV): the duty first on every row. */
export function asSingleTable(chapters: readonly ReportChapter[]): { columns: string[]; rows: Cell[][] } {
  return {
    columns: ['duty', ...CHAPTER_COLUMNS],
    rows: chapters.flatMap((chapter, index) => chapter.rows.map((row) => [DUTY_ORDER[index], ...row])),
  };
}
