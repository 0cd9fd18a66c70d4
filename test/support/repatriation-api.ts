import { CaseworkApi } from './casework-api';

export interface MilestoneView {
  id: string;
  reference: string;
  type: string;
  status: string;
  victimCode: string | null;
  dueAt: string;
  happenedOn: string | null;
  ownerAgency: { code: string };
}

export interface OperationView {
  id: string;
  reference: string;
  status: string;
  version: number;
  departedOn: string | null;
  arrivedOn: string | null;
  milestones: MilestoneView[];
  people: { victimId: string; victimCode: string; onboard: boolean; arrived: boolean; leftOn: string | null }[];
  readiness: { victimId: string; victimCode: string; ready: boolean; blocking: string[] }[];
}

export const OPERATION_FIELDS = `id reference status version departedOn arrivedOn
  milestones { id reference type status victimCode dueAt happenedOn ownerAgency { code } }
  people { victimId victimCode onboard arrived leftOn }
  readiness { victimId victimCode ready blocking }`;

export interface FollowUpView {
  id: string;
  reference: string;
  sequence: number;
  monthsAfterReturn: number;
  status: string;
  dueAt: string;
  victimId: string;
}

export interface PlanView {
  id: string;
  victimId: string;
  victimCode: string;
  status: string;
  outcome: string | null;
  returnedOn: string;
  handoverTaskId: string | null;
  responsibleAgency: { code: string };
  followUps: FollowUpView[];
}

export const PLAN_FIELDS = `id victimId victimCode status outcome returnedOn handoverTaskId responsibleAgency { code }
  followUps { id reference sequence monthsAfterReturn status dueAt victimId }`;

/** Typed helpers for repatriation operations, milestones and follow-ups, each run as a named user. */
export class RepatriationApi {
  constructor(readonly casework: CaseworkApi) {}

  async create(as: string, input: Record<string, unknown>) {
    return this.casework.run<{ createRepatriationOperation: OperationView }>(
      as,
      `mutation ($input: CreateRepatriationOperationInput!) { createRepatriationOperation(input: $input) { ${OPERATION_FIELDS} } }`,
      { input },
    );
  }

  operation(as: string, id: string) {
    return this.casework.run<{ repatriationOperation: OperationView }>(
      as,
      `query ($id: ID!) { repatriationOperation(id: $id) { ${OPERATION_FIELDS} } }`,
      { id },
    );
  }

  record(as: string, id: string, happenedOn: string) {
    return this.casework.run<{ recordMilestone: { status: string; happenedOn: string } }>(
      as,
      'mutation ($input: RecordMilestoneInput!) { recordMilestone(input: $input) { status happenedOn } }',
      { input: { id, happenedOn } },
    );
  }

  depart(as: string, id: string, departedOn: string, extra: Record<string, unknown> = {}) {
    return this.casework.run<{ markOperationDeparted: { status: string; departedOn: string } }>(
      as,
      'mutation ($input: MarkOperationDepartedInput!) { markOperationDeparted(input: $input) { status departedOn } }',
      { input: { id, departedOn, ...extra } },
    );
  }

  arrive(as: string, id: string, arrivedOn: string) {
    return this.casework.run<{ recordArrival: { status: string; arrivedOn: string } }>(
      as,
      'mutation ($input: RecordArrivalInput!) { recordArrival(input: $input) { status arrivedOn } }',
      { input: { id, arrivedOn } },
    );
  }

  move(as: string, operationId: string, victimId: string, toOperationId: string | null, reason: string) {
    return this.casework.run<{ moveRepatriationPerson: { id: string } }>(
      as,
      'mutation ($input: MoveRepatriationPersonInput!) { moveRepatriationPerson(input: $input) { id } }',
      { input: { operationId, victimId, reason, ...(toOperationId ? { toOperationId } : {}) } },
    );
  }

  plans(as: string, victimId: string) {
    return this.casework.run<{ reintegrationPlans: PlanView[] }>(
      as,
      `query ($victimId: ID!) { reintegrationPlans(victimId: $victimId) { ${PLAN_FIELDS} } }`,
      { victimId },
    );
  }

  outcome(as: string, id: string, victimId: string, outcome: string, contactedOn: string) {
    return this.casework.run<{ recordFollowUpOutcome: { status: string } }>(
      as,
      'mutation ($input: RecordFollowUpOutcomeInput!) { recordFollowUpOutcome(input: $input) { status } }',
      { input: { id, victimId, outcome, contactedOn } },
    );
  }
}
