import { Injectable } from '@nestjs/common';

import { Actor } from '@app/auth/actor';
import { Connection, PageArgs } from '@app/graphql/pagination';
import { VictimEntity } from '@app/modules/victims/victim.entity';
import { WorkItemEventEntity } from '@app/workflow/history/work-item-event.entity';
import { WorkItemType } from '@app/workflow/work-item-kind';

import { AssessNeedsCommand } from './commands/assess-needs.command';
import { CreateOperationCommand } from './commands/create-operation.command';
import { DepartAndArriveCommand } from './commands/depart-and-arrive.command';
import { OperationPeopleCommand } from './commands/operation-people.command';
import { RecordFollowUpOutcomeCommand } from './commands/record-follow-up-outcome.command';
import { RecordMilestoneCommand } from './commands/record-milestone.command';
import {
  AddRepatriationPeopleInput,
  AssessReintegrationNeedsInput,
  CreateRepatriationOperationInput,
  MarkOperationDepartedInput,
  MoveRepatriationPersonInput,
  RecordArrivalInput,
  RecordFollowUpOutcomeInput,
  RecordMilestoneInput,
  RepatriationOperationsArgs,
  WaiveMilestoneInput,
} from './dto/repatriation.inputs';
import { TravelReadiness } from './dto/repatriation.outputs';
import { FollowUpContactEntity } from './follow-up-contact.entity';
import { OperationPersonEntity } from './operation-person.entity';
import { RepatriationQueries } from './queries/repatriation-queries';
import { ReintegrationNeedEntity } from './reintegration-need.entity';
import { ReintegrationPlanEntity } from './reintegration-plan.entity';
import { FollowUpStatus } from './repatriation.enums';
import { RepatriationMilestoneEntity } from './repatriation-milestone.entity';
import { RepatriationOperationEntity } from './repatriation-operation.entity';

/** Repatriation, handover and reintegration: one entry point per use case (commands/ and queries/). */
@Injectable()
export class RepatriationService {
  constructor(
    private readonly queries: RepatriationQueries,
    private readonly creating: CreateOperationCommand,
    private readonly milestones: RecordMilestoneCommand,
    private readonly travel: DepartAndArriveCommand,
    private readonly people: OperationPeopleCommand,
    private readonly followUps: RecordFollowUpOutcomeCommand,
    private readonly needs: AssessNeedsCommand,
  ) {}

  operation(actor: Actor, id: string): Promise<RepatriationOperationEntity> {
    return this.queries.operation(actor, id);
  }

  milestone(actor: Actor, id: string): Promise<RepatriationMilestoneEntity> {
    return this.queries.milestone(actor, id);
  }

  operations(actor: Actor, args: RepatriationOperationsArgs): Promise<Connection<RepatriationOperationEntity>> {
    return this.queries.list(actor, args);
  }

  createOperation(actor: Actor, input: CreateRepatriationOperationInput): Promise<RepatriationOperationEntity> {
    return this.creating.execute(actor, input);
  }

  recordMilestone(actor: Actor, input: RecordMilestoneInput): Promise<RepatriationMilestoneEntity> {
    return this.milestones.record(actor, input);
  }

  waiveMilestone(actor: Actor, input: WaiveMilestoneInput): Promise<RepatriationMilestoneEntity> {
    return this.milestones.waive(actor, input);
  }

  markDeparted(actor: Actor, input: MarkOperationDepartedInput): Promise<RepatriationOperationEntity> {
    return this.travel.depart(actor, input);
  }

  recordArrival(actor: Actor, input: RecordArrivalInput): Promise<RepatriationOperationEntity> {
    return this.travel.arrive(actor, input);
  }

  addPeople(actor: Actor, input: AddRepatriationPeopleInput): Promise<RepatriationOperationEntity> {
    return this.people.add(actor, input);
  }

  movePerson(actor: Actor, input: MoveRepatriationPersonInput): Promise<RepatriationOperationEntity> {
    return this.people.move(actor, input);
  }

  recordFollowUpOutcome(actor: Actor, input: RecordFollowUpOutcomeInput): Promise<FollowUpContactEntity> {
    return this.followUps.execute(actor, input);
  }

  assessNeeds(actor: Actor, input: AssessReintegrationNeedsInput): Promise<ReintegrationPlanEntity> {
    return this.needs.execute(actor, input);
  }

  milestonesOf(ids: readonly string[]): Promise<Map<string, RepatriationMilestoneEntity[]>> {
    return this.queries.milestonesOf(ids);
  }

  peopleOf(ids: readonly string[]): Promise<Map<string, OperationPersonEntity[]>> {
    return this.queries.peopleOf(ids);
  }

  readiness(ids: readonly string[]): Promise<Map<string, TravelReadiness[]>> {
    return this.queries.readiness(ids);
  }

  historyOf(type: WorkItemType, ids: readonly string[]): Promise<Map<string, WorkItemEventEntity[]>> {
    return this.queries.historyOf(type, ids);
  }

  plans(actor: Actor, filter: { operationId?: string; victimId?: string }): Promise<ReintegrationPlanEntity[]> {
    return this.queries.plans(actor, filter);
  }

  plan(actor: Actor, id: string): Promise<ReintegrationPlanEntity> {
    return this.queries.plan(actor, id);
  }

  followUpsOf(planIds: readonly string[]): Promise<Map<string, FollowUpContactEntity[]>> {
    return this.queries.followUpsOf(planIds);
  }

  needsOf(planIds: readonly string[]): Promise<Map<string, ReintegrationNeedEntity[]>> {
    return this.queries.needsOf(planIds);
  }

  followUpContacts(actor: Actor, page: PageArgs, status?: FollowUpStatus): Promise<Connection<FollowUpContactEntity>> {
    return this.queries.followUpContacts(actor, page, status);
  }

  visiblePeople(actor: Actor, ids: readonly string[]): Promise<Map<string, VictimEntity[]>> {
    return this.queries.visiblePeople(actor, ids);
  }

  followUp(actor: Actor, id: string): Promise<FollowUpContactEntity> {
    return this.queries.followUp(actor, id);
  }
}
