import { DomainException, ErrorKind } from '@app/kernel/domain.exception';

export enum GroupOperationErrorReason {
  /** The key was used before for another operation or another request. */
  OPERATION_KEY_REUSED = 'OPERATION_KEY_REUSED',
}

export class GroupOperationException extends DomainException<GroupOperationErrorReason> {
  constructor(reason: GroupOperationErrorReason, message: string, field?: string) {
    super(ErrorKind.CONFLICT, reason, message, field);
  }
}
