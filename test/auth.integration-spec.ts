import { JwtService } from '@nestjs/jwt';

import { Role } from '@app/kernel/role.enum';
import { UserEntity } from '@app/modules/users/user.entity';
import { Factories, TEST_PASSWORD } from '@libs/testing/factories';
import { firstErrorCode, TestApp } from '@libs/testing/test-app';
import { TEST_TOKEN_SECRET } from '@libs/testing/test-environment';

const ME = '{ me { id email roles agency { code } } }';
const AGENCIES = '{ agencies(first: 5) { totalCount edges { node { code } } } }';

describe('identity and access', () => {
  let sut: TestApp;
  let factories: Factories;
  let liaison: UserEntity;

  beforeAll(async () => {
    sut = await TestApp.start();
    factories = new Factories(sut);
    liaison = await factories.user([Role.LIAISON]);
  });
  afterAll(() => sut.stop());

  it('a liaison logs in, sees who they are and lists the agencies', async () => {
    const token = await sut.login(liaison.email, TEST_PASSWORD);
    const me = await sut.gql<{ me: { id: string; roles: string[] } }>(ME, {}, token);
    expect(me.data?.me).toMatchObject({ id: liaison.id, roles: ['LIAISON'] });
    const agencies = await sut.gql<{ agencies: { totalCount: number } }>(AGENCIES, {}, token);
    expect(agencies.errors).toBeUndefined();
    expect(agencies.data?.agencies.totalCount).toBeGreaterThanOrEqual(30);
  });

  it('logs in with the e-mail in any letter case', async () => {
    await expect(sut.login(liaison.email.toUpperCase(), TEST_PASSWORD)).resolves.toEqual(expect.any(String));
  });

  it('refuses an anonymous request with UNAUTHENTICATED', async () => {
    const result = await sut.gql(AGENCIES);
    expect(firstErrorCode(result)).toBe('UNAUTHENTICATED');
    expect(result.data).toBeNull();
  });

  it('refuses an expired token with UNAUTHENTICATED', async () => {
    const past = Math.floor(Date.now() / 1000) - 7200;
    const expired = new JwtService().sign(
      {
        sub: liaison.id,
        agency: liaison.agencyId,
        cv: liaison.credentialsChangedAt.getTime(),
        iat: past,
        exp: past + 60,
      },
      { secret: TEST_TOKEN_SECRET },
    );
    const result = await sut.gql(ME, {}, expired);
    expect(firstErrorCode(result)).toBe('UNAUTHENTICATED');
    expect(result.errors?.[0].message).toMatch(/expired/);
  });

  it('refuses a token signed with another secret', async () => {
    const forged = new JwtService().sign(
      { sub: liaison.id, agency: liaison.agencyId, cv: 0 },
      { secret: 'another-secret-of-sufficient-length-000000000', expiresIn: 600 },
    );
    expect(firstErrorCode(await sut.gql(ME, {}, forged))).toBe('UNAUTHENTICATED');
  });

  it('answers a wrong password and an unknown e-mail alike, and records the attempt', async () => {
    const wrong = await sut.gql(
      'mutation { login(input: { email: "%s", password: "nope-nope-nope-1" }) { accessToken } }'.replace(
        '%s',
        liaison.email,
      ),
    );
    const unknown = await sut.gql(
      'mutation { login(input: { email: "nobody@test.simpul.id", password: "nope-nope-nope-1" }) { accessToken } }',
    );
    expect(firstErrorCode(wrong)).toBe('UNAUTHENTICATED');
    expect(wrong.errors?.[0].message).toBe(unknown.errors?.[0].message);
    const attempts = await sut.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_entry WHERE operation = 'loginFailed' AND target_id = $1`,
      [liaison.id],
    );
    expect(attempts[0].n).toBeGreaterThanOrEqual(1);
  });

  it('names the field of a malformed input', async () => {
    const result = await sut.gql('mutation { login(input: { email: "not-an-email", password: "x" }) { accessToken } }');
    expect(firstErrorCode(result)).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0].extensions?.field).toBe('email');
    expect(result.errors?.[0].message).toMatch(/email/);
  });

  it('answers NOT_FOUND for a user of another agency, as if it did not exist', async () => {
    const stranger = await factories.user([Role.LIAISON]);
    const colleague = await factories.user([Role.CASE_OFFICER], { agencyId: liaison.agencyId });
    const token = await sut.login(liaison.email, TEST_PASSWORD);
    const query = 'query ($id: ID!) { user(id: $id) { id email } }';

    const other = await sut.gql(query, { id: stranger.id }, token);
    expect(firstErrorCode(other)).toBe('NOT_FOUND');
    const missing = await sut.gql(query, { id: '00000000-0000-4000-8000-000000000000' }, token);
    expect(other.errors?.[0].message.replace(stranger.id, 'X')).toBe(
      missing.errors?.[0].message.replace('00000000-0000-4000-8000-000000000000', 'X'),
    );
    const same = await sut.gql<{ user: { id: string } }>(query, { id: colleague.id }, token);
    expect(same.data?.user.id).toBe(colleague.id);

    const list = await sut.gql<{ users: { totalCount: number } }>(
      'query ($a: ID!) { users(filter: { agencyId: $a }) { totalCount } }',
      { a: stranger.agencyId },
      token,
    );
    expect(list.data?.users.totalCount).toBe(0);
  });

  it('refuses an administrator-only mutation to a liaison with FORBIDDEN and writes nothing', async () => {
    const token = await sut.login(liaison.email, TEST_PASSWORD);
    const result = await sut.gql(
      `mutation { createAgency(input: { code: "FORBIDDEN-TRY", nameId: "Coba", nameEn: "Try", acronym: "T",
        type: NGO, country: "ID", timeZone: "Asia/Jakarta" }) { id } }`,
      {},
      token,
    );
    expect(firstErrorCode(result)).toBe('FORBIDDEN');
    const rows = await sut.dataSource.query(`SELECT 1 FROM agency WHERE code = 'FORBIDDEN-TRY'`);
    expect(rows).toHaveLength(0);
  });

  it('changing the password invalidates earlier tokens and returns a working one', async () => {
    const user = await factories.user([Role.LIAISON]);
    const oldToken = await sut.login(user.email, TEST_PASSWORD);
    const weak = await sut.gql(
      'mutation ($input: ChangePasswordInput!) { changePassword(input: $input) { accessToken } }',
      { input: { currentPassword: TEST_PASSWORD, newPassword: 'short' } },
      oldToken,
    );
    expect(weak.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'newPassword' });

    const changed = await sut.gql<{ changePassword: { accessToken: string } }>(
      'mutation ($input: ChangePasswordInput!) { changePassword(input: $input) { accessToken } }',
      { input: { currentPassword: TEST_PASSWORD, newPassword: 'A-much-better-passphrase-9' } },
      oldToken,
    );
    expect(changed.errors).toBeUndefined();
    expect(firstErrorCode(await sut.gql(ME, {}, oldToken))).toBe('UNAUTHENTICATED');
    const fresh = changed.data!.changePassword.accessToken;
    expect((await sut.gql(ME, {}, fresh)).errors).toBeUndefined();
    await expect(sut.login(user.email, 'A-much-better-passphrase-9')).resolves.toEqual(expect.any(String));
    const entries = await sut.dataSource.query(
      `SELECT changes FROM audit_entry WHERE operation = 'changePassword' AND target_id = $1`,
      [user.id],
    );
    expect(entries).toHaveLength(1);
    expect(JSON.stringify(entries[0].changes)).not.toContain('passphrase');
  });

  it('a deactivated user can no longer use their token', async () => {
    const user = await factories.user([Role.LIAISON]);
    const token = await sut.login(user.email, TEST_PASSWORD);
    await sut.dataSource.query('UPDATE app_user SET active = false WHERE id = $1', [user.id]);
    expect(firstErrorCode(await sut.gql(ME, {}, token))).toBe('UNAUTHENTICATED');
  });
});
