import { CaseRole } from '@app/kernel/case-role';
import { AgencyCapability as C, AgencyType as T } from '@app/modules/agencies/agency.enums';
import { AGENCIES } from './reference-data';
import { CASEWORK_AGENCIES, CASEWORK_INSTRUMENTS } from './reference-data-casework';

import { AgencyProfile, roleProblem, rolesFor } from '@app/modules/cases/case-role-fit';

const agency = (code: string): AgencyProfile => {
  const found = [...AGENCIES, ...CASEWORK_AGENCIES].find((a) => a.code === code);
  if (!found) throw new Error(`no seeded agency ${code}`);
  return found;
};

describe('which seeded agency may hold which role in a case', () => {
  it.each([
    ['BARESKRIM', CaseRole.INVESTIGATION],
    ['KEJAGUNG', CaseRole.PROSECUTION],
    ['KEMENSOS', CaseRole.SOCIAL_REHABILITATION],
    ['DINSOS-NTT', CaseRole.SOCIAL_REHABILITATION],
    ['KBRI-PNH', CaseRole.CONSULAR_PROTECTION],
    ['KEMLU', CaseRole.CONSULAR_PROTECTION],
    ['DITJEN-IMIGRASI', CaseRole.IMMIGRATION],
    ['ATASE-IMIGRASI-PNH', CaseRole.ATTACHE_POST],
    ['BP2MI', CaseRole.LABOUR_MIGRATION_PROTECTION],
    ['KEMENKES', CaseRole.HEALTH],
    ['RS-POLRI', CaseRole.HEALTH],
    ['DINSOS-JABAR', CaseRole.SOCIAL_REHABILITATION],
    ['KBRI-KUL', CaseRole.CONSULAR_PROTECTION],
    ['CARITAS-KH', CaseRole.PROVIDER],
    ['LPSK', CaseRole.WITNESS_PROTECTION],
    ['KEMENPPPA', CaseRole.COORDINATION],
  ])('%s may take part as %s', (code, role) => {
    expect(roleProblem(role, agency(code))).toBeNull();
  });

  it.each([
    ['KEMENSOS', CaseRole.INVESTIGATION, 'a police body'],
    ['BARESKRIM', CaseRole.HEALTH, 'medical care'],
    ['DITJEN-IMIGRASI', CaseRole.ATTACHE_POST, 'post abroad'],
    ['KEMENKES', CaseRole.SOCIAL_REHABILITATION, 'shelter'],
  ])('%s may not take part as %s', (code, role, words) => {
    expect(roleProblem(role, agency(code))).toContain(words);
  });

  it('keeps foreign counterparts out of every case team', () => {
    const pdrm = agency('MY-PDRM');
    for (const role of Object.values(CaseRole)) expect(roleProblem(role, pdrm)).toContain('foreign counterpart');
    expect(rolesFor(pdrm)).toEqual([]);
  });

  it('gives an opener a role that fits it first', () => {
    expect(rolesFor(agency('BARESKRIM'))[0]).toBe(CaseRole.INVESTIGATION);
    expect(rolesFor(agency('KEMENSOS'))[0]).toBe(CaseRole.SOCIAL_REHABILITATION);
    expect(
      rolesFor({
        acronym: 'X',
        type: T.COORDINATING_MINISTRY,
        country: 'ID',
        capabilities: [C.MEDICAL],
        timeZone: 'Asia/Jakarta',
      }),
    ).toEqual([CaseRole.HEALTH, CaseRole.COORDINATION]);
  });
});

describe('casework reference data', () => {
  it('says where every new directory entry comes from, and files offices by region', () => {
    for (const seed of CASEWORK_AGENCIES) {
      expect([seed.code, (seed.basis ?? '').length > 20]).toEqual([seed.code, true]);
      expect(seed.code.length).toBeLessThanOrEqual(40);
    }
    expect(CASEWORK_AGENCIES.find((a) => a.code === 'DINSOS-JABAR')?.regionCode).toBe('32');
  });

  it('binds Indonesia, Cambodia and Malaysia to both ASEAN instruments through directory agencies', () => {
    const countryOf = (code: string) => [...AGENCIES, ...CASEWORK_AGENCIES].find((a) => a.code === code)?.country;
    for (const instrument of CASEWORK_INSTRUMENTS) {
      expect(instrument.partyAgencyCodes.map(countryOf).sort()).toEqual(['ID', 'KH', 'MY']);
      expect((instrument.notes ?? '').length).toBeGreaterThan(50);
    }
  });
});
