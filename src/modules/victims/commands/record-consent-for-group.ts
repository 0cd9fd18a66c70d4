import { createHash } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, IsNull } from 'typeorm';

import { AccessService } from '@app/auth/access.service';
import { Actor } from '@app/auth/actor';
import { FieldProblem } from '@app/kernel/domain.exception';
import { GroupOperationsService } from '@app/modules/group-operations/group-operations.service';

import { ConsentEntity } from '../consent.entity';
import { ConsentGroupRecording, RecordConsentForGroupInput } from '../dto/victim-group.inputs';
import { VictimEntity } from '../victim.entity';
import { groupInvalid, inOrder } from './group-rows';
import { consentExists, ownerIsNoRecipient, RecordConsent } from './record-consent';

/**
 * The owning agency records the same consent (one recipient, one purpose) for a selection of its people at once:
 * every person checked first (one the caller cannot see answers as a missing id; another agency's person, or a
 * consent already in force, is refused), then all written in one transaction, or none with every row named.
 */
@Injectable()
export class RecordConsentForGroup {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly consent: RecordConsent,
    private readonly access: AccessService,
    private readonly groups: GroupOperationsService,
  ) {}

  async execute(actor: Actor, input: RecordConsentForGroupInput): Promise<ConsentGroupRecording> {
    const { operationKey, ...request } = input;
    const fingerprint = createHash('sha256').update(JSON.stringify(request)).digest('hex');
    const outcome = await this.groups.run(
      actor,
      { kind: 'recordConsentForGroup', operationKey, fingerprint },
      async (manager) => {
        const recipient = await this.consent.requireTerms(manager, input);
        const visibility = this.access.victimVisibility(actor, 'victim');
        const visible = await manager
          .getRepository(VictimEntity)
          .createQueryBuilder('victim')
          .where('victim.id IN (:...ids)', { ids: input.victimIds })
          .andWhere(visibility.sql, visibility.params)
          .setLock('pessimistic_write', undefined, ['victim'])
          .getMany();
        const inForce = await manager.getRepository(ConsentEntity).findBy({
          victimId: In(input.victimIds),
          recipientAgencyId: recipient.id,
          purpose: input.purpose,
          revokedAt: IsNull(),
        });
        const problems: FieldProblem[] = [];
        const rows: VictimEntity[] = [];
        input.victimIds.forEach((id, index) => {
          const field = `victimIds.${index}`;
          const victim = visible.find((candidate) => candidate.id === id);
          if (input.victimIds.indexOf(id) !== index) {
            problems.push({ field, message: `${field}: ${id} is listed twice; each person once.` });
          } else if (!victim) {
            problems.push({ field, message: `${field}: victim record ${id} was not found.` });
          } else if (!this.access.actsForVictimOwner(actor, victim)) {
            problems.push({ field, message: `${field}: only the owning agency records consent for ${victim.code}.` });
          } else if (recipient.id === victim.owningAgencyId) {
            problems.push({ field, message: `${field}: ${ownerIsNoRecipient().message}` });
          } else if (inForce.some((row) => row.victimId === id)) {
            problems.push({ field, message: `${field}: ${consentExists(recipient, input.purpose, victim).message}` });
          } else {
            rows.push(victim);
          }
        });
        if (problems.length > 0) throw groupInvalid(problems, input.victimIds.length, 'given this consent');
        const consents: ConsentEntity[] = [];
        for (const victim of rows) consents.push(await this.consent.write(manager, actor, victim, recipient, input));
        return { ids: consents.map((consent) => consent.id), value: consents };
      },
      async (ids) => inOrder(ids, await this.dataSource.getRepository(ConsentEntity).findBy({ id: In(ids) })),
    );
    return { operationKey, replayed: outcome.replayed, consents: outcome.value };
  }
}
