import { AgencyCapability, AgencyType } from '@app/modules/agencies/agency.enums';
import { LegalInstrumentKind } from '@app/modules/legal-instruments/legal-instrument.enums';
import { MembershipRole, TaskForceLevel } from '@app/modules/task-forces/task-force.enums';

import {
  activeOn,
  AGENCIES,
  LEGAL_INSTRUMENTS,
  MEMBERSHIPS,
  type MembershipSeed,
  TASK_FORCE_UNITS,
} from './reference-data';

const codes = (rows: { code: string }[]) => rows.map((row) => row.code);
const agency = (code: string) => AGENCIES.find((a) => a.code === code);
const unit = (code: string) => TASK_FORCE_UNITS.find((u) => u.code === code);
const instrument = (code: string) => LEGAL_INSTRUMENTS.find((i) => i.code === code);

const isIanaZone = (timeZone: string) => {
  try {
    new Intl.DateTimeFormat(undefined, { timeZone });
    return true;
  } catch {
    return false;
  }
};

const isCalendarDay = (day: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(day) && new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10) === day;

/** The agencies holding `role` in `unitCode` on `day`. */
const holdersOn = (unitCode: string, role: MembershipRole, day: string) =>
  MEMBERSHIPS.filter((m) => m.unitCode === unitCode && m.role === role && activeOn(m, day)).map((m) => m.agencyCode);

const SINGLE_HOLDER_ROLES = [
  MembershipRole.CHAIR_1,
  MembershipRole.CHAIR_2,
  MembershipRole.DAILY_CHAIR,
  MembershipRole.SECRETARIAT,
];

const IMMIGRATION_AREAS = [
  'Exchange of migration information',
  'Regulation of legal and orderly movement of people',
  'Determination of migrant status',
  /^Prevention of human smuggling and trafficking/,
  'Resolution of travel-document fraud cases',
  'Exchange of statistical data',
  'Development of migration-management institutions and policies',
  /^Technical assistance, training and capacity building$/,
];

describe('reference data', () => {
  describe('integrity', () => {
    it('has unique codes in every list, commitments included', () => {
      const commitments = LEGAL_INSTRUMENTS.flatMap((i) => i.commitments);
      for (const list of [AGENCIES, TASK_FORCE_UNITS, LEGAL_INSTRUMENTS, commitments]) {
        expect(new Set(codes(list)).size).toBe(list.length);
      }
    });

    it('refers to parents and predecessors defined earlier in the list', () => {
      const agencies = codes(AGENCIES);
      AGENCIES.forEach((a, index) => {
        for (const ref of [a.parentCode, a.predecessorCode].filter(Boolean)) {
          expect(agencies.slice(0, index)).toContain(ref);
        }
      });
      const units = codes(TASK_FORCE_UNITS);
      TASK_FORCE_UNITS.forEach((u, index) => {
        if (u.parentCode) expect(units.slice(0, index)).toContain(u.parentCode);
      });
    });

    it('refers only to agencies and units that exist', () => {
      const agencies = new Set(codes(AGENCIES));
      const units = new Set(codes(TASK_FORCE_UNITS));
      for (const m of MEMBERSHIPS) {
        expect(agencies).toContain(m.agencyCode);
        expect(units).toContain(m.unitCode);
      }
      for (const i of LEGAL_INSTRUMENTS) {
        for (const code of i.partyAgencyCodes) expect(agencies).toContain(code);
        for (const c of i.commitments) if (c.ownerAgencyCode) expect(agencies).toContain(c.ownerAgencyCode);
      }
    });

    it('uses IANA time zones, ISO country codes and values that fit the columns', () => {
      for (const row of [...AGENCIES, ...TASK_FORCE_UNITS]) {
        expect(isIanaZone(row.timeZone)).toBe(true);
        expect(row.code.length).toBeLessThanOrEqual(40);
        expect(row.nameId.length).toBeGreaterThan(2);
        expect(row.nameEn.length).toBeGreaterThan(2);
      }
      for (const a of AGENCIES) {
        expect(a.country).toMatch(/^[A-Z]{2}$/);
        expect(a.acronym.length).toBeGreaterThan(0);
        expect(a.acronym.length).toBeLessThanOrEqual(60);
        expect(new Set(a.capabilities).size).toBe(a.capabilities.length);
        for (const capability of a.capabilities) expect(Object.values(AgencyCapability)).toContain(capability);
      }
      expect(isIanaZone('Not/A_Zone')).toBe(false);
    });

    it('has well-formed membership periods: calendar days, validTo after validFrom', () => {
      for (const m of MEMBERSHIPS) {
        expect(isCalendarDay(m.validFrom)).toBe(true);
        if (m.validTo !== null) {
          expect(isCalendarDay(m.validTo)).toBe(true);
          expect(m.validTo > m.validFrom).toBe(true);
        }
        expect(m.basis.length).toBeGreaterThan(0);
        expect(m.basis.length).toBeLessThanOrEqual(500);
      }
    });

    it('never has two holders of a chair or secretariat role in one unit at once', () => {
      const overlaps = (a: MembershipSeed, b: MembershipSeed) =>
        a.validFrom < (b.validTo ?? '9999-12-31') && b.validFrom < (a.validTo ?? '9999-12-31');
      for (const role of SINGLE_HOLDER_ROLES) {
        for (const u of TASK_FORCE_UNITS) {
          const rows = MEMBERSHIPS.filter((m) => m.unitCode === u.code && m.role === role);
          rows.forEach((a, i) => rows.slice(i + 1).forEach((b) => expect(overlaps(a, b)).toBe(false)));
        }
      }
    });

    it('has well-formed instruments and commitment sequences 1..n', () => {
      for (const i of LEGAL_INSTRUMENTS) {
        for (const day of [i.signedOn, i.effectiveTo]) if (day !== null) expect(isCalendarDay(day)).toBe(true);
        expect(i.commitments.map((c) => c.sequence)).toEqual(i.commitments.map((_, index) => index + 1));
        for (const c of i.commitments) expect(c.code.startsWith(`${i.code}-`)).toBe(true);
      }
    });
  });

  describe('agencies', () => {
    it('seeds the agencies the task force works with, at home and abroad', () => {
      expect(AGENCIES.length).toBeGreaterThanOrEqual(40);
      expect(codes(AGENCIES)).toEqual(
        expect.arrayContaining([
          'KEMENKO-POLHUKAM',
          'KEMENKO-PMK',
          'POLRI',
          'BARESKRIM',
          'KEMLU',
          'KEMLU-PWNI',
          'KBRI-PNH',
          'KBRI-KUL',
          'DITJEN-IMIGRASI',
          'ATASE-IMIGRASI-PNH',
          'KEMENKUMHAM',
          'KEJAGUNG',
          'KEMENPPPA',
          'KEMENSOS',
          'KEMNAKER',
          'BNP2TKI',
          'BP2MI',
          'KKP',
          'KEMENDIKBUD',
          'KOMINFO',
          'BPS',
          'LPSK',
          'KEMENKES',
          'POLDA-NTT',
          'UPTD-PPA-NTT',
          'DINSOS-NTT',
          'IOM',
          'LBH',
          'YAYASAN-PULIH',
          'CARITAS-KH',
          'KH-NCCT',
          'KH-MOI',
          'KH-GDI',
          'KH-AHTJP',
          'KH-MOSVY',
          'MY-MAPO',
          'MY-JIM',
          'MY-PDRM',
        ]),
      );
    });

    it('places the missions and the attaché abroad, under their home agencies', () => {
      expect(agency('KBRI-PNH')).toMatchObject({
        type: AgencyType.OVERSEAS_MISSION,
        country: 'ID',
        timeZone: 'Asia/Phnom_Penh',
        parentCode: 'KEMLU',
      });
      expect(agency('KBRI-KUL')).toMatchObject({
        type: AgencyType.OVERSEAS_MISSION,
        country: 'ID',
        timeZone: 'Asia/Kuala_Lumpur',
      });
      expect(agency('ATASE-IMIGRASI-PNH')).toMatchObject({
        country: 'ID',
        timeZone: 'Asia/Phnom_Penh',
        parentCode: 'DITJEN-IMIGRASI',
      });
      expect(agency('BARESKRIM')?.parentCode).toBe('POLRI');
      expect(agency('KEMLU-PWNI')?.parentCode).toBe('KEMLU');
    });

    it('keeps BNP2TKI inactive as the predecessor of BP2MI', () => {
      expect(agency('BNP2TKI')?.active).toBe(false);
      expect(agency('BP2MI')?.predecessorCode).toBe('BNP2TKI');
      expect(agency('BP2MI')?.active ?? true).toBe(true);
    });

    it('gives the providers the capabilities referrals are routed by', () => {
      expect(agency('LPSK')).toMatchObject({ type: AgencyType.SERVICE_PROVIDER });
      expect(agency('LPSK')?.capabilities).toEqual(
        expect.arrayContaining([AgencyCapability.WITNESS_PROTECTION, AgencyCapability.COMPENSATION]),
      );
      expect(agency('IOM')).toMatchObject({ type: AgencyType.INTERNATIONAL_ORGANISATION });
      expect(agency('IOM')?.capabilities).toEqual(
        expect.arrayContaining([
          AgencyCapability.SHELTER,
          AgencyCapability.MEDICAL,
          AgencyCapability.PSYCHOSOCIAL,
          AgencyCapability.REPATRIATION,
          AgencyCapability.LIVELIHOOD,
          AgencyCapability.INTERPRETER,
        ]),
      );
      expect(agency('CARITAS-KH')).toMatchObject({ type: AgencyType.NGO, country: 'KH' });
      expect(agency('CARITAS-KH')?.capabilities).toContain(AgencyCapability.SHELTER);
      expect(agency('KEMENSOS')?.capabilities).toEqual(
        expect.arrayContaining([
          AgencyCapability.SHELTER,
          AgencyCapability.PSYCHOSOCIAL,
          AgencyCapability.REPATRIATION,
        ]),
      );
      expect(agency('KEMENKES')?.capabilities).toContain(AgencyCapability.MEDICAL);
      expect(agency('DITJEN-IMIGRASI')?.capabilities).toContain(AgencyCapability.TRAVEL_DOCUMENTS);
      expect(agency('POLRI')?.capabilities).toContain(AgencyCapability.INVESTIGATION);
      expect(agency('KEJAGUNG')?.capabilities).toContain(AgencyCapability.PROSECUTION);
      expect(agency('BPS')?.capabilities).toContain(AgencyCapability.DATA_AND_STATISTICS);
      expect(agency('KEMLU')?.capabilities).toEqual(
        expect.arrayContaining([AgencyCapability.CONSULAR_PROTECTION, AgencyCapability.REPATRIATION]),
      );
    });

    it('files foreign counterparts under their country and time zone', () => {
      for (const code of ['KH-NCCT', 'KH-MOI', 'KH-GDI', 'KH-AHTJP', 'KH-MOSVY']) {
        expect(agency(code)).toMatchObject({
          type: AgencyType.FOREIGN_COUNTERPART,
          country: 'KH',
          timeZone: 'Asia/Phnom_Penh',
        });
      }
      for (const code of ['MY-MAPO', 'MY-JIM', 'MY-PDRM']) {
        expect(agency(code)).toMatchObject({
          type: AgencyType.FOREIGN_COUNTERPART,
          country: 'MY',
          timeZone: 'Asia/Kuala_Lumpur',
        });
      }
      expect(agency('MY-MAPO')?.nameId).toBe('Majlis Anti Pemerdagangan Orang dan Anti Penyeludupan Migran');
    });

    it('uses the regional time zones of Indonesian provinces', () => {
      for (const a of AGENCIES.filter((x) => x.country === 'ID' && /NTT|NTB/.test(x.code))) {
        expect(a.timeZone).toBe('Asia/Makassar');
      }
      for (const a of AGENCIES.filter((x) => /KALBAR|SAMBAS/.test(x.code))) expect(a.timeZone).toBe('Asia/Pontianak');
    });
  });

  describe('task-force units', () => {
    it('has the national unit and the five provinces under it', () => {
      expect(unit('GTPP-NAS')).toMatchObject({
        level: TaskForceLevel.NATIONAL,
        regionCode: null,
        parentCode: null,
        timeZone: 'Asia/Jakarta',
      });
      const provinces: [string, string, string][] = [
        ['GTPP-NTT', '53', 'Asia/Makassar'],
        ['GTPP-JABAR', '32', 'Asia/Jakarta'],
        ['GTPP-KALBAR', '61', 'Asia/Pontianak'],
        ['GTPP-KEPRI', '21', 'Asia/Jakarta'],
        ['GTPP-NTB', '52', 'Asia/Makassar'],
      ];
      for (const [code, regionCode, timeZone] of provinces) {
        expect(unit(code)).toMatchObject({
          level: TaskForceLevel.PROVINCE,
          regionCode,
          timeZone,
          parentCode: 'GTPP-NAS',
        });
      }
    });

    it('has regency/city units under their province, with region codes inside the province', () => {
      const regencies = TASK_FORCE_UNITS.filter((u) => u.level === TaskForceLevel.REGENCY_CITY);
      expect(regencies.length).toBeGreaterThanOrEqual(2);
      for (const r of regencies) {
        const parent = unit(r.parentCode!);
        expect(parent?.level).toBe(TaskForceLevel.PROVINCE);
        expect(r.regionCode?.startsWith(`${parent?.regionCode}.`)).toBe(true);
      }
      expect(unit('GTPP-SAMBAS')).toMatchObject({ parentCode: 'GTPP-KALBAR', regionCode: '61.01' });
      expect(unit('GTPP-BATAM')).toMatchObject({ parentCode: 'GTPP-KEPRI', regionCode: '21.71' });
    });

    it('keeps the level tree: only the national unit has no parent', () => {
      for (const u of TASK_FORCE_UNITS) expect(u.parentCode === null).toBe(u.level === TaskForceLevel.NATIONAL);
    });
  });

  describe('memberships', () => {
    it('treats validFrom as inclusive and validTo as exclusive', () => {
      const period = { validFrom: '2023-06-05', validTo: '2023-07-01' };
      expect(activeOn(period, '2023-06-04')).toBe(false);
      expect(activeOn(period, '2023-06-05')).toBe(true);
      expect(activeOn(period, '2023-06-30')).toBe(true);
      expect(activeOn(period, '2023-07-01')).toBe(false);
      expect(activeOn({ validFrom: '2023-06-05', validTo: null }, '2099-01-01')).toBe(true);
    });

    it('records the 2023 change of daily chair from KemenPPPA to Polri', () => {
      expect(holdersOn('GTPP-NAS', MembershipRole.DAILY_CHAIR, '2023-01-01')).toEqual(['KEMENPPPA']);
      expect(holdersOn('GTPP-NAS', MembershipRole.DAILY_CHAIR, '2024-01-01')).toEqual(['POLRI']);
      expect(holdersOn('GTPP-NAS', MembershipRole.DAILY_CHAIR, '2023-06-04')).toEqual(['KEMENPPPA']);
      expect(holdersOn('GTPP-NAS', MembershipRole.DAILY_CHAIR, '2023-06-05')).toEqual(['POLRI']);
    });

    it('moves the secretariat with the daily chair and names the chairs from 2023', () => {
      expect(holdersOn('GTPP-NAS', MembershipRole.SECRETARIAT, '2023-01-01')).toEqual(['KEMENPPPA']);
      expect(holdersOn('GTPP-NAS', MembershipRole.SECRETARIAT, '2024-01-01')).toEqual(['POLRI']);
      expect(holdersOn('GTPP-NAS', MembershipRole.CHAIR_1, '2024-01-01')).toEqual(['KEMENKO-POLHUKAM']);
      expect(holdersOn('GTPP-NAS', MembershipRole.CHAIR_2, '2024-01-01')).toEqual(['KEMENKO-PMK']);
    });

    it('lists the national members and IOM as a partner, never as a member', () => {
      const members = holdersOn('GTPP-NAS', MembershipRole.MEMBER, '2024-01-01');
      expect(members.length).toBeGreaterThanOrEqual(20);
      expect(new Set(members).size).toBe(members.length);
      expect(members).not.toContain('IOM');
      expect(holdersOn('GTPP-NAS', MembershipRole.PARTNER, '2024-01-01')).toContain('IOM');
      for (const code of members) expect(agency(code)?.country).toBe('ID');
    });

    it('gives provincial units their own members', () => {
      expect(holdersOn('GTPP-NTT', MembershipRole.DAILY_CHAIR, '2024-01-01')).toEqual(['POLDA-NTT']);
    });
  });

  describe('legal instruments', () => {
    it('has the legal chain of the task force', () => {
      expect(codes(LEGAL_INSTRUMENTS)).toEqual(
        expect.arrayContaining([
          'UU-21-2007',
          'PERPRES-69-2008',
          'UU-14-2009',
          'UU-12-2017-ACTIP',
          'PERPRES-22-2021',
          'PERPRES-49-2023',
          'MOU-POLRI-KH-MOHA-2022',
          'KH-ID-IMM-2024',
        ]),
      );
      expect(instrument('UU-12-2017-ACTIP')).toMatchObject({
        kind: LegalInstrumentKind.ASEAN_INSTRUMENT,
        signedOn: '2017-10-17',
      });
    });

    it('records the Polri–Cambodia MoU with its uncertain date noted', () => {
      const mou = instrument('MOU-POLRI-KH-MOHA-2022');
      expect(mou).toMatchObject({
        kind: LegalInstrumentKind.MOU,
        signedOn: '2022-08-01',
        signedAt: 'Labuan Bajo',
      });
      expect(mou?.partyAgencyCodes).toEqual(['POLRI', 'KH-MOI']);
      expect(mou?.notes).toMatch(/August 2023/);
    });

    it('lists the eight areas of the 2024 Cambodia–Indonesia immigration framework in order', () => {
      const framework = instrument('KH-ID-IMM-2024');
      expect(framework).toMatchObject({
        kind: LegalInstrumentKind.BILATERAL_FRAMEWORK,
        signedOn: '2024-03-13',
        signedAt: 'Phnom Penh',
      });
      expect(framework?.partyAgencyCodes).toEqual(['DITJEN-IMIGRASI', 'KH-GDI']);
      const commitments = framework!.commitments;
      expect(commitments.map((c) => c.sequence)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
      expect(commitments.map((c) => c.code)).toEqual([1, 2, 3, 4, 5, 6, 7, 8].map((n) => `KH-ID-IMM-2024-0${n}`));
      commitments.forEach((c, index) => {
        expect(c.titleEn).toMatch(IMMIGRATION_AREAS[index]);
        expect(c.titleId.length).toBeGreaterThan(5);
        expect(['DITJEN-IMIGRASI', 'ATASE-IMIGRASI-PNH']).toContain(c.ownerAgencyCode);
      });
    });
  });
});
