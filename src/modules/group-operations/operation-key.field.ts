import { applyDecorators } from '@nestjs/common';
import { Field } from '@nestjs/graphql';
import { IsString, Length, Matches } from 'class-validator';

/**
 * The client's key for a group operation (a UUID is a good choice): sending the same key again replays the first
 * call's answer and writes nothing.
 */
export function OperationKeyField(): PropertyDecorator {
  return applyDecorators(
    Field(() => String, {
      description:
        'Your key for this operation (8–100 letters, digits, dots, colons, dashes or underscores; a UUID will do). Send the same key when you retry: the first answer comes back and nothing more is written.',
    }),
    IsString(),
    Length(8, 100),
    Matches(/^[A-Za-z0-9._:-]+$/, {
      message: '$property may hold letters, digits, dots, colons, dashes and underscores',
    }),
  );
}
