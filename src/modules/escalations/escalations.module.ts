import { Global, Module } from '@nestjs/common';

import { EscalationSubjects } from './escalation-subjects';
import { EscalationsResolver } from './escalations.resolver';
import { EscalationsService } from './escalations.service';

/**
 * Escalation ladders: policies as data, rung planning inside the item's transaction, and the registry item
 * modules add their subject to. Global so item modules reach it without import cycles.
 */
@Global()
@Module({
  providers: [EscalationsService, EscalationSubjects, EscalationsResolver],
  exports: [EscalationsService, EscalationSubjects],
})
export class EscalationsModule {}
