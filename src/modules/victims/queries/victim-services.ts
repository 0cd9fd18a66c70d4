import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';

import { VictimServiceEntity } from '../victim-service.entity';

/** Services delivered to people, in the order they were delivered (read with the person, who is visible already). */
@Injectable()
export class VictimServices {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async of(victimIds: readonly string[]): Promise<Map<string, VictimServiceEntity[]>> {
    const rows = await this.dataSource.getRepository(VictimServiceEntity).find({
      where: { victimId: In([...victimIds]) },
      order: { deliveredOn: 'ASC', recordedAt: 'ASC' },
    });
    const grouped = new Map<string, VictimServiceEntity[]>();
    for (const row of rows) grouped.set(row.victimId, [...(grouped.get(row.victimId) ?? []), row]);
    return grouped;
  }
}
