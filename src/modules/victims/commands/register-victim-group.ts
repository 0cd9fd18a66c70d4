import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';

import { Actor } from '@app/auth/actor';
import { Clock } from '@app/kernel/clock';
import { FieldProblem } from '@app/kernel/domain.exception';
import { GroupOperationsService } from '@app/modules/group-operations/group-operations.service';

import { RegisterVictimGroupInput, VictimGroupRegistration } from '../dto/victim-group.inputs';
import { RegisterVictimInput } from '../dto/victim.inputs';
import { IdentityVault } from '../identity-vault';
import { VictimEntity } from '../victim.entity';
import { groupInvalid, inOrder } from './group-rows';
import { RegisterVictim } from './register-victim';
import { RegistrationMatches, RegistrationMatchRules } from './registration-matches';
import { PreparedRegistration, prepareRegistration } from './registration-record';

/**
 * Registers many people from one intake in one call: each row checked as a single registration would be (its
 * identity, dates, duplicates in the register and within the group), then all written in one transaction, or none
 * with every row's problem named. The client's operation key makes a retry answer with the first call's records.
 */
@Injectable()
export class RegisterVictimGroup {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly vault: IdentityVault,
    private readonly registration: RegisterVictim,
    private readonly matchRules: RegistrationMatchRules,
    private readonly groups: GroupOperationsService,
    private readonly clock: Clock,
  ) {}

  async execute(actor: Actor, input: RegisterVictimGroupInput): Promise<VictimGroupRegistration> {
    const { operationKey, ...request } = input;
    // Keyed, so the stored fingerprint says nothing of the identities it was computed from.
    const fingerprint = this.vault.cipher.blindIndex('group-operation', JSON.stringify(request));
    const rows = input.people.map((person, index) => {
      const single: RegisterVictimInput = {
        caseId: input.caseId,
        identity: person.identity,
        identificationStatus: input.identificationStatus,
        selfIdentification: person.selfIdentification,
        protectionStatus: input.protectionStatus,
        sex: person.sex,
        ageBand: person.ageBand,
        nationality: person.nationality ?? input.nationality,
        originRegion: person.originRegion,
        languageNeeds: person.languageNeeds,
        interpreterNeeded: person.interpreterNeeded,
        confirmedDistinct: person.confirmedDistinct,
        rescuedOn: person.rescuedOn ?? input.rescuedOn,
        rescuePlace: person.rescuePlace ?? input.rescuePlace,
        rescueCountry: input.rescueCountry,
        identifiedOn: input.identifiedOn,
      };
      return prepareRegistration(this.vault, this.clock.now(), actor, single, `people.${index}.`);
    });
    const outcome = await this.groups.run(
      actor,
      { kind: 'registerVictimGroup', operationKey, fingerprint },
      async (manager) => {
        await this.registration.requireCase(manager, actor, input.caseId, 'caseId');
        const problems: FieldProblem[] = rows.flatMap((row) => row.problems);
        problems.push(...duplicatesWithinGroup(rows.map((row) => row.prepared)));
        if (problems.length > 0) throw groupInvalid(problems, rows.length, 'registered');

        await this.matchRules.serialise(
          manager,
          rows.map((row) => row.prepared.record),
        );
        const matches: RegistrationMatches[] = [];
        for (const [index, { prepared }] of rows.entries()) {
          const found = await this.matchRules.find(manager, actor, prepared.fullName, prepared.record);
          const refusal = this.matchRules.visibleProblem(found, prepared.confirmedDistinct, `people.${index}.`);
          if (refusal) problems.push({ field: refusal.field as string, message: refusal.message });
          matches.push(found);
        }
        if (problems.length > 0) throw groupInvalid(problems, rows.length, 'registered');

        const victims: VictimEntity[] = [];
        for (const [index, { prepared }] of rows.entries()) {
          victims.push(await this.registration.write(manager, actor, prepared, matches[index]));
        }
        return { ids: victims.map((victim) => victim.id), value: victims };
      },
      async (ids) => inOrder(ids, await this.dataSource.getRepository(VictimEntity).findBy({ id: In(ids) })),
    );
    return { operationKey, replayed: outcome.replayed, victims: outcome.value };
  }
}

/** Rows that repeat an earlier row's passport or NIK: the same person twice in one intake. */
function duplicatesWithinGroup(rows: PreparedRegistration[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const seen = new Map<string, number>();
  rows.forEach((row, index) => {
    for (const [key, field] of [
      [row.record.passportIndex, 'identity.passportNumber'],
      [row.record.nationalIdIndex, 'identity.nationalIdNumber'],
    ] as const) {
      if (!key) continue;
      const earlier = seen.get(`${field}:${key}`);
      if (earlier !== undefined) {
        problems.push({
          field: `people.${index}.${field}`,
          message: `people.${index}.${field}: the same number as people.${earlier}; one person is registered once.`,
        });
      } else {
        seen.set(`${field}:${key}`, index);
      }
    }
  });
  return problems;
}
