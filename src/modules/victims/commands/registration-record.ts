import { randomUUID } from 'node:crypto';

import { Actor } from '@app/auth/actor';
import { dayIn, eventDateProblem } from '@app/kernel/event-date';

import { RegisterVictimInput } from '../dto/victim.inputs';
import { IdentityVault, SealedIdentity } from '../identity-vault';
import { identityProblems, VictimIdentity } from '../victim-identity';
import { VictimEntity } from '../victim.entity';
import { IdentificationStatus, ProtectionStatus, SelfIdentification } from '../victim.enums';
import { VictimErrorReason } from '../victim.exception';

const LANGUAGE = /^[a-z]{2,3}$/;

/** A registration ready to write: the record with its sealed identity, and the name for duplicate matching. */
export interface PreparedRegistration {
  record: Omit<Partial<VictimEntity>, 'id'> & { id: string } & SealedIdentity;
  fullName: string;
  confirmedDistinct: boolean;
}

/** Why one registration cannot be stored: the field (under `prefix` for a group's row) and the module's reason. */
export interface RegistrationProblem {
  field: string;
  message: string;
  reason: VictimErrorReason;
}

/**
 * Checks one registration and seals its identity, without writing anything: every problem is returned (a group
 * reports all of its rows' problems at once). Event dates may be historical, never in the future (the actor's
 * calendar) nor before the date of birth given.
 */
export function prepareRegistration(
  vault: IdentityVault,
  now: Date,
  actor: Actor,
  input: RegisterVictimInput,
  prefix = '',
): { prepared: PreparedRegistration; problems: RegistrationProblem[] } {
  const identity: VictimIdentity = {
    fullName: input.identity.fullName.trim(),
    dateOfBirth: input.identity.dateOfBirth ?? null,
    passportNumber: input.identity.passportNumber?.trim() || null,
    nationalIdNumber: input.identity.nationalIdNumber?.trim() || null,
    contact: input.identity.contact?.trim() || null,
  };
  const problems: RegistrationProblem[] = [];
  const at = (field: string) => `${prefix}${field}`;
  for (const problem of identityProblems(identity, now.toISOString().slice(0, 10))) {
    problems.push({ ...problem, field: at(problem.field), reason: VictimErrorReason.INVALID_IDENTITY });
  }
  const languages = (input.languageNeeds ?? []).map((language) => language.trim().toLowerCase());
  const badLanguage = languages.findIndex((language) => !LANGUAGE.test(language));
  if (badLanguage >= 0) {
    problems.push({
      field: at(`languageNeeds.${badLanguage}`),
      message: 'Invalid input: languageNeeds must be ISO 639 codes such as id, jv or km.',
      reason: VictimErrorReason.INVALID_FIELD,
    });
  }
  const today = dayIn(now, actor.timeZone);
  // An invalid date of birth is reported once, not again as the bound of every other date.
  const birthValid = identity.dateOfBirth && !problems.some((p) => p.field === at('identity.dateOfBirth'));
  const birth = birthValid
    ? { day: identity.dateOfBirth as string, what: "the person's birth (identity.dateOfBirth)" }
    : null;
  for (const [field, day] of [
    ['rescuedOn', input.rescuedOn],
    ['identifiedOn', input.identifiedOn],
  ] as const) {
    const problem = day ? eventDateProblem(day, today, [birth]) : null;
    if (problem) {
      problems.push({
        field: at(field),
        message: `${at(field)}: ${problem}`,
        reason: VictimErrorReason.EVENT_DATE_INVALID,
      });
    }
  }

  const id = randomUUID();
  const originRegion = input.originRegion ?? null;
  return {
    problems,
    prepared: {
      fullName: identity.fullName,
      confirmedDistinct: input.confirmedDistinct ?? false,
      record: {
        id,
        caseId: input.caseId ?? null,
        identificationStatus: input.identificationStatus ?? IdentificationStatus.PRESUMED,
        selfIdentification: input.selfIdentification ?? SelfIdentification.NOT_ASKED,
        protectionStatus: input.protectionStatus ?? ProtectionStatus.IDENTIFIED,
        sex: input.sex,
        ageBand: input.ageBand,
        nationality: input.nationality,
        originRegion,
        languageNeeds: languages,
        interpreterNeeded: input.interpreterNeeded ?? false,
        identifiedOn: input.identifiedOn ?? today,
        rescuedOn: input.rescuedOn ?? null,
        rescuePlace: input.rescuePlace?.trim() || null,
        rescueCountry: input.rescueCountry ?? null,
        ...vault.seal(id, identity, originRegion),
      },
    },
  };
}
