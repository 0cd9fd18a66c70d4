import { DataSource, EntityManager, EntityTarget, IsNull, ObjectLiteral } from 'typeorm';

import { AgencyEntity } from '@app/modules/agencies/agency.entity';
import { CALENDAR_COUNTRIES, CalendarsService } from '@app/modules/calendars/calendars.service';
import { AgreementCommitmentEntity } from '@app/modules/legal-instruments/agreement-commitment.entity';
import { LegalInstrumentPartyEntity } from '@app/modules/legal-instruments/legal-instrument-party.entity';
import { LegalInstrumentEntity } from '@app/modules/legal-instruments/legal-instrument.entity';
import { DEFAULT_ESCALATION_POLICIES } from '@app/modules/escalations/default-policies';
import { EscalationPolicyEntity } from '@app/modules/escalations/escalation-policy.entity';
import { CrossBorderDeadlinePolicyEntity } from '@app/modules/cross-border/cross-border-deadline-policy.entity';
import { DEFAULT_CROSS_BORDER_DEADLINES } from '@app/modules/cross-border/default-deadline-policies';
import { DEFAULT_REFERRAL_RESPONSE_POLICIES } from '@app/modules/referrals/default-response-policies';
import { ReferralResponsePolicyEntity } from '@app/modules/referrals/referral-response-policy.entity';
import {
  DEFAULT_FOLLOW_UP_POLICIES,
  DEFAULT_MILESTONE_PLAN,
} from '@app/modules/repatriation/default-repatriation-policies';
import { FollowUpPolicyEntity } from '@app/modules/repatriation/follow-up-policy.entity';
import { MilestonePolicyEntity } from '@app/modules/repatriation/milestone-policy.entity';
import { MembershipEntity } from '@app/modules/task-forces/membership.entity';
import { TaskForceUnitEntity } from '@app/modules/task-forces/task-force-unit.entity';

import { AGENCIES, LEGAL_INSTRUMENTS, MEMBERSHIPS, TASK_FORCE_UNITS } from './reference-data';
import { seedHistory } from './seed-history';
import { seedRepatriationHistory } from './seed-repatriation-history';
import { CASEWORK_AGENCIES, CASEWORK_INSTRUMENTS, CASEWORK_MEMBERSHIPS, REGION_CODES } from './reference-data-casework';

export interface SeedResult {
  inserted: number;
  summary: string;
}

/** Years whose holidays are seeded: the current one and the next (DOMAIN.md section 4). */
export function holidayYears(now: Date): number[] {
  return [now.getUTCFullYear(), now.getUTCFullYear() + 1];
}

/**
 * Loads the reference data (agencies, units, memberships, instruments, commitments, escalation and referral response policies,
 * holidays) in one
 * transaction. Rows are matched by their natural keys and only missing ones are inserted, so a second run
 * changes nothing and edits administrators made are kept.
 */
export async function seedReferenceData(dataSource: DataSource, now: Date = new Date()): Promise<SeedResult> {
  return dataSource.transaction(async (manager) => {
    const counts: Record<string, number> = {};
    const agencyIds = new Map<string, string>();
    for (const seed of [...AGENCIES, ...CASEWORK_AGENCIES]) {
      const { parentCode, predecessorCode, ...fields } = seed;
      const id = await insertMissing(manager, AgencyEntity, { code: seed.code }, counts, 'agencies', {
        ...fields,
        regionCode: fields.regionCode ?? REGION_CODES[seed.code] ?? null,
        basis: fields.basis ?? null,
        active: fields.active ?? true,
        parentAgencyId: parentCode ? requireId(agencyIds, parentCode) : null,
        predecessorAgencyId: predecessorCode ? requireId(agencyIds, predecessorCode) : null,
      });
      agencyIds.set(seed.code, id);
    }

    // Region codes came after the first agencies: fill them where still empty (a value an administrator set stays).
    for (const [code, regionCode] of Object.entries(REGION_CODES)) {
      const result = await manager.update(AgencyEntity, { code, regionCode: IsNull() }, { regionCode });
      if (result.affected) counts['region codes'] = (counts['region codes'] ?? 0) + result.affected;
    }

    const unitIds = new Map<string, string>();
    for (const seed of TASK_FORCE_UNITS) {
      const { parentCode, ...fields } = seed;
      const id = await insertMissing(manager, TaskForceUnitEntity, { code: seed.code }, counts, 'units', {
        ...fields,
        parentUnitId: parentCode ? requireId(unitIds, parentCode) : null,
      });
      unitIds.set(seed.code, id);
    }

    for (const seed of [...MEMBERSHIPS, ...CASEWORK_MEMBERSHIPS]) {
      const key = {
        unitId: requireId(unitIds, seed.unitCode),
        agencyId: requireId(agencyIds, seed.agencyCode),
        role: seed.role,
        validFrom: seed.validFrom,
      };
      await insertMissing(manager, MembershipEntity, key, counts, 'memberships', {
        ...key,
        validTo: seed.validTo,
        basis: seed.basis,
      });
    }

    for (const seed of [...LEGAL_INSTRUMENTS, ...CASEWORK_INSTRUMENTS]) {
      const { commitments, partyAgencyCodes, ...fields } = seed;
      const instrumentId = await insertMissing(
        manager,
        LegalInstrumentEntity,
        { code: seed.code },
        counts,
        'instruments',
        fields,
      );
      for (const code of partyAgencyCodes) {
        const key = { instrumentId, agencyId: requireId(agencyIds, code) };
        if (!(await manager.existsBy(LegalInstrumentPartyEntity, key))) {
          await manager.insert(LegalInstrumentPartyEntity, key);
          counts.parties = (counts.parties ?? 0) + 1;
        }
      }
      for (const commitment of commitments) {
        const { ownerAgencyCode, ...commitmentFields } = commitment;
        await insertMissing(manager, AgreementCommitmentEntity, { code: commitment.code }, counts, 'commitments', {
          ...commitmentFields,
          instrumentId,
          ownerAgencyId: ownerAgencyCode ? requireId(agencyIds, ownerAgencyCode) : null,
          stallAfterDays: commitment.stallAfterDays ?? 90,
        });
      }
    }

    for (const policy of DEFAULT_ESCALATION_POLICIES) {
      await insertMissing(manager, EscalationPolicyEntity, { name: policy.name }, counts, 'escalation policies', {
        ...policy,
      });
    }

    for (const policy of DEFAULT_REFERRAL_RESPONSE_POLICIES) {
      await insertMissing(
        manager,
        ReferralResponsePolicyEntity,
        { urgency: policy.urgency },
        counts,
        'referral response policies',
        { ...policy },
      );
    }

    for (const policy of DEFAULT_CROSS_BORDER_DEADLINES) {
      await insertMissing(
        manager,
        CrossBorderDeadlinePolicyEntity,
        { urgency: policy.urgency, stage: policy.stage },
        counts,
        'cross-border deadline policies',
        { ...policy },
      );
    }

    for (const line of DEFAULT_MILESTONE_PLAN) {
      await insertMissing(
        manager,
        MilestonePolicyEntity,
        { country: line.country, type: line.type },
        counts,
        'repatriation milestone policies',
        { ...line },
      );
    }
    for (const policy of DEFAULT_FOLLOW_UP_POLICIES) {
      await insertMissing(manager, FollowUpPolicyEntity, { name: policy.name }, counts, 'follow-up policies', {
        ...policy,
      });
    }

    // Real events from the papers (issue 23), after the agencies, units and commitments they name.
    await seedHistory(manager, counts);
    await seedRepatriationHistory(manager, counts);

    counts.holidays = await new CalendarsService(dataSource).importHolidays(
      manager,
      CALENDAR_COUNTRIES,
      holidayYears(now),
    );
    const inserted = Object.values(counts).reduce((sum, n) => sum + n, 0);
    const summary = Object.entries(counts)
      .map(([name, n]) => `${name} ${n}`)
      .join(', ');
    return { inserted, summary };
  });
}

async function insertMissing<T extends ObjectLiteral & { id: string }>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  key: Partial<T>,
  counts: Record<string, number>,
  label: string,
  values: Partial<T>,
): Promise<string> {
  const existing = await manager.findOne(entity, { where: key as never, select: ['id'] as never });
  if (existing) return existing.id;
  const result = await manager.insert(entity, values as never);
  counts[label] = (counts[label] ?? 0) + 1;
  return (result.identifiers[0] as { id: string }).id;
}

function requireId(ids: Map<string, string>, code: string): string {
  const id = ids.get(code);
  if (!id) throw new Error(`Reference data refers to unknown code ${code}`);
  return id;
}
