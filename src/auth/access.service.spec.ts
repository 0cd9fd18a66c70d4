import { Locale, Role } from '@app/kernel/role.enum';

import { AccessService } from './access.service';
import { Actor } from './actor';

const actor = (agencyId: string, ...roles: Role[]): Actor => ({
  userId: 'u',
  agencyId,
  roles,
  locale: Locale.ID,
  timeZone: 'Asia/Jakarta',
});

describe(AccessService.name, () => {
  const sut = new AccessService();

  it("lets a liaison see their own agency's staff", () => {
    expect(sut.canSeeAgencyStaff(actor('a', Role.LIAISON), 'a')).toBe(true);
  });

  it("answers NOT_FOUND for another agency's staff, as if it did not exist", () => {
    expect(() => sut.requireAgencyStaff(actor('a', Role.LIAISON, Role.SUPERVISOR), 'b', 'User', 'x')).toThrow(
      'User x was not found.',
    );
  });

  it('lets administrators see every agency', () => {
    expect(sut.canSeeAgencyStaff(actor('a', Role.ADMINISTRATOR), 'b')).toBe(true);
  });
});
