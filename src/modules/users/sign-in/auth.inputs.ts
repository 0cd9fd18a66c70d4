import { Field, GraphQLISODateTime, InputType, ObjectType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';

import { IdField } from '@app/graphql/input-fields';
import { lowerCaseEmail } from '@app/modules/users/dto/user.inputs';
import { UserEntity } from '@app/modules/users/user.entity';

@InputType({ description: 'E-mail and password.' })
export class LoginInput {
  @Field(() => String, { description: 'Login e-mail address.' })
  @Transform(lowerCaseEmail)
  @IsEmail({}, { message: 'email must be a valid e-mail address' })
  email: string;

  @Field(() => String, { description: 'Password.' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password: string;
}

@InputType({ description: 'Your current password and the new one.' })
export class ChangePasswordInput {
  @Field(() => String, { description: 'Current password.' })
  @IsString()
  @MaxLength(200)
  currentPassword: string;

  @Field(() => String, { description: 'New password: at least 12 characters, letters mixed with digits or symbols.' })
  @IsString()
  newPassword: string;
}

@InputType({ description: 'Whose sign-in locks to lift (administrators).' })
export class UnlockLoginInput {
  @IdField({ description: 'The user locked out by failed sign-ins.' })
  userId: string;
}

@InputType({ description: "A new password for someone else's account (administrators)." })
export class ResetUserPasswordInput {
  @IdField({ description: 'The user.' })
  userId: string;

  @Field(() => String, {
    description:
      'The new password: at least 12 characters, letters mixed with digits or symbols. Hand it over out of band.',
  })
  @IsString()
  newPassword: string;
}

@ObjectType({ description: 'A signed access token; send it as "Authorization: Bearer <accessToken>".' })
export class AuthPayload {
  @Field(() => String, { description: 'The access token.' })
  accessToken: string;

  @Field(() => GraphQLISODateTime, { description: 'When the token stops working.' })
  expiresAt: Date;

  @Field(() => UserEntity, { description: 'Who logged in.' })
  user: UserEntity;
}
