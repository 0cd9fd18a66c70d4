import type { Multipart } from '@fastify/multipart';
import { Controller, Get, HttpCode, Inject, Param, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';

import { AcceptsBrowser, Authenticated } from '@app/auth/access.decorators';
import { Actor } from '@app/auth/actor';
import { isMultipartRequest } from '@app/auth/browser-session';
import { CurrentActor } from '@app/auth/current-actor.decorator';
import { AppConfig } from '@app/config/app-config';
import { APP_CONFIG } from '@app/config/config.module';

import { tooLarge, UploadDocumentInput } from '../commands/upload-document.command';
import { DocumentErrorReason, DocumentException } from '../document.exception';
import { DocumentsService } from '../documents.service';
import { DocumentView } from '../dto/document.view';
import { attachmentDisposition } from '../file-name';

/** The form fields an upload may carry besides the file. */
const FIELDS = ['parentKind', 'parentId', 'kind'] as const;

/** A file is never run or shown by the browser: no scripts, no plugins, no framing, even if opened in place. */
const DOWNLOAD_CSP = "default-src 'none'; sandbox; frame-ancestors 'none'";

/**
 * Files up and down (GraphQL carries the metadata). `POST /documents` takes multipart/form-data with the fields
 * parentKind, parentId and kind, and one file in a part named `file`; it answers 201 with the document's metadata.
 * `GET /documents/<id>` sends the file as an attachment. Both take the bearer token or the console's session (the
 * upload with its CSRF token); who may do either is the parent's rule.
 */
@Controller('documents')
export class DocumentsController {
  constructor(
    private readonly documents: DocumentsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Authenticated()
  @AcceptsBrowser('upload')
  @Post()
  @HttpCode(201)
  async upload(@CurrentActor() actor: Actor, @Req() request: FastifyRequest): Promise<DocumentView> {
    if (!isMultipartRequest(request)) {
      throw new DocumentException(
        DocumentErrorReason.NOT_MULTIPART,
        'Send the upload as multipart/form-data: fields parentKind, parentId and kind, and the file in a part named "file".',
        'file',
      );
    }
    return this.documents.upload(actor, await this.readForm(request));
  }

  @Authenticated()
  @AcceptsBrowser('download')
  @Get(':id')
  async download(@CurrentActor() actor: Actor, @Param('id') id: string, @Res() reply: FastifyReply): Promise<void> {
    const file = await this.documents.download(actor, id);
    await reply
      .status(200)
      .header('content-type', file.contentType)
      .header('content-length', file.content.length)
      .header('content-disposition', attachmentDisposition(file.fileName))
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', DOWNLOAD_CSP)
      .header('cache-control', 'private, no-store')
      .send(file.content);
  }

  /**
   * Reads the form: the fields as text, the one file whole, stopping at the size limit (the rest of the body is
   * discarded, nothing is kept). The checks of what was read are the upload command's.
   */
  private async readForm(request: FastifyRequest): Promise<UploadDocumentInput> {
    const limit = this.config.documents.maxUploadBytes;
    const input: UploadDocumentInput = {};
    try {
      for await (const part of request.parts({
        limits: { fileSize: limit, files: 1, fields: 10, fieldSize: 200, parts: 11 },
      }) as AsyncIterableIterator<Multipart>) {
        if (part.type === 'file') {
          if (part.fieldname !== 'file') {
            throw DocumentException.invalid(part.fieldname, 'The file goes in a part named "file".');
          }
          input.fileName = part.filename;
          input.content = await part.toBuffer();
        } else if ((FIELDS as readonly string[]).includes(part.fieldname)) {
          input[part.fieldname as (typeof FIELDS)[number]] = String(part.value);
        } else {
          throw DocumentException.invalid(
            part.fieldname,
            `Unknown field ${part.fieldname}: send ${FIELDS.join(', ')} and file.`,
          );
        }
      }
    } catch (error) {
      throw formError(error, limit);
    }
    return input;
  }
}

/** The multipart reader's own refusals, as the module's errors naming the field. */
function formError(error: unknown, limit: number): unknown {
  const code = (error as { code?: string }).code;
  switch (code) {
    case 'FST_REQ_FILE_TOO_LARGE':
      return tooLarge(limit);
    case 'FST_FILES_LIMIT':
      return DocumentException.invalid('file', 'Send one file per upload.');
    case 'FST_FIELDS_LIMIT':
    case 'FST_PARTS_LIMIT':
      return DocumentException.invalid('file', 'Send only the fields parentKind, parentId and kind, and one file.');
    case 'FST_PROTO_VIOLATION':
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return new DocumentException(DocumentErrorReason.NOT_MULTIPART, 'The multipart body could not be read.', 'file');
    default:
      return error;
  }
}
