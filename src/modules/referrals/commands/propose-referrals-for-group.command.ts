import { createHash } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';

import { Actor } from '@app/auth/actor';
import { FieldProblem } from '@app/kernel/domain.exception';
import { GroupOperationsService } from '@app/modules/group-operations/group-operations.service';
import { inOrder, rowRefusal } from '@app/modules/group-operations/row-problems';
import { VictimsService } from '@app/modules/victims/victims.service';

import { ProposeReferralsForGroupInput, ReferralGroupProposal } from '../dto/referral-group.inputs';
import { ReferralEntity } from '../referral.entity';
import { ReferralUrgency } from '../referral.enums';
import { ReferralErrorReason, ReferralException } from '../referral.exception';
import { purposesFor, ReferralIntakeService } from './referral-intake.service';

/**
 * Refers a selection of people to one provider at once (the three hospital cases, the whole group to a shelter):
 * the provider checked once, then every person (one the caller cannot see answers as a missing id; one the caller
 * may not refer, or without consent for the provider, is refused), then all proposed in one transaction, each with
 * its own respond-by from now, or none with every row named.
 */
@Injectable()
export class ProposeReferralsForGroupCommand {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly victims: VictimsService,
    private readonly intake: ReferralIntakeService,
    private readonly groups: GroupOperationsService,
  ) {}

  async execute(actor: Actor, input: ProposeReferralsForGroupInput): Promise<ReferralGroupProposal> {
    const { operationKey, ...request } = input;
    const fingerprint = createHash('sha256').update(JSON.stringify(request)).digest('hex');
    const outcome = await this.groups.run(
      actor,
      { kind: 'proposeReferralsForGroup', operationKey, fingerprint },
      async (manager) => {
        const spec = {
          recipientAgencyId: input.recipientAgencyId,
          service: input.service,
          urgency: input.urgency ?? ReferralUrgency.NORMAL,
          capacityGapReason: input.capacityGapReason ?? null,
          previous: null,
        };
        const provider = await this.intake.provider(manager, actor, spec);
        const visible = new Set(await this.victims.visibleIds(manager, actor, input.victimIds));
        const workable = new Set(await this.victims.workableIds(manager, actor, input.victimIds));
        const problems: FieldProblem[] = [];
        const people: { id: string; code: string }[] = [];
        for (const [index, id] of input.victimIds.entries()) {
          const field = `victimIds.${index}`;
          if (input.victimIds.indexOf(id) !== index) {
            problems.push({ field, message: `${field}: ${id} is listed twice; each person once.` });
            continue;
          }
          if (!visible.has(id)) {
            problems.push({ field, message: `${field}: victim record ${id} was not found.` });
            continue;
          }
          const code = await this.victims.codeOf(manager, id);
          if (!workable.has(id)) {
            problems.push({
              field,
              message: `${field}: only officers of the agency that owns ${code}, or of an agency taking part in its case, may refer it.`,
            });
          } else if (
            !(await this.victims.consentInForce(manager, {
              victimId: id,
              recipientAgencyId: provider.id,
              purposes: purposesFor(input.service),
            }))
          ) {
            problems.push({ field, message: `${field}: ${code} has no consent in force for ${provider.acronym}.` });
          } else {
            people.push({ id, code });
          }
        }
        if (problems.length > 0) {
          const refusal = rowRefusal(problems, input.victimIds.length, 'referred');
          throw new ReferralException(ReferralErrorReason.GROUP_INVALID, refusal.message, refusal.field).withProblems(
            refusal.problems,
          );
        }
        const referrals: ReferralEntity[] = [];
        for (const victim of people) referrals.push(await this.intake.create(manager, actor, { ...spec, victim }));
        return { ids: referrals.map((referral) => referral.id), value: referrals };
      },
      async (ids) => inOrder(ids, await this.dataSource.getRepository(ReferralEntity).findBy({ id: In(ids) })),
    );
    return { operationKey, replayed: outcome.replayed, referrals: outcome.value };
  }
}
