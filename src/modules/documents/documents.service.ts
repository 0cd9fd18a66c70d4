import { Injectable } from '@nestjs/common';

import { Actor } from '@app/auth/actor';
import { Connection, PageArgs } from '@app/graphql/pagination';

import { UploadDocumentCommand, UploadDocumentInput } from './commands/upload-document.command';
import { DocumentSealer } from './document-sealer';
import { DocumentEntity } from './document.entity';
import { DocumentParentKind } from './document.enums';
import { DocumentView, documentPath } from './dto/document.view';
import { DocumentQueries } from './queries/document-queries';
import { DownloadDocument, DownloadedDocument } from './queries/download-document';

/** Documents attached to records: one entry point per use case (the resolver and the HTTP routes call these). */
@Injectable()
export class DocumentsService {
  constructor(
    private readonly queries: DocumentQueries,
    private readonly uploading: UploadDocumentCommand,
    private readonly downloading: DownloadDocument,
    private readonly sealer: DocumentSealer,
  ) {}

  async upload(actor: Actor, input: UploadDocumentInput): Promise<DocumentView> {
    const { document, fileName } = await this.uploading.execute(actor, input);
    return toView(document, fileName);
  }

  async ofParent(
    actor: Actor,
    parentKind: DocumentParentKind,
    parentId: string,
    page: PageArgs,
  ): Promise<Connection<DocumentView>> {
    const found = await this.queries.ofParent(actor, parentKind, parentId, page);
    return {
      ...found,
      edges: found.edges.map((edge) => ({
        cursor: edge.cursor,
        node: toView(edge.node, this.sealer.fileNameOf(edge.node)),
      })),
    };
  }

  async one(actor: Actor, id: string): Promise<DocumentView> {
    const document = await this.queries.one(actor, id);
    return toView(document, this.sealer.fileNameOf(document));
  }

  download(actor: Actor, id: string): Promise<DownloadedDocument> {
    return this.downloading.execute(actor, id);
  }
}

function toView(document: DocumentEntity, fileName: string): DocumentView {
  return {
    id: document.id,
    parentKind: document.parentKind,
    parentId: document.parentId,
    kind: document.kind,
    fileName,
    contentType: document.contentType,
    sizeBytes: document.sizeBytes,
    uploadedByUserId: document.uploadedByUserId,
    uploadedByAgencyId: document.uploadedByAgencyId,
    uploadedAt: document.uploadedAt,
    downloadPath: documentPath(document.id),
  };
}
