import {
  mentionsIdentity,
  identityProblems,
  nameSimilarity,
  normaliseName,
  normaliseNationalId,
  normalisePassport,
} from './victim-identity';

const base = {
  fullName: 'Siti Aminah',
  dateOfBirth: null,
  passportNumber: null,
  nationalIdNumber: null,
  contact: null,
};

describe('victim identity', () => {
  it('normalises documents and names for comparison', () => {
    expect(normalisePassport(' c 123-4567 ')).toBe('C1234567');
    expect(normaliseNationalId('3212.0145-0690.0001')).toBe('3212014506900001');
    expect(normaliseName('Siti Aminah binti Ahmad')).toBe('ahmad aminah siti');
    expect(normaliseName('AHMAD, Siti Amínah')).toBe('ahmad aminah siti');
  });

  it('scores close spellings of a name high and different names low', () => {
    expect(nameSimilarity('Siti Aminah binti Ahmad', 'Siti Aminah Ahmad')).toBe(1);
    expect(nameSimilarity('Siti Aminah', 'Siti Aminnah')).toBeGreaterThanOrEqual(0.8);
    expect(nameSimilarity('Siti Aminah', 'Dewi Lestari')).toBeLessThan(0.3);
  });

  it('names each problem of an identity by its field', () => {
    expect(identityProblems(base, '2026-11-23')).toEqual([]);
    expect(
      identityProblems(
        { ...base, fullName: ' !! ', dateOfBirth: '2027-01-01', passportNumber: 'x', nationalIdNumber: '123' },
        '2026-11-23',
      ).map((problem) => problem.field),
    ).toEqual(['identity.fullName', 'identity.dateOfBirth', 'identity.passportNumber', 'identity.nationalIdNumber']);
    expect(identityProblems({ ...base, dateOfBirth: '2001-02-30' }, '2026-11-23')[0].message).toMatch(/must be a date/);
  });
});

describe('mentionsIdentity', () => {
  const identity = {
    fullName: 'Siti Aminah binti Rahmat',
    dateOfBirth: '1998-02-03',
    passportNumber: 'C 1234567',
    nationalIdNumber: '3212 0101 0101 0001',
    contact: null,
  };

  it('finds the name in any order and case, the passport and the NIK however written', () => {
    expect(mentionsIdentity(identity, 'Shelter stay for AMINAH, Siti (Rahmat) arranged')).toBe(true);
    expect(mentionsIdentity(identity, 'passport c1234567 retained by the employer')).toBe(true);
    expect(mentionsIdentity(identity, 'NIK 3212010101010001 checked')).toBe(true);
  });

  it('leaves notes that use the code alone', () => {
    expect(mentionsIdentity(identity, 'VCT-7K3QX9MB stayed at the Caritas shelter; Siti from the NGO escorted')).toBe(
      false,
    );
  });
});
