import { isValidTimeZone } from '@app/common/time-zone';
import { MembershipRole } from '@app/modules/task-forces/task-force.enums';

import { activeOn, AGENCIES, LEGAL_INSTRUMENTS, MEMBERSHIPS, TASK_FORCE_UNITS } from './reference-data';

const codes = (rows: { code: string }[]) => rows.map((row) => row.code);

describe('reference data', () => {
  it('has unique codes everywhere', () => {
    const commitments = LEGAL_INSTRUMENTS.flatMap((i) => i.commitments);
    for (const list of [AGENCIES, TASK_FORCE_UNITS, LEGAL_INSTRUMENTS, commitments]) {
      expect(new Set(codes(list)).size).toBe(list.length);
    }
  });

  it('refers only to agencies and units defined before the reference', () => {
    const agencies = codes(AGENCIES);
    AGENCIES.forEach((agency, index) => {
      for (const ref of [agency.parentCode, agency.predecessorCode].filter(Boolean)) {
        expect(agencies.slice(0, index)).toContain(ref);
      }
    });
    const units = codes(TASK_FORCE_UNITS);
    TASK_FORCE_UNITS.forEach((unit, index) => {
      if (unit.parentCode) expect(units.slice(0, index)).toContain(unit.parentCode);
    });
    for (const m of MEMBERSHIPS) {
      expect(agencies).toContain(m.agencyCode);
      expect(units).toContain(m.unitCode);
    }
    for (const instrument of LEGAL_INSTRUMENTS) {
      for (const code of instrument.partyAgencyCodes) expect(agencies).toContain(code);
      for (const c of instrument.commitments) if (c.ownerAgencyCode) expect(agencies).toContain(c.ownerAgencyCode);
    }
  });

  it('seeds the agencies the task force works with, at home and abroad', () => {
    expect(AGENCIES.length).toBeGreaterThanOrEqual(30);
    expect(codes(AGENCIES)).toEqual(
      expect.arrayContaining([
        'KBRI-PNH',
        'KBRI-KUL',
        'ATASE-IMIGRASI-PNH',
        'IOM',
        'CARITAS-KH',
        'KH-NCCT',
        'KH-MOI',
        'KH-GDI',
        'MY-MAPO',
        'MY-JIM',
        'MY-PDRM',
        'LPSK',
      ]),
    );
    for (const agency of AGENCIES) {
      expect(agency.nameId.length).toBeGreaterThan(2);
      expect(agency.nameEn.length).toBeGreaterThan(2);
      expect(isValidTimeZone(agency.timeZone)).toBe(true);
    }
  });

  it('records the 2023 change of daily chair from KemenPPPA to Polri', () => {
    const dailyChairOn = (day: string) =>
      MEMBERSHIPS.filter(
        (m) => m.unitCode === 'GTPP-NAS' && m.role === MembershipRole.DAILY_CHAIR && activeOn(m, day),
      ).map((m) => m.agencyCode);
    expect(dailyChairOn('2023-01-01')).toEqual(['KEMENPPPA']);
    expect(dailyChairOn('2024-01-01')).toEqual(['POLRI']);
  });

  it('has valid membership periods', () => {
    for (const m of MEMBERSHIPS) if (m.validTo) expect(m.validTo > m.validFrom).toBe(true);
  });

  it('lists the eight areas of the 2024 Cambodia–Indonesia immigration framework in order', () => {
    const framework = LEGAL_INSTRUMENTS.find((i) => i.code === 'KH-ID-IMM-2024');
    expect(framework?.signedOn).toBe('2024-03-13');
    expect(framework?.commitments.map((c) => c.sequence)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(framework?.commitments[5].titleEn).toBe('Exchange of statistical data');
  });
});
