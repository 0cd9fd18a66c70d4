import { Injectable } from '@nestjs/common';

import { Actor } from '@app/auth/actor';
import { Connection } from '@app/graphql/pagination';
import { WorkItemEventEntity } from '@app/workflow/history/work-item-event.entity';

import { ProposeReferralCommand } from './commands/propose-referral.command';
import { ProposeReferralsForGroupCommand } from './commands/propose-referrals-for-group.command';
import { RerouteReferralCommand } from './commands/reroute-referral.command';
import { TransitionReferralCommand } from './commands/transition-referral.command';
import {
  CompleteReferralInput,
  ProposeReferralInput,
  ReferralActionInput,
  ReferralReasonInput,
  ReferralsArgs,
  RerouteReferralInput,
} from './dto/referral.inputs';
import { ProposeReferralsForGroupInput, ReferralGroupProposal } from './dto/referral-group.inputs';
import { ReferralQueries } from './queries/referral-queries.service';
import { ReferralResponsePolicyEntity } from './referral-response-policy.entity';
import { ReferralEntity } from './referral.entity';
import { ReferralAction } from './referral.enums';

/**
 * Referrals of victims to providers: one entry point per use case, each in its own file under commands/ and
 * queries/; the lifecycle, sides, visibility and ladder are declared in referral.kind.ts.
 */
@Injectable()
export class ReferralsService {
  constructor(
    private readonly queries: ReferralQueries,
    private readonly proposing: ProposeReferralCommand,
    private readonly rerouting: RerouteReferralCommand,
    private readonly transitioning: TransitionReferralCommand,
    private readonly groupProposal: ProposeReferralsForGroupCommand,
  ) {}

  proposeReferralsForGroup(actor: Actor, input: ProposeReferralsForGroupInput): Promise<ReferralGroupProposal> {
    return this.groupProposal.execute(actor, input);
  }

  /** The referrals of many cases' people the actor may see (Case.referrals). */
  referralsOfCases(actor: Actor, caseIds: readonly string[]): Promise<Map<string, ReferralEntity[]>> {
    return this.queries.ofCases(actor, caseIds);
  }

  proposeReferral(actor: Actor, input: ProposeReferralInput): Promise<ReferralEntity> {
    return this.proposing.execute(actor, input);
  }

  rerouteReferral(actor: Actor, input: RerouteReferralInput): Promise<ReferralEntity> {
    return this.rerouting.execute(actor, input);
  }

  acceptReferral(actor: Actor, input: ReferralActionInput): Promise<ReferralEntity> {
    return this.transitioning.execute(actor, input.id, ReferralAction.ACCEPT, input.expectedVersion);
  }

  declineReferral(actor: Actor, input: ReferralReasonInput): Promise<ReferralEntity> {
    return this.transitioning.execute(actor, input.id, ReferralAction.DECLINE, input.expectedVersion, input.reason);
  }

  withdrawReferral(actor: Actor, input: ReferralReasonInput): Promise<ReferralEntity> {
    return this.transitioning.execute(actor, input.id, ReferralAction.WITHDRAW, input.expectedVersion, input.reason);
  }

  startReferralService(actor: Actor, input: ReferralActionInput): Promise<ReferralEntity> {
    return this.transitioning.execute(actor, input.id, ReferralAction.START_SERVICE, input.expectedVersion);
  }

  completeReferral(actor: Actor, input: CompleteReferralInput): Promise<ReferralEntity> {
    return this.transitioning.execute(actor, input.id, ReferralAction.COMPLETE, input.expectedVersion, input.outcome);
  }

  discontinueReferral(actor: Actor, input: ReferralReasonInput): Promise<ReferralEntity> {
    return this.transitioning.execute(actor, input.id, ReferralAction.DISCONTINUE, input.expectedVersion, input.reason);
  }

  referral(actor: Actor, id: string): Promise<ReferralEntity> {
    return this.queries.referral(actor, id);
  }

  referrals(actor: Actor, args: ReferralsArgs): Promise<Connection<ReferralEntity>> {
    return this.queries.referrals(actor, args);
  }

  historyOf(referralIds: readonly string[]): Promise<Map<string, WorkItemEventEntity[]>> {
    return this.queries.historyOf(referralIds);
  }

  responsePolicies(): Promise<ReferralResponsePolicyEntity[]> {
    return this.queries.responsePolicies();
  }
}
