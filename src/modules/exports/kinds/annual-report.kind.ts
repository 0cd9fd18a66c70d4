import { AnnualReport } from '@app/modules/statistics/dto/annual-report.dto';
import { StatisticsFigure, StatisticsResult } from '@app/modules/statistics/dto/statistics.dto';
import { TaskPillar } from '@app/modules/tasks/task.enums';

import { ExportFormat, ExportKind } from '../export.enums';
import { AnnualFigure, asSingleTable, layOutAnnualReport } from './annual-report-layout';
import { ExportKindDefinition } from './export-kind';

/** A cell's label: `destinationCountry=KH`, or `agency=BNP2MI;attendance=PRESENT` for a cell of two breakdowns. */
function label(breakdowns: readonly string[], keys: readonly string[]): string {
  return breakdowns.map((breakdown, index) => `${breakdown}=${keys[index]}`).join(';');
}

/**
 * One result as the report's figures: its total, then each breakdown's figures (and a two-way result's cells).
 * A suppressed figure has no value to print and is left out (a unit's secretariat sees its records: none is).
 */
function figuresOf(result: StatisticsResult, pillar: TaskPillar | null, duty: AnnualFigure['duty']): AnnualFigure[] {
  const { indicator } = result;
  const byPillar = pillar === null;
  const figure = (value: StatisticsFigure, breakdown: string, as: TaskPillar): AnnualFigure | null =>
    value.value === null
      ? null
      : {
          indicator: indicator.key,
          name: indicator.nameEn,
          unit: indicator.unit,
          duty,
          pillar: as,
          value: value.value,
          breakdown,
        };
  if (byPillar) {
    // Activities of the duty, split by pillar: each pillar's figure is that pillar's total.
    return result.margins[0].figures
      .map((cell) => figure(cell, '', cell.keys[0] as TaskPillar))
      .filter((row): row is AnnualFigure => row !== null);
  }
  const rows = [figure(result.total, '', pillar)];
  for (const margin of result.margins) {
    for (const cell of margin.figures) rows.push(figure(cell, label([margin.breakdown], cell.keys), pillar));
  }
  if (result.breakdowns.length === 2) {
    for (const cell of result.cells) rows.push(figure(cell, label(result.breakdowns, cell.keys), pillar));
  }
  return rows.filter((row): row is AnnualFigure => row !== null);
}

/** The annual report's content (AnnualReportService) as figures for the layout, chapter by chapter. */
export function annualFigures(report: AnnualReport): AnnualFigure[] {
  return report.chapters.flatMap((chapter) =>
    chapter.figures.flatMap((entry) => figuresOf(entry.result, entry.pillar, chapter.duty)),
  );
}

/**
 * The annual task-force report over the unit's area for `year`: the same figures as the annualReport query, read in
 * the export's snapshot, laid out a chapter per duty (annual-report-layout.ts). XLSX: one sheet per chapter; CSV: the
 * chapters one after the other, the duty first on every row.
 */
export const ANNUAL_REPORT_KIND: ExportKindDefinition = {
  kind: ExportKind.ANNUAL_REPORT,
  formats: [ExportFormat.XLSX, ExportFormat.CSV],
  fileStem: 'simpul-annual-report',
  usesK: false,
  requiresYear: true,
  async build({ format, parameters, writer, progress, annualReport }) {
    const year = parameters.year as number;
    const chapters = layOutAnnualReport(year, annualFigures(await annualReport(year)));
    const rowsTotal = chapters.reduce((sum, chapter) => sum + chapter.rows.length, 0);
    await progress(0, rowsTotal);
    if (format === ExportFormat.CSV) {
      const table = asSingleTable(chapters);
      await writer.table('annual-report', table.columns);
      await writer.rows(table.rows);
    } else {
      for (const chapter of chapters) {
        await writer.table(chapter.sheet, chapter.columns);
        await writer.rows(chapter.rows);
      }
    }
    await progress(rowsTotal, rowsTotal);
    return {};
  },
};
