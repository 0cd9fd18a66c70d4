import { DomainException, ErrorKind } from '@app/kernel/domain.exception';

export enum CoordinationFiguresErrorReason {
  PERIOD_INVALID = 'PERIOD_INVALID',
}

const KIND: Record<CoordinationFiguresErrorReason, ErrorKind> = {
  PERIOD_INVALID: ErrorKind.BAD_USER_INPUT,
};

export class CoordinationFiguresException extends DomainException<CoordinationFiguresErrorReason> {
  constructor(reason: CoordinationFiguresErrorReason, message: string, field?: string) {
    super(KIND[reason], reason, message, field);
  }

  static period(message: string, field: string): CoordinationFiguresException {
    return new CoordinationFiguresException(CoordinationFiguresErrorReason.PERIOD_INVALID, message, field);
  }
}
