import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { Actor } from '@app/auth/actor';
import { Connection } from '@app/graphql/pagination';

import { AddCaseParticipant } from './commands/add-case-participant';
import { NewParticipant } from './commands/case-team';
import { ChangeCaseStatus } from './commands/change-case-status';
import { CommentOnCase } from './commands/comment-on-case';
import { EndCaseParticipation } from './commands/end-case-participation';
import { HandOverCaseLead } from './commands/hand-over-case-lead';
import { OpenCase } from './commands/open-case';
import { UpdateCase } from './commands/update-case';
import {
  AddCaseParticipantInput,
  CommentOnCaseInput,
  EndCaseParticipationInput,
  HandOverCaseLeadInput,
} from './dto/case-team.inputs';
import { CasesArgs, ChangeCaseStatusInput, OpenCaseInput, UpdateCaseInput } from './dto/case.inputs';
import { CaseEventEntity } from './case-event.entity';
import { CaseParticipantEntity } from './case-participant.entity';
import { CaseEntity } from './case.entity';
import { CaseQueries } from './queries/case-queries';

export { caseReference } from './case-rules';

/**
 * Trafficking cases and their teams: the resolver and other modules call these methods; each is a use case in
 * `commands/` or `queries/` (one per file). Who sees a case is AccessService.caseVisibility.
 */
@Injectable()
export class CasesService {
  constructor(
    private readonly queries: CaseQueries,
    private readonly opening: OpenCase,
    private readonly updating: UpdateCase,
    private readonly statusChange: ChangeCaseStatus,
    private readonly adding: AddCaseParticipant,
    private readonly ending: EndCaseParticipation,
    private readonly handover: HandOverCaseLead,
    private readonly commenting: CommentOnCase,
  ) {}

  findVisible(actor: Actor, id: string): Promise<CaseEntity> {
    return this.queries.findVisible(actor, id);
  }

  /** The case when the actor may see it, else null (for fields of other records that link a case). */
  findVisibleOrNull(actor: Actor, id: string): Promise<CaseEntity | null> {
    return this.queries.findVisible(actor, id).catch(() => null);
  }

  /** Of `ids`, the cases the actor may see (for work that links to cases: only visible ones can be linked). */
  visibleIds(manager: EntityManager, actor: Actor, ids: readonly string[]): Promise<string[]> {
    return this.queries.visibleIds(manager, actor, ids);
  }

  /** Of `ids`, the cases in which one of `agencyIds` currently takes part (the lead included). */
  withParticipant(manager: EntityManager, agencyIds: readonly string[], ids: readonly string[]): Promise<string[]> {
    return this.queries.withParticipant(manager, agencyIds, ids);
  }

  list(actor: Actor, args: CasesArgs): Promise<Connection<CaseEntity>> {
    return this.queries.list(actor, args);
  }

  historyOf(caseIds: readonly string[]): Promise<Map<string, CaseEventEntity[]>> {
    return this.queries.historyOf(caseIds);
  }

  participantsOf(caseIds: readonly string[]): Promise<Map<string, CaseParticipantEntity[]>> {
    return this.queries.participantsOf(caseIds);
  }

  openCase(actor: Actor, input: OpenCaseInput): Promise<CaseEntity> {
    return this.opening.execute(actor, input);
  }

  updateCase(actor: Actor, input: UpdateCaseInput): Promise<CaseEntity> {
    return this.updating.execute(actor, input);
  }

  changeCaseStatus(actor: Actor, input: ChangeCaseStatusInput): Promise<CaseEntity> {
    return this.statusChange.execute(actor, input);
  }

  addCaseParticipant(actor: Actor, input: AddCaseParticipantInput): Promise<CaseParticipantEntity> {
    return this.adding.execute(actor, input);
  }

  /**
   * Adds an agency to a case's team in the caller's transaction, with the same checks as addCaseParticipant (the
   * actor must manage the team): for a case-linked task whose assignee is asked to join.
   */
  addParticipantWithin(
    manager: EntityManager,
    actor: Actor,
    caseId: string,
    spec: NewParticipant,
  ): Promise<CaseParticipantEntity> {
    return this.adding.within(manager, actor, caseId, spec);
  }

  /**
   * The home region's agency joins the case of a person handed over to it on arrival (see AddCaseParticipant.forHandover);
   * null when it takes part already (or no role fits it).
   */
  joinForHandover(
    manager: EntityManager,
    actor: Actor,
    caseId: string,
    agencyId: string,
    since: string,
  ): Promise<CaseParticipantEntity | null> {
    return this.adding.forHandover(manager, actor, caseId, agencyId, since);
  }

  endCaseParticipation(actor: Actor, input: EndCaseParticipationInput): Promise<CaseParticipantEntity> {
    return this.ending.execute(actor, input);
  }

  handOverCaseLead(actor: Actor, input: HandOverCaseLeadInput): Promise<CaseEntity> {
    return this.handover.execute(actor, input);
  }

  commentOnCase(actor: Actor, input: CommentOnCaseInput): Promise<CaseEntity> {
    return this.commenting.execute(actor, input);
  }
}
