import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

import { AccessService } from '@app/auth/access.service';
import { Actor } from '@app/auth/actor';
import { Clock } from '@app/kernel/clock';
import { AuditService } from '@app/modules/audit/audit.service';

import { AddCaseParticipantInput } from '../dto/case-team.inputs';
import { CaseParticipantEntity } from '../case-participant.entity';
import { addParticipant, NewParticipant } from './case-team';
import { lockCaseForTeam } from './case-locks';

/** The lead agency (or the unit secretariat) adds an agency to the case team, in a role that fits it. */
@Injectable()
export class AddCaseParticipant {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  execute(actor: Actor, input: AddCaseParticipantInput): Promise<CaseParticipantEntity> {
    return this.dataSource.transaction((manager) =>
      this.within(manager, actor, input.caseId, {
        agencyId: input.agencyId,
        role: input.role,
        since: input.since,
        fields: { agencyId: 'agencyId', role: 'role', since: 'since' },
      }),
    );
  }

  /** The same, in the caller's transaction (a case-linked task that brings its assignee into the team). */
  async within(
    manager: EntityManager,
    actor: Actor,
    caseId: string,
    spec: NewParticipant,
  ): Promise<CaseParticipantEntity> {
    const kase = await lockCaseForTeam(manager, this.access, actor, caseId);
    return addParticipant(manager, { audit: this.audit, clock: this.clock }, actor, kase, spec);
  }
}
