import { JwtService } from '@nestjs/jwt';
import { DataSource } from 'typeorm';

import { TEST_TOKEN_SECRET } from '@libs/testing/test-environment';

/** An access token of `userId`, signed like the API's but expired an hour ago (what a browser holds after idling). */
export async function expiredToken(dataSource: DataSource, userId: string): Promise<string> {
  const [user] = await dataSource.query('SELECT agency_id, credentials_changed_at FROM app_user WHERE id = $1', [
    userId,
  ]);
  const now = Math.floor(Date.now() / 1000);
  return new JwtService({ secret: TEST_TOKEN_SECRET }).sign({
    sub: userId,
    agency: user.agency_id,
    cv: new Date(user.credentials_changed_at).getTime(),
    iat: now - 7200,
    exp: now - 3600,
  });
}
