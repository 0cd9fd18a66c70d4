import { applyDecorators } from '@nestjs/common';
import { Field, ID, Int } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
} from 'class-validator';

import { IsCalendarDate, IsTimeZone } from '@app/graphql/validators';

/**
 * Field decorators for GraphQL inputs: each declares the schema field and its validation together, so the
 * two cannot drift apart. `optional` makes the field nullable in the schema and skips validation when absent.
 * What every input gets regardless (UUID ids, well-formed text, blank = missing, null = omitted, bounded dates)
 * is applied to the whole schema in input-hygiene.ts.
 */
interface Options {
  description: string;
  optional?: boolean;
}

const optional = (options: Options) => (options.optional ? [IsOptional()] : []);

/** Leading and trailing white space is never meant: "  Verify identities " is stored as "Verify identities". */
const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const trimEach = ({ value }: { value: unknown }) =>
  Array.isArray(value) ? value.map((item) => (typeof item === 'string' ? item.trim() : item)) : value;

/** Free text of bounded length, trimmed (the lengths count what is kept). */
export function TextField(options: Options & { min?: number; max: number }): PropertyDecorator {
  return applyDecorators(
    Field(() => String, { nullable: options.optional, description: options.description }),
    Transform(trim),
    ...optional(options),
    IsString(),
    options.min ? Length(options.min, options.max) : MaxLength(options.max),
  );
}

/** A list of short texts (aliases, party names). */
export function TextListField(options: Options & { maxItems: number; maxLength: number }): PropertyDecorator {
  return applyDecorators(
    Field(() => [String], { nullable: options.optional, description: options.description }),
    Transform(trimEach),
    ...optional(options),
    IsArray(),
    ArrayMaxSize(options.maxItems),
    IsString({ each: true }),
    MaxLength(options.maxLength, { each: true }),
  );
}

/** A short stable reference code: capitals, digits and dashes. */
export function CodeField(options: Options & { max: number }): PropertyDecorator {
  const pattern = new RegExp(`^[A-Z0-9][A-Z0-9-]{1,${options.max - 1}}$`);
  return applyDecorators(
    Field(() => String, { nullable: options.optional, description: options.description }),
    ...optional(options),
    Matches(pattern, { message: `$property must be 2–${options.max} capitals, digits or dashes` }),
  );
}

/** The id of a record. */
export function IdField(options: Options): PropertyDecorator {
  return applyDecorators(
    Field(() => ID, { nullable: options.optional, description: options.description }),
    ...optional(options),
    IsUUID(),
  );
}

/** A list of record ids. */
export function IdListField(options: Options & { maxItems: number }): PropertyDecorator {
  return applyDecorators(
    Field(() => [ID], { nullable: options.optional, description: options.description }),
    ...optional(options),
    IsArray(),
    ArrayMaxSize(options.maxItems),
    IsUUID('all', { each: true }),
  );
}

/** One value of an enum registered with GraphQL. */
export function EnumField(enumType: object, options: Options): PropertyDecorator {
  return applyDecorators(
    Field(() => enumType, { nullable: options.optional, description: options.description }),
    ...optional(options),
    IsEnum(enumType),
  );
}

/** A list of values of an enum registered with GraphQL. */
export function EnumListField(enumType: object, options: Options): PropertyDecorator {
  return applyDecorators(
    Field(() => [enumType], { nullable: options.optional, description: options.description }),
    ...optional(options),
    IsArray(),
    IsEnum(enumType, { each: true }),
  );
}

/** A calendar day written YYYY-MM-DD. */
export function DayField(options: Options): PropertyDecorator {
  return applyDecorators(
    Field(() => String, { nullable: options.optional, description: options.description }),
    ...optional(options),
    IsCalendarDate(),
  );
}

/** An IANA time zone such as Asia/Jakarta. */
export function TimeZoneField(options: Options): PropertyDecorator {
  return applyDecorators(
    Field(() => String, { nullable: options.optional, description: options.description }),
    ...optional(options),
    IsTimeZone(),
  );
}

/** A two-letter ISO 3166-1 country code. */
export function CountryField(options: Options): PropertyDecorator {
  return applyDecorators(
    Field(() => String, { nullable: options.optional, description: options.description }),
    ...optional(options),
    Matches(/^[A-Z]{2}$/, { message: '$property must be a two-letter ISO country code such as ID' }),
  );
}

/** Optimistic concurrency: the version the caller last read; a mismatch is refused with CONFLICT. */
export function ExpectedVersionField(): PropertyDecorator {
  return applyDecorators(
    Field(() => Int, {
      nullable: true,
      description: 'The version you last read; the change is refused with CONFLICT if someone changed it since.',
    }),
    IsOptional(),
    IsInt(),
  );
}

/** Why something is being done (deactivation, refusal …): required, kept in the audit trail. */
export function ReasonField(description = 'Why; kept in the audit trail.'): PropertyDecorator {
  return TextField({ description, min: 3, max: 500 });
}
