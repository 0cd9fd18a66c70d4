import { applyDecorators } from '@nestjs/common';
import { Field, Float } from '@nestjs/graphql';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { ValueTransformer } from 'typeorm';

/** The largest amount an input accepts (far above any meeting's or activity's cost). */
export const MAX_RUPIAH = 1e15;

/**
 * Amounts in whole rupiah are stored as bigint (budgets run into the billions) and read as numbers: exact up to
 * 9 × 10^15, far above MAX_RUPIAH.
 */
export const wholeRupiah: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};

/** An optional amount in whole rupiah (GraphQL Float, since Int stops at 2^31). */
export function RupiahField(description: string): PropertyDecorator {
  return applyDecorators(
    Field(() => Float, { nullable: true, description }),
    IsOptional(),
    IsInt({ message: '$property must be a whole number of rupiah' }),
    Min(0),
    Max(MAX_RUPIAH),
  );
}
