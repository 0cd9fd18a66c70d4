import { applyDecorators } from '@nestjs/common';
import { ArgsType, Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsOptional, registerDecorator, ValidateNested } from 'class-validator';

import { EnumField } from '@app/graphql/input-fields';
import { PageArgs } from '@app/graphql/pagination';
import { isCountryCode } from '@app/modules/cases/case-codes';
import { RegionCodeField } from '@app/modules/cases/dto/case-fields';

import { AgencyCapability } from '../agency.enums';

function IsAssignedCountry(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isAssignedCountry',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: '$property must be an ISO 3166-1 alpha-2 country code in capitals such as ID, KH or MY' },
      validator: { validate: isCountryCode },
    });
}

/** One ISO 3166-1 alpha-2 country code, checked against the assigned codes (not only its shape). */
function CountryCodeField(options: { description: string }): PropertyDecorator {
  return applyDecorators(
    Field(() => String, { nullable: true, description: options.description }),
    IsOptional(),
    IsAssignedCountry(),
  );
}

@InputType({ description: 'Which providers to find: the service needed, and optionally where.' })
export class ProviderFilter {
  @EnumField(AgencyCapability, { description: 'The service needed; only agencies that deliver it are listed.' })
  capability: AgencyCapability;

  @CountryCodeField({ description: 'Only agencies of this country (ISO 3166-1 alpha-2, e.g. ID or KH).' })
  country?: string;

  @RegionCodeField({
    description:
      'Only agencies that are current members of an active task-force unit of this Indonesian region or of a ' +
      'region inside it: "32" (West Java) also finds members of the Indramayu unit "32.12".',
    optional: true,
  })
  region?: string;
}

@ArgsType()
export class ProvidersArgs extends PageArgs {
  @Field(() => ProviderFilter, { description: 'The service needed and where.' })
  @ValidateNested()
  @Type(() => ProviderFilter)
  filter: ProviderFilter;
}
