import { ArgsType, Field, InputType } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import { ArrayMinSize, IsEmail, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';

import { EnumField, EnumListField, IdField, ReasonField, TextField, TimeZoneField } from '@app/graphql/input-fields';
import { PageArgs } from '@app/graphql/pagination';

import { Locale, Role } from '@app/kernel/role.enum';

/** E-mail addresses are stored and compared lower-case. */
export const lowerCaseEmail = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim().toLowerCase() : value;

@InputType({ description: 'A new user account (administrators).' })
export class CreateUserInput {
  @Field(() => String, { description: 'Login and mail address.' })
  @Transform(lowerCaseEmail)
  @IsEmail({}, { message: 'email must be a valid e-mail address' })
  @MaxLength(254)
  email: string;

  @TextField({ description: 'Name shown to colleagues.', min: 2, max: 200 })
  displayName: string;

  @IdField({ description: 'The agency the user acts for.' })
  agencyId: string;

  @EnumListField(Role, { description: 'Roles held (at least one).' })
  @ArrayMinSize(1)
  roles: Role[];

  @EnumField(Locale, { description: 'Preferred language (id when omitted).', optional: true })
  locale?: Locale;

  @TimeZoneField({ description: "IANA time zone (the agency's when omitted).", optional: true })
  timeZone?: string;

  @IdField({ description: 'Supervisor on the escalation ladder.', optional: true })
  supervisorUserId?: string;

  @Field(() => String, {
    description: 'Initial password: at least 12 characters, letters mixed with digits or symbols.',
  })
  @IsString()
  initialPassword: string;
}

@InputType({ description: 'Changes to a user account; omitted fields stay as they are (administrators).' })
export class UpdateUserInput {
  @IdField({ description: 'The user.' })
  id: string;

  @TextField({ description: 'Name shown to colleagues.', optional: true, min: 2, max: 200 })
  displayName?: string;

  @EnumListField(Role, { description: 'Roles held (replaces the list).', optional: true })
  @ArrayMinSize(1)
  roles?: Role[];

  @EnumField(Locale, { description: 'Preferred language.', optional: true })
  locale?: Locale;

  @TimeZoneField({ description: 'IANA time zone.', optional: true })
  timeZone?: string;

  @IdField({ description: 'Supervisor on the escalation ladder.', optional: true })
  supervisorUserId?: string;
}

@InputType({ description: 'Deactivate a user: they can no longer log in; their history stays.' })
export class DeactivateUserInput {
  @IdField({ description: 'The user.' })
  id: string;

  @ReasonField()
  reason: string;
}

@InputType({ description: 'Narrows the user list.' })
export class UserFilter {
  @IdField({ description: "Only this agency's users (default: your own agency).", optional: true })
  agencyId?: string;

  @EnumField(Role, { description: 'Only users holding this role.', optional: true })
  role?: Role;

  @TextField({ description: 'Words matched against name and e-mail.', optional: true, max: 100 })
  search?: string;
}

@ArgsType()
export class UsersArgs extends PageArgs {
  @Field(() => UserFilter, { nullable: true, description: 'Conditions on the users.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => UserFilter)
  filter?: UserFilter;
}
