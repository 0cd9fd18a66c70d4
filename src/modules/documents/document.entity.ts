import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';

import { BaseEntity } from '@app/kernel/base.entity';
import { AgencyEntity } from '@app/modules/agencies/agency.entity';
import { UserEntity } from '@app/modules/users/user.entity';

import { DocumentKind, DocumentParentKind } from './document.enums';

/**
 * A file attached to a record (DocumentParentKind). The bytes and the file name are sealed with the personal-data
 * key (AES-256-GCM, bound to this row's id), in this row: one backup holds everything, and a failed transaction
 * leaves nothing behind. `keyId` names the key both were sealed with, so a rotation finds what to re-seal. Never
 * changed after upload except by a rotation.
 */
@Entity('document')
@Index('IDX_document_parent', ['parentKind', 'parentId', 'uploadedAt'])
@Index('IDX_document_key', ['keyId'])
export class DocumentEntity extends BaseEntity {
  /** A DocumentParentKind; text, so a module registering a new parent kind needs no migration. */
  @Column({ type: 'varchar', length: 40 })
  parentKind: DocumentParentKind;

  @Column({ type: 'uuid' })
  parentId: string;

  @Column({ type: 'enum', enum: DocumentKind, enumName: 'document_kind' })
  kind: DocumentKind;

  /** The sanitised file name, sealed (names often name people). */
  @Column({ type: 'text' })
  filenameSealed: string;

  /** The type the content was recognised as (never the one the client claimed). */
  @Column({ type: 'varchar', length: 100 })
  contentType: string;

  /** Size of the file itself, before sealing. */
  @Column({ type: 'integer' })
  sizeBytes: number;

  /** The id of the personal-data key the file and its name are sealed with. */
  @Column({ type: 'varchar', length: 8 })
  keyId: string;

  /** The sealed file (PiiCipher.sealBytes). Never selected unless asked for: lists stay light. */
  @Column({ type: 'bytea', select: false })
  contentSealed?: Buffer;

  @Column({ type: 'uuid' })
  uploadedByUserId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'uploaded_by_user_id', foreignKeyConstraintName: 'FK_document_uploaded_by_user' })
  uploadedByUser?: UserEntity;

  @Column({ type: 'uuid' })
  uploadedByAgencyId: string;

  @ManyToOne(() => AgencyEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'uploaded_by_agency_id', foreignKeyConstraintName: 'FK_document_uploaded_by_agency' })
  uploadedByAgency?: AgencyEntity;

  @Column({ type: 'timestamptz' })
  uploadedAt: Date;
}
