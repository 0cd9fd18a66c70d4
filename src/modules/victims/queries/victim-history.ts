import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { VictimEventEntity } from '../victim-event.entity';

/** A record's history, oldest first. */
@Injectable()
export class VictimHistory {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  all(victimId: string): Promise<VictimEventEntity[]> {
    return this.dataSource.getRepository(VictimEventEntity).find({ where: { victimId }, order: { occurredAt: 'ASC' } });
  }
}
