import { Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';

import { Authenticated } from '@app/auth/access.decorators';

import { EscalationPolicyEntity, EscalationRungDefinition } from './escalation-policy.entity';
import { EscalationsService } from './escalations.service';

@Resolver(() => EscalationPolicyEntity)
export class EscalationsResolver {
  constructor(private readonly service: EscalationsService) {}

  @Authenticated()
  @Query(() => [EscalationPolicyEntity], { description: 'The escalation ladders in force, per item type and urgency.' })
  escalationPolicies() {
    return this.service.policies();
  }

  @ResolveField(() => [EscalationRungDefinition], { description: 'The rungs, in order.' })
  rungs(@Parent() policy: EscalationPolicyEntity): EscalationRungDefinition[] {
    return policy.rungs.map((rung) => ({
      key: rung.key,
      offsetHours: rung.offset.hours ?? null,
      offsetWorkingDays: rung.offset.workingDays ?? null,
      targets: rung.targets,
      action: rung.action ?? null,
    }));
  }
}
