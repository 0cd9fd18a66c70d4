import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isUUID } from 'class-validator';
import { DataSource } from 'typeorm';

import { Actor } from '@app/auth/actor';
import { Connection, PageArgs, paginate } from '@app/graphql/pagination';

import { DocumentEntity } from '../document.entity';
import { DocumentParentKind } from '../document.enums';
import { DocumentException } from '../document.exception';
import { DocumentParents } from '../parents/document-parents';

/**
 * Reads documents' metadata through their parent's rule: a parent the actor may not reach lists nothing and answers
 * NOT_FOUND, the same words as for a parent that does not exist; a document under such a parent is "not found" like
 * a random id.
 */
@Injectable()
export class DocumentQueries {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly parents: DocumentParents,
  ) {}

  async ofParent(
    actor: Actor,
    parentKind: DocumentParentKind,
    parentId: string,
    page: PageArgs,
  ): Promise<Connection<DocumentEntity>> {
    const parent = this.parents.get(parentKind);
    if (!isUUID(parentId) || !(await parent.mayAccess(actor, parentId))) {
      throw DocumentException.parentNotFound(parent.noun, parentId);
    }
    const query = this.dataSource
      .getRepository(DocumentEntity)
      .createQueryBuilder('document')
      .where('document.parent_kind = :parentKind AND document.parent_id = :parentId', { parentKind, parentId });
    return paginate(query, page, {
      column: 'document.uploaded_at',
      value: (row) => row.uploadedAt.toISOString(),
      descending: true,
    });
  }

  /** One document's metadata, when the actor may reach its parent. */
  async one(actor: Actor, id: string): Promise<DocumentEntity> {
    const document = isUUID(id) ? await this.dataSource.getRepository(DocumentEntity).findOneBy({ id }) : null;
    if (!document || !(await this.parents.get(document.parentKind).mayAccess(actor, document.parentId))) {
      throw DocumentException.notFound(id);
    }
    return document;
  }
}
