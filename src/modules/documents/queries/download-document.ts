import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isUUID } from 'class-validator';
import { DataSource } from 'typeorm';

import { Actor } from '@app/auth/actor';
import { AuditService } from '@app/modules/audit/audit.service';

import { DocumentSealer } from '../document-sealer';
import { DocumentEntity } from '../document.entity';
import { DocumentException } from '../document.exception';
import { DocumentParents } from '../parents/document-parents';

export interface DownloadedDocument {
  fileName: string;
  contentType: string;
  content: Buffer;
}

/**
 * The one place a document's content is opened: after the parent's rule allowed it (else NOT_FOUND like a random
 * id, nothing read, nothing audited) and after the audit entry of this download committed, so no file leaves
 * without its entry (the bytes are opened in memory first, sent only after).
 */
@Injectable()
export class DownloadDocument {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly parents: DocumentParents,
    private readonly sealer: DocumentSealer,
    private readonly audit: AuditService,
  ) {}

  async execute(actor: Actor, id: string): Promise<DownloadedDocument> {
    const found = isUUID(id) ? await this.dataSource.getRepository(DocumentEntity).findOneBy({ id }) : null;
    if (!found || !(await this.parents.get(found.parentKind).mayAccess(actor, found.parentId))) {
      throw DocumentException.notFound(id);
    }
    const stored = await this.dataSource
      .getRepository(DocumentEntity)
      .createQueryBuilder('document')
      .addSelect('document.contentSealed')
      .where('document.id = :id', { id })
      .getOneOrFail();
    // Opened in memory first (a key problem fails before anything is recorded), returned only once audited.
    const opened = {
      fileName: this.sealer.fileNameOf(stored),
      contentType: stored.contentType,
      content: this.sealer.contentOf({ id: stored.id, contentSealed: stored.contentSealed! }),
    };
    await this.audit.record(this.dataSource.manager, actor, {
      operation: 'downloadDocument',
      targetType: 'Document',
      targetId: id,
      changes: { parent: { before: null, after: `${found.parentKind} ${found.parentId}` } },
    });
    return opened;
  }
}
