import { Module } from '@nestjs/common';

import {
  AgencyActionItemsResolver,
  AgencyAttendanceResolver,
  CoordinationFiguresResolver,
} from './coordination-figures.resolver';
import { CoordinationFiguresService } from './coordination-figures.service';

/**
 * Figures of coordination and prevention work (meetings, attendance, action items, activities, spending), read
 * from the meeting and activity registers as typed indicators; the numbers issue will take them into its catalogue.
 */
@Module({
  providers: [
    CoordinationFiguresService,
    CoordinationFiguresResolver,
    AgencyAttendanceResolver,
    AgencyActionItemsResolver,
  ],
  exports: [CoordinationFiguresService],
})
export class CoordinationFiguresModule {}
