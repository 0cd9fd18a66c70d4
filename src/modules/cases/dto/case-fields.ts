import { applyDecorators } from '@nestjs/common';
import { Field } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsOptional, registerDecorator, ValidationArguments } from 'class-validator';

import { isCountryCode, isRegionCode } from '../case-codes';

/**
 * Input fields for the case's code lists, in the manner of src/graphql/input-fields.ts: schema field and
 * validation declared together, errors naming the field (and the offending codes).
 */
interface Options {
  description: string;
  optional?: boolean;
}

const optional = (options: Options) => (options.optional ? [IsOptional()] : []);

function EachIsCountryCode(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'eachIsCountryCode',
      target: target.constructor,
      propertyName: String(propertyName),
      options: {
        message: ({ property, value }: ValidationArguments) =>
          `${property} must hold ISO 3166-1 alpha-2 country codes in capitals such as KH or MY; not: ${badCodes(value)}`,
      },
      validator: { validate: (value: unknown) => Array.isArray(value) && value.every(isCountryCode) },
    });
}

const badCodes = (value: unknown): string =>
  Array.isArray(value)
    ? value
        .filter((code) => !isCountryCode(code))
        .map((code) => JSON.stringify(code))
        .join(', ')
    : JSON.stringify(value);

/** A list of ISO 3166-1 alpha-2 country codes, each an assigned country. */
export function CountryListField(options: Options & { maxItems: number }): PropertyDecorator {
  return applyDecorators(
    Field(() => [String], { nullable: options.optional, description: options.description }),
    ...optional(options),
    IsArray(),
    ArrayMaxSize(options.maxItems),
    EachIsCountryCode(),
  );
}

function IsRegionCode(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isRegionCode',
      target: target.constructor,
      propertyName: String(propertyName),
      options: {
        message:
          '$property must be an Indonesian province or regency/city code (Kemendagri) such as 53 or 32.12; ' +
          'finer codes are not kept',
      },
      validator: { validate: isRegionCode },
    });
}

/** An Indonesian region code: a province ("53") or a regency/city ("32.12"). */
export function RegionCodeField(options: Options): PropertyDecorator {
  return applyDecorators(
    Field(() => String, { nullable: options.optional, description: options.description }),
    ...optional(options),
    IsRegionCode(),
  );
}
