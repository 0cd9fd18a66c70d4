import { ArgsType, Field, GraphQLISODateTime } from '@nestjs/graphql';
import { IsDate, IsOptional, registerDecorator } from 'class-validator';

import { isCountryCode } from '@app/modules/cases/case-codes';

function IsAssignedCountry(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isAssignedCountry',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: '$property must be an ISO 3166-1 alpha-2 country code in capitals such as KH or MY' },
      validator: { validate: isCountryCode },
    });
}

@ArgsType()
export class CounterpartResponseTimesArgs {
  @Field(() => GraphQLISODateTime, { description: 'Start of the period: requests submitted at or after this instant.' })
  @IsDate()
  from: Date;

  @Field(() => GraphQLISODateTime, {
    description: 'End of the period: requests submitted before this instant. At most 5 years after `from`.',
  })
  @IsDate()
  to: Date;

  @Field(() => String, {
    nullable: true,
    description: 'Only counterparts of this country (ISO 3166-1 alpha-2, e.g. KH or MY); all countries when omitted.',
  })
  @IsOptional()
  @IsAssignedCountry()
  country?: string;
}
