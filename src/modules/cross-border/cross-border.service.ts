import { Injectable } from '@nestjs/common';

import { Actor } from '@app/auth/actor';
import { Connection } from '@app/graphql/pagination';
import { VictimIdentity } from '@app/modules/victims/victim-identity';
import { WorkItemEventEntity } from '@app/workflow/history/work-item-event.entity';

import { DraftRequestCommand } from './commands/draft-request.command';
import { ExtendDeadlineCommand } from './commands/extend-deadline.command';
import { PauseClockCommand } from './commands/pause-clock.command';
import { RecordCounterpartReplyCommand } from './commands/record-counterpart-reply.command';
import { ResumeClockCommand } from './commands/resume-clock.command';
import { SubmitRequestCommand } from './commands/submit-request.command';
import { TransitionRequestCommand } from './commands/transition-request.command';
import { CrossBorderDeadlinePolicyEntity } from './cross-border-deadline-policy.entity';
import { CrossBorderRequestEntity } from './cross-border-request.entity';
import { RequestAction } from './cross-border.enums';
import {
  AcknowledgeRequestInput,
  AnswerRequestInput,
  CrossBorderRequestsArgs,
  DraftCrossBorderRequestInput,
  ExtendDeadlineInput,
  PauseClockInput,
  RecordCounterpartReplyInput,
  RequestActionInput,
  RequestReasonInput,
} from './dto/cross-border.inputs';
import { CrossBorderQueries } from './queries/cross-border-queries.service';
import { LinkedVictimsQuery } from './queries/linked-victims.query';

/**
 * Cross-border requests with foreign counterparts: one entry point per use case, each in its own file under
 * commands/ and queries/; the lifecycle, sides, visibility, staged deadlines and ladders are declared in
 * cross-border.kind.ts.
 */
@Injectable()
export class CrossBorderService {
  constructor(
    private readonly queries: CrossBorderQueries,
    private readonly linkedVictimsQuery: LinkedVictimsQuery,
    private readonly drafting: DraftRequestCommand,
    private readonly submitting: SubmitRequestCommand,
    private readonly transitioning: TransitionRequestCommand,
    private readonly replying: RecordCounterpartReplyCommand,
    private readonly extending: ExtendDeadlineCommand,
    private readonly pausing: PauseClockCommand,
    private readonly resuming: ResumeClockCommand,
  ) {}

  /** The requests concerning many cases the actor may see (Case.crossBorderRequests). */
  requestsOfCases(actor: Actor, caseIds: readonly string[]): Promise<Map<string, CrossBorderRequestEntity[]>> {
    return this.queries.ofCases(actor, caseIds);
  }

  draftCrossBorderRequest(actor: Actor, input: DraftCrossBorderRequestInput): Promise<CrossBorderRequestEntity> {
    return this.drafting.execute(actor, input);
  }

  /** Submits a draft (into review for channels that need it); a supervisor's submit approves a reviewed one. */
  submitCrossBorderRequest(actor: Actor, input: RequestActionInput): Promise<CrossBorderRequestEntity> {
    return this.submitting.execute(actor, input);
  }

  acknowledgeCrossBorderRequest(actor: Actor, input: AcknowledgeRequestInput): Promise<CrossBorderRequestEntity> {
    return this.transitioning.execute(actor, input.id, input.expectedVersion, RequestAction.ACKNOWLEDGE, {
      counterpartReference: input.counterpartReference ?? null,
    });
  }

  acceptCrossBorderRequest(actor: Actor, input: RequestActionInput): Promise<CrossBorderRequestEntity> {
    return this.transitioning.execute(actor, input.id, input.expectedVersion, RequestAction.ACCEPT);
  }

  answerCrossBorderRequest(actor: Actor, input: AnswerRequestInput): Promise<CrossBorderRequestEntity> {
    const action = input.partial ? RequestAction.ANSWER_PARTIALLY : RequestAction.ANSWER;
    return this.transitioning.execute(actor, input.id, input.expectedVersion, action, { reason: input.note ?? null });
  }

  refuseCrossBorderRequest(actor: Actor, input: RequestReasonInput): Promise<CrossBorderRequestEntity> {
    return this.transitioning.execute(actor, input.id, input.expectedVersion, RequestAction.REFUSE, {
      reason: input.reason,
    });
  }

  withdrawCrossBorderRequest(actor: Actor, input: RequestReasonInput): Promise<CrossBorderRequestEntity> {
    return this.transitioning.execute(actor, input.id, input.expectedVersion, RequestAction.WITHDRAW, {
      reason: input.reason,
    });
  }

  closeCrossBorderRequest(actor: Actor, input: RequestActionInput): Promise<CrossBorderRequestEntity> {
    return this.transitioning.execute(actor, input.id, input.expectedVersion, RequestAction.CLOSE);
  }

  recordCounterpartReply(actor: Actor, input: RecordCounterpartReplyInput): Promise<CrossBorderRequestEntity> {
    return this.replying.execute(actor, input);
  }

  extendCrossBorderDeadline(actor: Actor, input: ExtendDeadlineInput): Promise<CrossBorderRequestEntity> {
    return this.extending.execute(actor, input);
  }

  pauseCrossBorderClock(actor: Actor, input: PauseClockInput): Promise<CrossBorderRequestEntity> {
    return this.pausing.execute(actor, input);
  }

  resumeCrossBorderClock(actor: Actor, input: RequestActionInput): Promise<CrossBorderRequestEntity> {
    return this.resuming.execute(actor, input);
  }

  crossBorderRequest(actor: Actor, id: string): Promise<CrossBorderRequestEntity> {
    return this.queries.crossBorderRequest(actor, id);
  }

  crossBorderRequests(actor: Actor, args: CrossBorderRequestsArgs): Promise<Connection<CrossBorderRequestEntity>> {
    return this.queries.crossBorderRequests(actor, args);
  }

  historyOf(requestIds: readonly string[]): Promise<Map<string, WorkItemEventEntity[]>> {
    return this.queries.historyOf(requestIds);
  }

  linkedCaseIds(requestId: string): Promise<string[]> {
    return this.queries.linkedCaseIds(requestId);
  }

  linkedVictims(
    actor: Actor,
    request: CrossBorderRequestEntity,
  ): Promise<{ code: string; identity: VictimIdentity | null }[]> {
    return this.linkedVictimsQuery.forReader(actor, request);
  }

  linkedVictimCodes(requestId: string): Promise<string[]> {
    return this.queries.linkedVictimCodes(requestId);
  }

  requestsForCommitment(actor: Actor, commitmentId: string): Promise<CrossBorderRequestEntity[]> {
    return this.queries.requestsForCommitment(actor, commitmentId);
  }

  deadlinePolicies(): Promise<CrossBorderDeadlinePolicyEntity[]> {
    return this.queries.deadlinePolicies();
  }
}
