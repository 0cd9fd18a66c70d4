import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

import { AccessService } from '@app/auth/access.service';
import { Actor } from '@app/auth/actor';
import { Clock } from '@app/kernel/clock';
import { AuditService } from '@app/modules/audit/audit.service';

import { AddCaseParticipantInput } from '../dto/case-team.inputs';
import { CaseParticipantEntity } from '../case-participant.entity';
import { CaseRole } from '@app/kernel/case-role';
import { AgencyEntity } from '@app/modules/agencies/agency.entity';

import { rolesFor } from '../case-role-fit';
import { CaseEntity } from '../case.entity';
import { addParticipant, currentParticipation, NewParticipant } from './case-team';
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

  /**
   * A person of the case came home and is handed to their home region (the repatriation module decided that the actor
   * records the arrival): the home region's agency joins the case team in the first role that fits it, unless it takes
   * part already. This is the one way into a team without managing it, and it is the rule of DOMAIN.md (the home
   * region follows the person after return); the history, audit and event record it like any addition.
   */
  async forHandover(
    manager: EntityManager,
    actor: Actor,
    caseId: string,
    agencyId: string,
    since: string,
  ): Promise<CaseParticipantEntity | null> {
    const kase = await manager
      .getRepository(CaseEntity)
      .createQueryBuilder('trafficking_case')
      .where('trafficking_case.id = :caseId', { caseId })
      .setLock('pessimistic_write')
      .getOne();
    if (!kase || (await currentParticipation(manager, caseId, agencyId))) return null;
    const agency = await manager.findOneByOrFail(AgencyEntity, { id: agencyId });
    const preferred = [CaseRole.SOCIAL_REHABILITATION, CaseRole.COORDINATION];
    const fitting = rolesFor(agency);
    const role = preferred.find((candidate) => fitting.includes(candidate)) ?? fitting[0];
    if (!role) return null;
    return addParticipant(manager, { audit: this.audit, clock: this.clock }, actor, kase, {
      agencyId,
      role,
      since,
      fields: { agencyId: 'homeAgencyId', role: 'role', since: 'arrivedOn' },
    });
  }
}
