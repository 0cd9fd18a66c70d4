import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';

import { Actor } from '@app/auth/actor';
import { isUniqueViolation } from '@app/database/db-errors';
import { containsPattern } from '@app/kernel/sql';
import { lockForChange } from '@app/database/row-lock';
import { Connection, paginate } from '@app/graphql/pagination';
import { AgenciesService } from '@app/modules/agencies/agencies.service';
import { AuditService, diffFields } from '@app/modules/audit/audit.service';

import { AgreementCommitmentEntity } from './agreement-commitment.entity';
import {
  AddAgreementCommitmentInput,
  CreateLegalInstrumentInput,
  LegalInstrumentsArgs,
  UpdateAgreementCommitmentInput,
  UpdateLegalInstrumentInput,
} from './dto/legal-instrument.inputs';
import { LegalInstrumentErrorReason, LegalInstrumentException } from './legal-instrument.exception';
import { LegalInstrumentPartyEntity } from './legal-instrument-party.entity';
import { LegalInstrumentEntity } from './legal-instrument.entity';

const INSTRUMENT_FIELDS: (keyof LegalInstrumentEntity)[] = [
  'code',
  'kind',
  'titleId',
  'titleEn',
  'number',
  'signedOn',
  'signedAt',
  'effectiveTo',
  'partyNames',
  'notes',
];
const COMMITMENT_FIELDS: (keyof AgreementCommitmentEntity)[] = [
  'instrumentId',
  'sequence',
  'code',
  'titleId',
  'titleEn',
  'ownerAgencyId',
  'status',
  'stallAfterDays',
];

/** Laws, regulations, MoUs and frameworks, and the commitments whose progress the task force tracks. */
@Injectable()
export class LegalInstrumentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly agencies: AgenciesService,
    private readonly audit: AuditService,
  ) {}

  async findInstrument(id: string): Promise<LegalInstrumentEntity> {
    const instrument = await this.dataSource.getRepository(LegalInstrumentEntity).findOneBy({ id });
    if (!instrument) throw this.instrumentNotFound(id);
    return instrument;
  }

  async list(args: LegalInstrumentsArgs): Promise<Connection<LegalInstrumentEntity>> {
    const query = this.dataSource.getRepository(LegalInstrumentEntity).createQueryBuilder('instrument');
    const filter = args.filter ?? {};
    if (filter.kind) query.andWhere('instrument.kind = :kind', { kind: filter.kind });
    if (filter.search) {
      query.andWhere(
        `(instrument.code ILIKE :search OR instrument.number ILIKE :search
          OR instrument.titleId ILIKE :search OR instrument.titleEn ILIKE :search)`,
        { search: containsPattern(filter.search) },
      );
    }
    if (filter.partyAgencyId) {
      query.andWhere(
        'EXISTS (SELECT 1 FROM legal_instrument_party p WHERE p.instrument_id = instrument.id AND p.agency_id = :party)',
        { party: filter.partyAgencyId },
      );
    }
    return paginate(query, args, { column: 'instrument.code', value: (row) => row.code });
  }

  /** Commitments of many instruments at once, in their order (for DataLoader). */
  async commitmentsOf(instrumentIds: readonly string[]): Promise<Map<string, AgreementCommitmentEntity[]>> {
    const rows = await this.dataSource.getRepository(AgreementCommitmentEntity).find({
      where: { instrumentId: In([...instrumentIds]) },
      order: { sequence: 'ASC' },
    });
    return groupBy(rows, (row) => row.instrumentId);
  }

  /** Ids of the party agencies of many instruments at once (for DataLoader). */
  async partyAgencyIdsOf(instrumentIds: readonly string[]): Promise<Map<string, string[]>> {
    const rows = await this.dataSource
      .getRepository(LegalInstrumentPartyEntity)
      .findBy({ instrumentId: In([...instrumentIds]) });
    const grouped = new Map<string, string[]>();
    for (const row of rows) grouped.set(row.instrumentId, [...(grouped.get(row.instrumentId) ?? []), row.agencyId]);
    return grouped;
  }

  async createInstrument(actor: Actor, input: CreateLegalInstrumentInput): Promise<LegalInstrumentEntity> {
    return this.dataSource.transaction(async (manager) => {
      const { partyAgencyIds, ...fields } = input;
      const instrument = manager.create(LegalInstrumentEntity, {
        ...fields,
        number: fields.number ?? null,
        signedOn: fields.signedOn ?? null,
        signedAt: fields.signedAt ?? null,
        effectiveTo: null,
        partyNames: fields.partyNames ?? [],
        notes: fields.notes ?? null,
      });
      const saved = await this.saveUnique(manager, () => manager.save(instrument), 'instrument', instrument.code);
      await this.replaceParties(manager, saved.id, partyAgencyIds ?? []);
      await this.audit.record(manager, actor, {
        operation: 'createLegalInstrument',
        targetType: 'LegalInstrument',
        targetId: saved.id,
        changes: {
          ...diffFields(null, saved, INSTRUMENT_FIELDS),
          partyAgencyIds: { before: null, after: partyAgencyIds ?? [] },
        },
      });
      return saved;
    });
  }

  async updateInstrument(actor: Actor, input: UpdateLegalInstrumentInput): Promise<LegalInstrumentEntity> {
    return this.dataSource.transaction(async (manager) => {
      const instrument = await lockForChange(
        manager,
        LegalInstrumentEntity,
        input.id,
        {
          notFound: () => this.instrumentNotFound(input.id),
          staleVersion: (current) =>
            new LegalInstrumentException(
              LegalInstrumentErrorReason.INSTRUMENT_VERSION_CONFLICT,
              `Instrument ${current.code} was changed by someone else; reload and try again.`,
              'expectedVersion',
            ),
        },
        input.expectedVersion,
      );
      const before = { ...instrument };
      const { id: _id, expectedVersion: _v, partyAgencyIds, ...changes } = input;
      Object.assign(instrument, changes);
      const signedOn = instrument.signedOn;
      if (instrument.effectiveTo && signedOn && instrument.effectiveTo < signedOn) {
        throw new LegalInstrumentException(
          LegalInstrumentErrorReason.INVALID_PERIOD,
          'effectiveTo cannot be before the date the instrument was signed.',
          'effectiveTo',
        );
      }
      const saved = await manager.save(instrument);
      const auditChanges = diffFields(before, saved, INSTRUMENT_FIELDS);
      if (partyAgencyIds) {
        const previous = (await this.partyAgencyIdsOf([saved.id])).get(saved.id) ?? [];
        await this.replaceParties(manager, saved.id, partyAgencyIds);
        auditChanges.partyAgencyIds = { before: previous, after: partyAgencyIds };
      }
      await this.audit.record(manager, actor, {
        operation: 'updateLegalInstrument',
        targetType: 'LegalInstrument',
        targetId: saved.id,
        changes: auditChanges,
      });
      return saved;
    });
  }

  async addCommitment(actor: Actor, input: AddAgreementCommitmentInput): Promise<AgreementCommitmentEntity> {
    return this.dataSource.transaction(async (manager) => {
      // Lock the instrument so two commitments added at once get distinct sequence numbers.
      const instrument = await lockForChange(manager, LegalInstrumentEntity, input.instrumentId, {
        notFound: () => this.instrumentNotFound(input.instrumentId),
      });
      await this.requireAgencies(manager, input.ownerAgencyId ? [input.ownerAgencyId] : [], 'ownerAgencyId');
      const [{ next }] = await manager.query(
        'SELECT COALESCE(MAX(sequence), 0) + 1 AS next FROM agreement_commitment WHERE instrument_id = $1',
        [instrument.id],
      );
      const commitment = manager.create(AgreementCommitmentEntity, {
        ...input,
        sequence: Number(next),
        ownerAgencyId: input.ownerAgencyId ?? null,
        stallAfterDays: input.stallAfterDays ?? 90,
        lastActivityAt: null,
      });
      const saved = await this.saveUnique(manager, () => manager.save(commitment), 'commitment', commitment.code);
      await this.audit.record(manager, actor, {
        operation: 'addAgreementCommitment',
        targetType: 'AgreementCommitment',
        targetId: saved.id,
        changes: diffFields(null, saved, COMMITMENT_FIELDS),
      });
      return saved;
    });
  }

  async updateCommitment(actor: Actor, input: UpdateAgreementCommitmentInput): Promise<AgreementCommitmentEntity> {
    return this.dataSource.transaction(async (manager) => {
      const commitment = await lockForChange(manager, AgreementCommitmentEntity, input.id, {
        notFound: () =>
          new LegalInstrumentException(
            LegalInstrumentErrorReason.COMMITMENT_NOT_FOUND,
            `Agreement commitment ${input.id} was not found.`,
          ),
      });
      await this.requireAgencies(manager, input.ownerAgencyId ? [input.ownerAgencyId] : [], 'ownerAgencyId');
      const before = { ...commitment };
      const { id: _id, ...changes } = input;
      Object.assign(commitment, changes);
      const saved = await manager.save(commitment);
      await this.audit.record(manager, actor, {
        operation: 'updateAgreementCommitment',
        targetType: 'AgreementCommitment',
        targetId: saved.id,
        changes: diffFields(before, saved, COMMITMENT_FIELDS),
      });
      return saved;
    });
  }

  private async replaceParties(manager: EntityManager, instrumentId: string, agencyIds: string[]): Promise<void> {
    const unique = [...new Set(agencyIds)];
    await this.requireAgencies(manager, unique, 'partyAgencyIds');
    await manager.delete(LegalInstrumentPartyEntity, { instrumentId });
    if (unique.length > 0) {
      await manager.insert(
        LegalInstrumentPartyEntity,
        unique.map((agencyId) => ({ instrumentId, agencyId })),
      );
    }
  }

  private async requireAgencies(manager: EntityManager, ids: string[], field: string): Promise<void> {
    for (const id of ids) {
      if (!(await this.agencies.exists(id, manager))) {
        throw new LegalInstrumentException(
          LegalInstrumentErrorReason.PARTY_AGENCY_NOT_FOUND,
          `${field}: agency ${id} was not found.`,
          field,
        );
      }
    }
  }

  private async saveUnique<T>(
    _manager: EntityManager,
    save: () => Promise<T>,
    what: 'instrument' | 'commitment',
    code: string,
  ): Promise<T> {
    try {
      return await save();
    } catch (error) {
      if (isUniqueViolation(error, 'UQ_legal_instrument_code')) {
        throw new LegalInstrumentException(
          LegalInstrumentErrorReason.INSTRUMENT_CODE_TAKEN,
          `Another instrument already uses the code ${code}.`,
          'code',
        );
      }
      if (what === 'commitment' && isUniqueViolation(error, 'UQ_agreement_commitment_code')) {
        throw new LegalInstrumentException(
          LegalInstrumentErrorReason.COMMITMENT_CODE_TAKEN,
          `Another commitment already uses the code ${code}.`,
          'code',
        );
      }
      throw error;
    }
  }

  private instrumentNotFound(id: string): LegalInstrumentException {
    return new LegalInstrumentException(
      LegalInstrumentErrorReason.INSTRUMENT_NOT_FOUND,
      `Legal instrument ${id} was not found.`,
    );
  }
}

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const grouped = new Map<string, T[]>();
  for (const row of rows) grouped.set(key(row), [...(grouped.get(key(row)) ?? []), row]);
  return grouped;
}
