import { InputType } from '@nestjs/graphql';

import { CaseRole } from '@app/kernel/case-role';
import { DayField, EnumField, ExpectedVersionField, IdField, ReasonField, TextField } from '@app/graphql/input-fields';

@InputType({ description: 'An agency to add to a case team (by the lead agency or the unit secretariat).' })
export class AddCaseParticipantInput {
  @IdField({ description: 'The case.' })
  caseId: string;

  @IdField({ description: 'The agency to add: active, and not already taking part.' })
  agencyId: string;

  @EnumField(CaseRole, { description: "Its role in the case; it must fit the agency's type and services." })
  role: CaseRole;

  @DayField({
    description: 'The day it began taking part (YYYY-MM-DD, may be historical; today when omitted).',
    optional: true,
  })
  since?: string;
}

@InputType({
  description: "Ends an agency's participation; its officers no longer see the case from the next request.",
})
export class EndCaseParticipationInput {
  @IdField({ description: 'The case.' })
  caseId: string;

  @IdField({ description: 'The agency whose participation ends (not the lead: hand the lead over first).' })
  agencyId: string;

  @ReasonField('Why it ends; kept in the case history.')
  reason: string;

  @DayField({ description: 'Its last day (YYYY-MM-DD; today when omitted).', optional: true })
  endedOn?: string;
}

@InputType({ description: 'Hands the lead of a case to another agency of its team, with the reason.' })
export class HandOverCaseLeadInput {
  @IdField({ description: 'The case.' })
  caseId: string;

  @IdField({ description: 'The agency taking over: a current participant that may lead a case.' })
  toAgencyId: string;

  @ReasonField('Why the lead changes (e.g. dossier accepted by the prosecutor, P21); kept in the history.')
  reason: string;

  @ExpectedVersionField()
  expectedVersion?: number;
}

@InputType({ description: 'A comment on a case by someone who works it.' })
export class CommentOnCaseInput {
  @IdField({ description: 'The case.' })
  caseId: string;

  @TextField({
    description: 'The comment. People by their codes only: a name or document number is refused.',
    min: 1,
    max: 4000,
  })
  body: string;
}
