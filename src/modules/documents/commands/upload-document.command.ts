import { randomUUID } from 'node:crypto';

import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isUUID } from 'class-validator';
import { DataSource } from 'typeorm';

import { Actor } from '@app/auth/actor';
import { AppConfig } from '@app/config/app-config';
import { APP_CONFIG } from '@app/config/config.module';
import { Clock } from '@app/kernel/clock';
import { AuditService } from '@app/modules/audit/audit.service';

import { ACCEPTED_TYPES, recogniseContent } from '../content-sniffing';
import { DocumentSealer } from '../document-sealer';
import { DocumentEntity } from '../document.entity';
import { DocumentKind, DocumentParentKind } from '../document.enums';
import { DocumentErrorReason, DocumentException } from '../document.exception';
import { sanitiseFileName } from '../file-name';
import { DocumentParents } from '../parents/document-parents';

/** An upload as the HTTP edge read it: the form's fields as sent (unchecked) and the whole file. */
export interface UploadDocumentInput {
  parentKind?: string;
  parentId?: string;
  kind?: string;
  fileName?: string;
  content?: Buffer;
}

/** What the upload stored (the name as sanitised, the type as recognised). */
export interface UploadedDocument {
  document: DocumentEntity;
  fileName: string;
}

/**
 * Attaches a file to a record: fields checked (each refusal naming its field), then the parent (one the actor may
 * not reach answers exactly like a missing one), then the file (not empty, within the limit, a type recognised by
 * its bytes). Only then one transaction writes the sealed row and its audit entry: a refusal or a failure leaves
 * nothing, and there is no file outside the row to orphan.
 */
@Injectable()
export class UploadDocumentCommand {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly parents: DocumentParents,
    private readonly sealer: DocumentSealer,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async execute(actor: Actor, input: UploadDocumentInput): Promise<UploadedDocument> {
    const parentKind = oneOf(DocumentParentKind, input.parentKind, 'parentKind');
    const kind = oneOf(DocumentKind, input.kind, 'kind');
    if (!input.parentId || !isUUID(input.parentId)) {
      throw DocumentException.invalid('parentId', 'parentId must be the id (a UUID) of the record to attach to.');
    }
    const parent = this.parents.get(parentKind);
    if (!(await parent.mayAccess(actor, input.parentId)))
      throw DocumentException.parentNotFound(parent.noun, input.parentId);

    const content = input.content;
    if (!content)
      throw new DocumentException(DocumentErrorReason.FILE_MISSING, 'Send the file in a part named "file".', 'file');
    if (content.length === 0) throw new DocumentException(DocumentErrorReason.FILE_EMPTY, 'The file is empty.', 'file');
    if (content.length > this.config.documents.maxUploadBytes) throw tooLarge(this.config.documents.maxUploadBytes);
    const type = recogniseContent(content);
    if (!type) {
      throw new DocumentException(
        DocumentErrorReason.FILE_TYPE_REFUSED,
        `The file is not a ${ACCEPTED_TYPES} file (judged by its content, not its name).`,
        'file',
      );
    }

    const id = randomUUID();
    const fileName = sanitiseFileName(input.fileName, type);
    const document = await this.dataSource.transaction(async (manager) => {
      const row = manager.create(DocumentEntity, {
        id,
        parentKind,
        parentId: input.parentId!,
        kind,
        contentType: type.contentType,
        sizeBytes: content.length,
        uploadedByUserId: actor.userId,
        uploadedByAgencyId: actor.agencyId,
        uploadedAt: this.clock.now(),
        ...this.sealer.seal(id, fileName, content),
      });
      await manager.insert(DocumentEntity, row);
      await this.audit.record(manager, actor, {
        operation: 'uploadDocument',
        targetType: 'Document',
        targetId: id,
        changes: {
          parent: { before: null, after: `${parentKind} ${input.parentId}` },
          kind: { before: null, after: kind },
          contentType: { before: null, after: type.contentType },
          sizeBytes: { before: null, after: content.length },
        },
      });
      return manager.findOneByOrFail(DocumentEntity, { id });
    });
    return { document, fileName };
  }
}

/** FILE_TOO_LARGE naming the limit (also raised by the HTTP edge, which stops reading at the limit). */
export function tooLarge(limit: number): DocumentException {
  const megabytes = Math.round((limit / (1024 * 1024)) * 10) / 10;
  return new DocumentException(
    DocumentErrorReason.FILE_TOO_LARGE,
    `The file is larger than the limit of ${megabytes} MB (${limit} bytes).`,
    'file',
  );
}

function oneOf<T extends Record<string, string>>(values: T, given: string | undefined, field: string): T[keyof T] {
  const allowed = Object.values(values);
  if (given === undefined || !allowed.includes(given)) {
    throw DocumentException.invalid(field, `${field} must be one of ${allowed.join(', ')}.`);
  }
  return given as T[keyof T];
}
