import { registerDecorator, ValidationOptions } from 'class-validator';

import { isValidTimeZone } from '@app/kernel/time-zone';

/** class-validator rule: an IANA time zone name. */
export function IsTimeZone(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isTimeZone',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: '$property must be an IANA time zone such as Asia/Jakarta', ...options },
      validator: { validate: (value: unknown) => typeof value === 'string' && isValidTimeZone(value) },
    });
}

/**
 * True for a calendar date written YYYY-MM-DD that exists (2024-02-30 does not), between 1900 and 2100 (year 0
 * does not exist in PostgreSQL, and nothing Simpul records lies outside those years).
 */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^(19\d\d|20\d\d|2100)-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** class-validator rule: a calendar date written YYYY-MM-DD that exists. */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isCalendarDate',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: '$property must be a date written YYYY-MM-DD, between 1900 and 2100', ...options },
      validator: { validate: isCalendarDate },
    });
}
