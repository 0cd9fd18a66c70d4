import { DomainException, ErrorKind } from '@app/kernel/domain.exception';

export enum DocumentErrorReason {
  DOCUMENT_NOT_FOUND = 'DOCUMENT_NOT_FOUND',
  /** The parent does not exist or the caller may not see it (the same answer for both). */
  PARENT_NOT_FOUND = 'PARENT_NOT_FOUND',
  FILE_MISSING = 'FILE_MISSING',
  FILE_EMPTY = 'FILE_EMPTY',
  FILE_TOO_LARGE = 'FILE_TOO_LARGE',
  FILE_TYPE_REFUSED = 'FILE_TYPE_REFUSED',
  INVALID_FIELD = 'INVALID_FIELD',
  NOT_MULTIPART = 'NOT_MULTIPART',
}

const KIND: Record<DocumentErrorReason, ErrorKind> = {
  DOCUMENT_NOT_FOUND: ErrorKind.NOT_FOUND,
  PARENT_NOT_FOUND: ErrorKind.NOT_FOUND,
  FILE_MISSING: ErrorKind.BAD_USER_INPUT,
  FILE_EMPTY: ErrorKind.BAD_USER_INPUT,
  FILE_TOO_LARGE: ErrorKind.BAD_USER_INPUT,
  FILE_TYPE_REFUSED: ErrorKind.BAD_USER_INPUT,
  INVALID_FIELD: ErrorKind.BAD_USER_INPUT,
  NOT_MULTIPART: ErrorKind.BAD_USER_INPUT,
};

/** Failures of the documents module. Messages never contain a file's name or content. */
export class DocumentException extends DomainException<DocumentErrorReason> {
  constructor(reason: DocumentErrorReason, message: string, field?: string) {
    super(KIND[reason], reason, message, field);
  }

  static notFound(id: string): DocumentException {
    return new DocumentException(DocumentErrorReason.DOCUMENT_NOT_FOUND, `Document ${id} was not found.`);
  }

  /** Also what a caller gets for a parent they may not see: exactly the same words. */
  static parentNotFound(noun: string, id: string): DocumentException {
    return new DocumentException(DocumentErrorReason.PARENT_NOT_FOUND, `The ${noun} ${id} was not found.`, 'parentId');
  }

  static invalid(field: string, message: string): DocumentException {
    return new DocumentException(DocumentErrorReason.INVALID_FIELD, message, field);
  }
}
