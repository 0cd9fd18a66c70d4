import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

import { VictimEntity } from '@app/modules/victims/victim.entity';

import { TaskEntity } from './task.entity';

/** A person a task concerns (by record; each reader sees only the people they may see, by code). */
@Entity('task_victim')
@Index('IDX_task_victim_victim', ['victimId'])
export class TaskVictimEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_task_victim' })
  taskId: string;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_task_victim' })
  victimId: string;

  @ManyToOne(() => TaskEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'task_id', foreignKeyConstraintName: 'FK_task_victim_task' })
  task?: TaskEntity;

  @ManyToOne(() => VictimEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'victim_id', foreignKeyConstraintName: 'FK_task_victim_victim' })
  victim?: VictimEntity;
}
