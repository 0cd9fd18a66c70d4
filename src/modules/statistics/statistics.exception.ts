import { DomainException, ErrorKind } from '@app/kernel/domain.exception';

export enum StatisticsErrorReason {
  UNKNOWN_INDICATOR = 'UNKNOWN_INDICATOR',
  BREAKDOWN_NOT_ALLOWED = 'BREAKDOWN_NOT_ALLOWED',
  BREAKDOWNS_INVALID = 'BREAKDOWNS_INVALID',
  FILTER_INVALID = 'FILTER_INVALID',
  PERIOD_INVALID = 'PERIOD_INVALID',
}

const KIND: Record<StatisticsErrorReason, ErrorKind> = {
  UNKNOWN_INDICATOR: ErrorKind.BAD_USER_INPUT,
  BREAKDOWN_NOT_ALLOWED: ErrorKind.BAD_USER_INPUT,
  BREAKDOWNS_INVALID: ErrorKind.BAD_USER_INPUT,
  FILTER_INVALID: ErrorKind.BAD_USER_INPUT,
  PERIOD_INVALID: ErrorKind.BAD_USER_INPUT,
};

export class StatisticsException extends DomainException<StatisticsErrorReason> {
  constructor(reason: StatisticsErrorReason, message: string, field: string) {
    super(KIND[reason], reason, message, field);
  }

  static unknownIndicator(key: string): StatisticsException {
    return new StatisticsException(
      StatisticsErrorReason.UNKNOWN_INDICATOR,
      `indicator: there is no indicator ${JSON.stringify(key)} you may read (see the indicators query).`,
      'indicator',
    );
  }

  static notAllowed(
    field: string,
    indicator: string,
    breakdown: string,
    allowed: readonly string[],
  ): StatisticsException {
    return new StatisticsException(
      StatisticsErrorReason.BREAKDOWN_NOT_ALLOWED,
      `${field}: ${indicator} cannot be split by ${breakdown}; it allows ${allowed.join(', ')}.`,
      field,
    );
  }

  static breakdowns(message: string): StatisticsException {
    return new StatisticsException(StatisticsErrorReason.BREAKDOWNS_INVALID, `breakdowns: ${message}`, 'breakdowns');
  }

  static filter(field: string, message: string): StatisticsException {
    return new StatisticsException(StatisticsErrorReason.FILTER_INVALID, `${field}: ${message}`, field);
  }

  static period(field: 'from' | 'to', message: string): StatisticsException {
    return new StatisticsException(StatisticsErrorReason.PERIOD_INVALID, `${field}: ${message}`, field);
  }
}
