import { ArgsType, Field } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsOptional, ValidateNested } from 'class-validator';

import { PageArgs } from '@app/graphql/pagination';

import { MeetingFilter, OpenActionItemFilter } from './meeting.inputs';

@ArgsType()
export class MeetingsArgs extends PageArgs {
  @Field(() => MeetingFilter, { nullable: true, description: 'Conditions on the meetings.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => MeetingFilter)
  filter?: MeetingFilter;
}

@ArgsType()
export class OpenActionItemsArgs extends PageArgs {
  @Field(() => OpenActionItemFilter, { nullable: true, description: 'Conditions on the action items.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => OpenActionItemFilter)
  filter?: OpenActionItemFilter;
}
