import { DomainException, ErrorKind } from '@app/kernel/domain.exception';

export enum CrossBorderStatisticsErrorReason {
  /** The period is empty or runs backwards. */
  INVALID_PERIOD = 'INVALID_PERIOD',
  /** The period is longer than the statistics may span. */
  PERIOD_TOO_LONG = 'PERIOD_TOO_LONG',
}

const KIND: Record<CrossBorderStatisticsErrorReason, ErrorKind> = {
  INVALID_PERIOD: ErrorKind.BAD_USER_INPUT,
  PERIOD_TOO_LONG: ErrorKind.BAD_USER_INPUT,
};

export class CrossBorderStatisticsException extends DomainException<CrossBorderStatisticsErrorReason> {
  constructor(reason: CrossBorderStatisticsErrorReason, message: string, field?: string) {
    super(KIND[reason], reason, message, field);
  }
}
