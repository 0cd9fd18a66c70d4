import { EntityManager } from 'typeorm';

import { AnnualReport } from '@app/modules/statistics/dto/annual-report.dto';

import { ExportArea } from '../deidentified-persons/person-source';
import { ExportParameters, ExportSummary } from '../export.entity';
import { ExportFormat, ExportKind } from '../export.enums';
import { TableWriter } from '../writers/table-writer';

/** What a kind is given to build its file. */
export interface ExportBuildContext {
  /** A read-only REPEATABLE READ snapshot: everything the kind reads agrees with everything else it reads. */
  snapshot: EntityManager;
  area: ExportArea;
  format: ExportFormat;
  parameters: ExportParameters;
  writer: TableWriter;
  /** The unit's annual report for a year, read in `snapshot` with the unit secretariat's scope (statistics). */
  annualReport(year: number): Promise<AnnualReport>;
  /** Reports how far the build got (rows written of rows expected); cheap to call often. */
  progress(rowsWritten: number, rowsTotal: number): Promise<void>;
}

/**
 * One kind of export, declared once (export-kinds.ts lists them). The frame around it (who may ask, the job, the
 * file's storage in one transaction, progress, expiry, download, audit, the notification) is the same for all.
 *
 * Adding ANNUAL_REPORT (its figures come from the statistics service): add the enum value, write
 * `kinds/annual-report.kind.ts` whose `build` asks that service for the year's figures as `AnnualFigure`s and writes
 * `layOutAnnualReport(year, figures)` (annual-report-layout.ts: one chapter per task-force duty, rows grouped by the
 * 3P + Partnership pillars; one sheet per chapter in XLSX, `asSingleTable` for CSV), list it in EXPORT_KINDS with
 * `usesK: false`, and give it a label in libs/mailer's EXPORT_KIND_LABEL.
 */
export interface ExportKindDefinition {
  kind: ExportKind;
  formats: readonly ExportFormat[];
  /** The file name's stem, e.g. `simpul-deidentified-persons`. */
  fileStem: string;
  /** Whether the kind is k-anonymous (takes `k`). */
  usesK: boolean;
  /** Whether the kind needs `year` (ANNUAL_REPORT: the year reported on). */
  requiresYear: boolean;
  build(context: ExportBuildContext): Promise<ExportSummary>;
}
