import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

import { CaseEntity } from '@app/modules/cases/case.entity';
import { VictimEntity } from '@app/modules/victims/victim.entity';

import { CrossBorderRequestEntity } from './cross-border-request.entity';

/** A case a request concerns. */
@Entity('cross_border_request_case')
export class CrossBorderRequestCaseEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_cross_border_request_case' })
  requestId: string;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_cross_border_request_case' })
  caseId: string;

  @ManyToOne(() => CrossBorderRequestEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'request_id', foreignKeyConstraintName: 'FK_cross_border_request_case_request' })
  request?: CrossBorderRequestEntity;

  @ManyToOne(() => CaseEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'FK_cross_border_request_case_case' })
  case?: CaseEntity;
}

/** A person a request concerns (shown to the counterpart by code; identity only with consent for it). */
@Entity('cross_border_request_victim')
@Index('IDX_cross_border_request_victim_victim', ['victimId'])
export class CrossBorderRequestVictimEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_cross_border_request_victim' })
  requestId: string;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_cross_border_request_victim' })
  victimId: string;

  @ManyToOne(() => CrossBorderRequestEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'request_id', foreignKeyConstraintName: 'FK_cross_border_request_victim_request' })
  request?: CrossBorderRequestEntity;

  @ManyToOne(() => VictimEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'victim_id', foreignKeyConstraintName: 'FK_cross_border_request_victim_victim' })
  victim?: VictimEntity;
}
