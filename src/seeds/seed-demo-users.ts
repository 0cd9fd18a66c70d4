import { DataSource } from 'typeorm';

import { PasswordHasher } from '@app/modules/users/password-hasher';
import { AgencyEntity } from '@app/modules/agencies/agency.entity';
import { UserEntity } from '@app/modules/users/user.entity';

import { DEMO_PASSWORD, DEMO_USERS } from './demo-users';

/** Creates the missing demo users (one per role); existing accounts, and their passwords, are left alone. */
export async function seedDemoUsers(dataSource: DataSource): Promise<{ created: number }> {
  // Hashed once, and only when an account is missing: argon2 takes a tenth of a second, which every warm start paid.
  let passwordHash: string | undefined;
  return dataSource.transaction(async (manager) => {
    let created = 0;
    for (const demo of DEMO_USERS) {
      if (await manager.existsBy(UserEntity, { email: demo.email })) continue;
      passwordHash ??= await new PasswordHasher().hash(DEMO_PASSWORD);
      const agency = await manager.findOneBy(AgencyEntity, { code: demo.agencyCode });
      if (!agency)
        throw new Error(`Demo user ${demo.email} needs agency ${demo.agencyCode}; run the reference seed first`);
      await manager.insert(UserEntity, {
        email: demo.email,
        displayName: demo.displayName,
        agencyId: agency.id,
        roles: demo.roles,
        locale: demo.locale,
        timeZone: agency.timeZone,
        passwordHash,
        active: true,
      });
      created += 1;
    }
    return { created };
  });
}
