import { Field, GraphQLISODateTime, Int, ObjectType } from '@nestjs/graphql';
import { Check, Column, Entity, Index } from 'typeorm';

import { BaseEntity } from '@app/kernel/base.entity';

import { ExportFormat, ExportKind, ExportStatus } from './export.enums';

/** What the requester asked for, beyond kind and format (kept as asked, for the record). */
export interface ExportParameters {
  /** DEIDENTIFIED_PERSONS: the k the file is k-anonymous for. */
  k?: number;
  /** DEIDENTIFIED_PERSONS: only people of this year (by the day of identification), when given. ANNUAL_REPORT: the year. */
  year?: number;
}

/** What the finished export reports about itself (DEIDENTIFIED_PERSONS: the generalisation chosen). */
export interface ExportSummary {
  generalisation?: Record<string, number>;
  peopleInArea?: number;
  peopleSuppressed?: number;
}

/**
 * One export asked for by one person. The file lives in export_file_chunk rows written in one transaction with the
 * status READY, so a file exists exactly when its export is READY: a failure midway leaves nothing behind. Only its
 * requester sees it (myExports) and downloads it; downloads are audited; the file is deleted at `expiresAt`.
 */
@ObjectType('Export', {
  description:
    'A file you asked for (a de-identified register extract, a report). Built in the background; only you can ' +
    'download it, until it expires.',
})
@Entity('data_export')
@Index('IDX_data_export_requester_created', ['requestedByUserId', 'createdAt'])
@Index('IDX_data_export_status', ['status'])
@Check('CHK_data_export_progress', `"progress_percent" BETWEEN 0 AND 100`)
export class ExportEntity extends BaseEntity {
  @Field(() => ExportKind, { description: 'What the export holds.' })
  @Column({ type: 'enum', enum: ExportKind, enumName: 'data_export_kind' })
  kind: ExportKind;

  @Field(() => ExportFormat, { description: 'CSV or XLSX.' })
  @Column({ type: 'enum', enum: ExportFormat, enumName: 'data_export_format' })
  format: ExportFormat;

  @Field(() => ExportStatus, { description: 'Where the export stands.' })
  @Column({ type: 'enum', enum: ExportStatus, enumName: 'data_export_status', default: ExportStatus.QUEUED })
  status: ExportStatus;

  @Column({ type: 'uuid' })
  requestedByUserId: string;

  @Column({ type: 'uuid' })
  requestedByAgencyId: string;

  /** The task-force unit whose area the export covers (its secretariat asked). */
  @Column({ type: 'uuid' })
  unitId: string;

  @Field(() => String, { description: 'The unit whose area the export covers (its code, e.g. GTPP-NTT).' })
  @Column({ type: 'varchar', length: 40 })
  unitCode: string;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  parameters: ExportParameters;

  @Field(() => Int, {
    nullable: true,
    description: 'DEIDENTIFIED_PERSONS: every class of the file holds at least k people.',
  })
  get k(): number | null {
    return this.parameters?.k ?? null;
  }

  @Field(() => Int, { nullable: true, description: 'Only people identified in this year, when asked.' })
  get year(): number | null {
    return this.parameters?.year ?? null;
  }

  @Field(() => Int, { description: 'How far the worker got, 0–100.' })
  @Column({ type: 'smallint', default: 0 })
  progressPercent: number;

  @Field(() => Int, { nullable: true, description: 'Rows the file will hold, once known.' })
  @Column({ type: 'int', nullable: true })
  rowsTotal: number | null;

  @Field(() => Int, { description: 'Rows written so far.' })
  @Column({ type: 'int', default: 0 })
  rowsWritten: number;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  summary: ExportSummary;

  @Field(() => Int, {
    nullable: true,
    description: 'DEIDENTIFIED_PERSONS: people left out because their combination stayed rarer than k.',
  })
  get peopleSuppressed(): number | null {
    return this.summary?.peopleSuppressed ?? null;
  }

  @Field(() => String, { nullable: true, description: 'The file name to save it under, once READY.' })
  @Column({ type: 'varchar', length: 200, nullable: true })
  fileName: string | null;

  @Field(() => String, { nullable: true, description: 'Media type of the file, once READY.' })
  @Column({ type: 'varchar', length: 100, nullable: true })
  contentType: string | null;

  @Field(() => Int, { nullable: true, description: 'Size of the file in bytes, once READY.' })
  @Column({ type: 'int', nullable: true })
  byteSize: number | null;

  @Field(() => String, { nullable: true, description: 'Where to download the file (POST or GET with your session).' })
  get downloadPath(): string | null {
    return this.status === ExportStatus.READY ? `/exports/${this.id}/file` : null;
  }

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the file was ready.' })
  @Column({ type: 'timestamptz', nullable: true })
  readyAt: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the file will be (or was) deleted.' })
  @Column({ type: 'timestamptz', nullable: true })
  expiresAt: Date | null;

  @Field(() => String, { nullable: true, description: 'Why the export failed (nothing was kept; ask again).' })
  @Column({ type: 'varchar', length: 500, nullable: true })
  failure: string | null;

  @Field(() => Int, { description: 'Times the file was downloaded.' })
  @Column({ type: 'int', default: 0 })
  downloads: number;
}
