import { ExportKind } from '../export.enums';
import { ANNUAL_REPORT_KIND } from './annual-report.kind';
import { DEIDENTIFIED_PERSONS_KIND } from './deidentified-persons.kind';
import { ExportKindDefinition } from './export-kind';

/** Every kind of export, by its enum value (a kind missing here fails to compile). */
export const EXPORT_KINDS: Readonly<Record<ExportKind, ExportKindDefinition>> = {
  [ExportKind.DEIDENTIFIED_PERSONS]: DEIDENTIFIED_PERSONS_KIND,
  [ExportKind.ANNUAL_REPORT]: ANNUAL_REPORT_KIND,
};
