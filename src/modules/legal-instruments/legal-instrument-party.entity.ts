import { Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

import { AgencyEntity } from '@app/modules/agencies/agency.entity';

import { LegalInstrumentEntity } from './legal-instrument.entity';

/** Links an instrument to the directory agencies that are party to it. */
@Entity('legal_instrument_party')
export class LegalInstrumentPartyEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_legal_instrument_party' })
  instrumentId: string;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_legal_instrument_party' })
  agencyId: string;

  @ManyToOne(() => LegalInstrumentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'instrument_id', foreignKeyConstraintName: 'FK_legal_instrument_party_instrument' })
  instrument?: LegalInstrumentEntity;

  @ManyToOne(() => AgencyEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agency_id', foreignKeyConstraintName: 'FK_legal_instrument_party_agency' })
  agency?: AgencyEntity;
}
