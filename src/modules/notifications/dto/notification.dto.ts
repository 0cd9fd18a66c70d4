import { ArgsType, Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsEnum, IsOptional, IsUUID, ValidateNested } from 'class-validator';

import { ConnectionType, PageArgs } from '@app/graphql/pagination';

import { NotificationChannel, NotificationKind } from '../notification.enums';
import { NotificationEntity } from '../notification.entity';

@ObjectType()
export class NotificationConnection extends ConnectionType(NotificationEntity, 'Notification') {
  @Field(() => Int, { description: 'How many of your notifications are unread (all pages).' })
  unreadCount: number;
}

@ArgsType()
export class MyNotificationsArgs extends PageArgs {
  @Field(() => Boolean, { defaultValue: false, description: 'Only unread notifications.' })
  @IsBoolean()
  unreadOnly: boolean = false;
}

@InputType({ description: 'Which notifications to mark read: some by id, or all of yours.' })
export class MarkNotificationsReadInput {
  @Field(() => [ID], { nullable: true, description: 'Notifications to mark read (yours only; at most 500).' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true, message: 'ids must hold notification ids' })
  ids?: string[];

  @Field(() => Boolean, { nullable: true, description: 'Mark every notification of yours read.' })
  @IsOptional()
  @IsBoolean()
  all?: boolean;
}

@ObjectType({ description: 'What marking read changed.' })
export class MarkNotificationsReadResult {
  @Field(() => Int, { description: 'Notifications that changed from unread to read.' })
  marked: number;

  @Field(() => Int, { description: 'How many are still unread.' })
  unreadCount: number;
}

@InputType({ description: 'Turn one kind of notification on or off on one channel.' })
export class NotificationPreferenceInput {
  @Field(() => NotificationKind)
  @IsEnum(NotificationKind)
  kind: NotificationKind;

  @Field(() => NotificationChannel)
  @IsEnum(NotificationChannel)
  channel: NotificationChannel;

  @Field(() => Boolean)
  @IsBoolean()
  enabled: boolean;
}

@InputType({ description: 'Preference changes; kinds and channels not named keep their setting.' })
export class UpdateNotificationPreferencesInput {
  @Field(() => [NotificationPreferenceInput])
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => NotificationPreferenceInput)
  changes: NotificationPreferenceInput[];
}

@ObjectType('NotificationPreference', { description: 'Your setting for one kind of notification.' })
export class NotificationPreference {
  @Field(() => NotificationKind)
  kind: NotificationKind;

  @Field(() => Boolean, { description: 'Shown in the app.' })
  inApp: boolean;

  @Field(() => Boolean, { description: 'Sent by email.' })
  email: boolean;

  @Field(() => Boolean, { description: 'Critical kinds are always on.' })
  critical: boolean;
}
