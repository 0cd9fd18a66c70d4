import { DomainException, ErrorKind } from '@app/kernel/domain.exception';

export enum ExportErrorReason {
  /** The actor's agency holds no secretariat of the unit (or of any unit). */
  NOT_ENTITLED = 'EXPORT_NOT_ENTITLED',
  K_TOO_SMALL = 'EXPORT_K_TOO_SMALL',
  FORMAT_NOT_AVAILABLE = 'EXPORT_FORMAT_NOT_AVAILABLE',
  UNIT_REQUIRED = 'EXPORT_UNIT_REQUIRED',
  /** The file is gone (expired) or was never made (failed, still running). */
  FILE_NOT_AVAILABLE = 'EXPORT_FILE_NOT_AVAILABLE',
}

const KIND: Record<ExportErrorReason, ErrorKind> = {
  EXPORT_NOT_ENTITLED: ErrorKind.FORBIDDEN,
  EXPORT_K_TOO_SMALL: ErrorKind.BAD_USER_INPUT,
  EXPORT_FORMAT_NOT_AVAILABLE: ErrorKind.BAD_USER_INPUT,
  EXPORT_UNIT_REQUIRED: ErrorKind.BAD_USER_INPUT,
  EXPORT_FILE_NOT_AVAILABLE: ErrorKind.CONFLICT,
};

export class ExportException extends DomainException<ExportErrorReason> {
  constructor(reason: ExportErrorReason, message: string, field?: string) {
    super(KIND[reason], reason, message, field);
  }
}
