import { registerEnumType } from '@nestjs/graphql';

/** What an export holds. Each kind is declared once in export-kinds.ts (its formats, who may ask, how it is built). */
export enum ExportKind {
  /** One row per person identified or presumed a victim, k-anonymous, HTCDS field names, no identity. */
  DEIDENTIFIED_PERSONS = 'DEIDENTIFIED_PERSONS',
  /** The task force's annual report for a year: a chapter per duty, figures by 3P+Partnership pillar. */
  ANNUAL_REPORT = 'ANNUAL_REPORT',
}

export enum ExportFormat {
  CSV = 'CSV',
  XLSX = 'XLSX',
}

/** QUEUED → RUNNING → READY → EXPIRED; RUNNING → FAILED (no file is kept). */
export enum ExportStatus {
  QUEUED = 'QUEUED',
  RUNNING = 'RUNNING',
  READY = 'READY',
  FAILED = 'FAILED',
  EXPIRED = 'EXPIRED',
}

registerEnumType(ExportKind, {
  name: 'ExportKind',
  description: 'What an export holds.',
  valuesMap: {
    DEIDENTIFIED_PERSONS: {
      description:
        'One row per person identified or presumed a victim in the unit’s area, with Human Trafficking Case Data ' +
        'Standard field names, k-anonymous on age band, sex, nationality, origin province, destination country, ' +
        'exploitation type and year. No identity, no code.',
    },
    ANNUAL_REPORT: {
      description:
        'The task force’s annual report for `year` (required) over the unit’s area: a chapter per task-force duty ' +
        '(a sheet each in XLSX, one table with the duty first in CSV), its figures by 3P+Partnership pillar, the ' +
        'same figures as the annualReport query.',
    },
  },
});
registerEnumType(ExportFormat, { name: 'ExportFormat', description: 'CSV (UTF-8, RFC 4180) or XLSX.' });
registerEnumType(ExportStatus, {
  name: 'ExportStatus',
  description:
    'QUEUED (waiting for the worker), RUNNING (see progress), READY (download until expiresAt), FAILED (nothing ' +
    'was kept; ask again), EXPIRED (the file was deleted).',
});
