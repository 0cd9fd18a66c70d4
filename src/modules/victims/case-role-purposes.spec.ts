import { CaseRole, IDENTITY_PURPOSES_BY_ROLE } from '@app/kernel/case-role';

import { ConsentPurpose } from './victim.enums';

/**
 * The kernel names, per role in a case, the consent purposes that open a person's identity to a participant; they
 * are plain strings there (the kernel may not import this module), so this checks them against the consent model.
 */
describe('identity purposes by case role', () => {
  it('gives every role at least one purpose, each a consent purpose the register knows', () => {
    const known = new Set<string>(Object.values(ConsentPurpose));
    for (const role of Object.values(CaseRole)) {
      const purposes = IDENTITY_PURPOSES_BY_ROLE[role];
      expect([role, purposes.length > 0, purposes.every((purpose) => known.has(purpose))]).toEqual([role, true, true]);
    }
  });

  it('keeps the narrow roles narrow: a hospital or provider by referral consent, immigration by repatriation', () => {
    expect(IDENTITY_PURPOSES_BY_ROLE.HEALTH).toEqual([ConsentPurpose.SERVICE_REFERRAL]);
    expect(IDENTITY_PURPOSES_BY_ROLE.PROVIDER).toEqual([ConsentPurpose.SERVICE_REFERRAL]);
    expect(IDENTITY_PURPOSES_BY_ROLE.IMMIGRATION).toEqual([ConsentPurpose.REPATRIATION]);
    expect(IDENTITY_PURPOSES_BY_ROLE.SOCIAL_REHABILITATION).toContain(ConsentPurpose.CASE_COORDINATION);
  });
});
