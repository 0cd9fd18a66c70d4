import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';

import { AccessService } from '@app/auth/access.service';
import { Actor } from '@app/auth/actor';

import { ChangeSuspectStatus } from './commands/change-suspect-status';
import { RecordSuspect } from './commands/record-suspect';
import { ChangeSuspectStatusInput, RecordSuspectInput } from './dto/suspect.inputs';
import { SuspectDisclosureService } from './suspect-disclosure.service';
import { SuspectEventEntity } from './suspect-event.entity';
import { SuspectIdentity } from './suspect-identity';
import { SuspectEntity } from './suspect.entity';
import { SuspectException } from './suspect.exception';

/**
 * Suspects of cases: recorded and moved by the case's investigators and prosecutors, read by them (with identity)
 * and by the unit secretariat (codes only), invisible to everyone else (AccessService.suspectVisibility).
 */
@Injectable()
export class SuspectsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly recording: RecordSuspect,
    private readonly stepping: ChangeSuspectStatus,
    private readonly disclosure: SuspectDisclosureService,
  ) {}

  recordSuspect(actor: Actor, input: RecordSuspectInput): Promise<SuspectEntity> {
    return this.recording.execute(actor, input);
  }

  changeSuspectStatus(actor: Actor, input: ChangeSuspectStatusInput): Promise<SuspectEntity> {
    return this.stepping.execute(actor, input);
  }

  async suspect(actor: Actor, id: string): Promise<SuspectEntity> {
    const visibility = this.access.suspectVisibility(actor, 'suspect');
    const found = await this.dataSource
      .getRepository(SuspectEntity)
      .createQueryBuilder('suspect')
      .where('suspect.id = :id', { id })
      .andWhere(visibility.sql, visibility.params)
      .getOne();
    if (!found) throw SuspectException.notFound(id);
    return found;
  }

  /** The suspects of many cases the actor may see, by code (Case.suspects). */
  async suspectsOfCases(actor: Actor, caseIds: readonly string[]): Promise<Map<string, SuspectEntity[]>> {
    const visibility = this.access.suspectVisibility(actor, 'suspect');
    const rows = await this.dataSource
      .getRepository(SuspectEntity)
      .createQueryBuilder('suspect')
      .where('suspect.case_id IN (:...caseIds)', { caseIds })
      .andWhere(visibility.sql, visibility.params)
      .orderBy('suspect.created_at', 'ASC')
      .getMany();
    const grouped = new Map<string, SuspectEntity[]>();
    for (const row of rows) grouped.set(row.caseId, [...(grouped.get(row.caseId) ?? []), row]);
    return grouped;
  }

  /** Whether the actor may see the suspect's identity now (their documents follow the same rule). */
  canSeeIdentity(actor: Actor, suspectId: string): Promise<boolean> {
    return this.disclosure.canSeeIdentity(actor, suspectId);
  }

  identity(actor: Actor, suspect: SuspectEntity): Promise<SuspectIdentity | null> {
    return this.disclosure.identity(actor, suspect);
  }

  async historyOf(suspectIds: readonly string[]): Promise<Map<string, SuspectEventEntity[]>> {
    const rows = await this.dataSource
      .getRepository(SuspectEventEntity)
      .find({ where: { suspectId: In([...suspectIds]) }, order: { occurredOn: 'ASC', recordedAt: 'ASC' } });
    const grouped = new Map<string, SuspectEventEntity[]>();
    for (const row of rows) grouped.set(row.suspectId, [...(grouped.get(row.suspectId) ?? []), row]);
    return grouped;
  }
}
