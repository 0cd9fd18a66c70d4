import { loadConfig } from '@app/config/load-config';

import { metricsAccess } from './metrics-access';

const base = {
  AUTH_TOKEN_SECRET: 'x'.repeat(40),
  PII_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
};
const production = {
  ...base,
  NODE_ENV: 'production',
  DATABASE_URL: 'postgres://db/simpul',
  REDIS_URL: 'redis://redis:6379',
  SMTP_URL: 'smtp://mail:25',
  PUBLIC_URL: 'https://simpul.example.go.id',
};
const token = 't'.repeat(40);

describe('metricsAccess', () => {
  it('lets anyone read metrics on a development machine without a token', () => {
    expect(metricsAccess(loadConfig(base), undefined)).toEqual({ allowed: true });
  });

  it('serves no metrics in production until METRICS_TOKEN is set, and says so', () => {
    const sut = metricsAccess(loadConfig(production), `Bearer ${token}`);
    expect(sut).toMatchObject({ allowed: false, status: 403 });
    expect(sut.allowed === false && sut.message).toContain('METRICS_TOKEN');
  });

  it('requires the exact token as a bearer token once one is set', () => {
    const config = loadConfig({ ...production, METRICS_TOKEN: token });
    expect(metricsAccess(config, `Bearer ${token}`)).toEqual({ allowed: true });
    expect(metricsAccess(config, `bearer ${token}`)).toEqual({ allowed: true });
    expect(metricsAccess(config, `Bearer ${token.slice(1)}`)).toMatchObject({ allowed: false, status: 401 });
    expect(metricsAccess(config, token)).toMatchObject({ allowed: false, status: 401 });
    expect(metricsAccess(config, undefined)).toMatchObject({ allowed: false, status: 401 });
  });
});
