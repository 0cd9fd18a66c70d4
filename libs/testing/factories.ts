import { randomUUID } from 'node:crypto';

import { DataSource } from 'typeorm';

import { PasswordHasher } from '@app/auth/password-hasher';
import { AgencyType } from '@app/modules/agencies/agency.enums';
import { AgencyEntity } from '@app/modules/agencies/agency.entity';
import { Locale, Role } from '@app/kernel/role.enum';
import { UserEntity } from '@app/modules/users/user.entity';

export const TEST_PASSWORD = 'Test-password-2026!';
let cachedHash: Promise<string> | undefined;

/** A unique suffix so tests sharing one database never collide. */
export const unique = (): string => randomUUID().slice(0, 8).toUpperCase();

/** Builds test records with sensible defaults; pass only what the test is about. */
export class Factories {
  constructor(private readonly dataSource: DataSource) {}

  async agency(overrides: Partial<AgencyEntity> = {}): Promise<AgencyEntity> {
    const code = overrides.code ?? `TEST-${unique()}`;
    return this.dataSource.getRepository(AgencyEntity).save({
      code,
      nameId: `Lembaga Uji ${code}`,
      nameEn: `Test Agency ${code}`,
      acronym: code,
      aliases: [],
      type: AgencyType.GOVERNMENT_AGENCY,
      country: 'ID',
      capabilities: [],
      timeZone: 'Asia/Jakarta',
      active: true,
      parentAgencyId: null,
      predecessorAgencyId: null,
      regionCode: null,
      basis: null,
      ...overrides,
    });
  }

  /** A user with TEST_PASSWORD; creates an agency when none is given. */
  async user(roles: Role[], overrides: Partial<UserEntity> = {}): Promise<UserEntity> {
    cachedHash ??= new PasswordHasher().hash(TEST_PASSWORD);
    const agencyId = overrides.agencyId ?? (await this.agency()).id;
    return this.dataSource.getRepository(UserEntity).save({
      email: `user-${unique().toLowerCase()}@test.simpul.id`,
      displayName: 'Test User',
      agencyId,
      roles,
      locale: Locale.ID,
      timeZone: 'Asia/Jakarta',
      supervisorUserId: null,
      passwordHash: await cachedHash,
      active: true,
      ...overrides,
    });
  }
}
