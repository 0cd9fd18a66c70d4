import { Field, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index } from 'typeorm';

import { BaseEntity } from '@app/kernel/base.entity';

@ObjectType('Holiday', { description: 'A public holiday in a country calendar; deadlines skip these days.' })
@Entity('holiday')
@Index('UQ_holiday_country_date_name', ['country', 'date', 'name'], { unique: true })
@Index('IDX_holiday_country_date', ['country', 'date'])
export class HolidayEntity extends BaseEntity {
  @Field(() => String, { description: 'ISO 3166-1 alpha-2 country code (ID, KH, MY).' })
  @Column({ type: 'char', length: 2 })
  country: string;

  @Field(() => String, { description: 'The day (YYYY-MM-DD) in the country calendar.' })
  @Column({ type: 'date' })
  date: string;

  @Field(() => String, { description: 'Name of the holiday as published.' })
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Field(() => String, { description: 'public, bank, observance …, as the source library classifies it.' })
  @Column({ type: 'varchar', length: 30 })
  kind: string;

  @Field(() => String, { description: 'Where the day came from, e.g. date-holidays@3.37.0.' })
  @Column({ type: 'varchar', length: 60 })
  source: string;
}
