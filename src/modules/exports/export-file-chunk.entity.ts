import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

import { ExportEntity } from './export.entity';

/**
 * One piece of an export's file (about a megabyte), in order. Written in the transaction that makes the export
 * READY, deleted with it (expiry, cascade). PostgreSQL keeps the file: it is the one store every replica shares
 * and backs up, and it gives "no file unless complete" by its transaction.
 */
@Entity('export_file_chunk')
export class ExportFileChunkEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_export_file_chunk' })
  exportId: string;

  @PrimaryColumn({ type: 'int', primaryKeyConstraintName: 'PK_export_file_chunk' })
  seq: number;

  @ManyToOne(() => ExportEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'export_id', foreignKeyConstraintName: 'FK_export_file_chunk_export' })
  export?: ExportEntity;

  @Column({ type: 'bytea' })
  bytes: Buffer;
}
