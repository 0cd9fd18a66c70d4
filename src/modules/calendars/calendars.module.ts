import { Module } from '@nestjs/common';

import { CalendarsResolver } from './calendars.resolver';
import { CalendarsService } from './calendars.service';

@Module({ providers: [CalendarsService, CalendarsResolver], exports: [CalendarsService] })
export class CalendarsModule {}
