import { Column, Entity, Index } from 'typeorm';

import { BaseEntity } from '@app/kernel/base.entity';

import { DataQualityCheck, DataQualityRecordType } from './data-quality.enums';

/**
 * One open finding of the nightly checks: a check and the record it is about. The run keeps one row per (check,
 * record) while the condition holds (first seen, last seen) and deletes it once it no longer does. Codes, statuses,
 * counts and days only: never a person's identity or free text.
 */
@Entity('data_quality_issue')
@Index('UQ_data_quality_issue_check_record', ['check', 'recordId'], { unique: true })
@Index('IDX_data_quality_issue_agency', ['responsibleAgencyId'])
export class DataQualityIssueEntity extends BaseEntity {
  // CHECK is an SQL keyword: the column is check_kind.
  @Column({ name: 'check_kind', type: 'enum', enum: DataQualityCheck, enumName: 'data_quality_check' })
  check: DataQualityCheck;

  @Column({ type: 'enum', enum: DataQualityRecordType, enumName: 'data_quality_record_type' })
  recordType: DataQualityRecordType;

  @Column({ type: 'uuid' })
  recordId: string;

  /** The record's reference or pseudonymous code (CASE-000042, VCT-7K3QX9MB, REF-000003 …). */
  @Column({ type: 'varchar', length: 60 })
  recordCode: string;

  /** The agency that can put it right: the owner, the lead, the assignee or recipient, the registering agency. */
  @Column({ type: 'uuid' })
  responsibleAgencyId: string;

  /** A code that says more (the status it is stuck in, what a duplicate matched on, days late). */
  @Column({ type: 'varchar', length: 60, nullable: true })
  detail: string | null;

  /** Since when the condition holds (e.g. the day identification plus N). */
  @Column({ type: 'timestamptz' })
  since: Date;

  @Column({ type: 'timestamptz' })
  firstDetectedAt: Date;

  @Column({ type: 'timestamptz' })
  lastDetectedAt: Date;
}
