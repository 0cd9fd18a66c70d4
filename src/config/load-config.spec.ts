import { ConfigError } from './config.error';
import { loadConfig } from './load-config';

const validKey = Buffer.alloc(32, 7).toString('base64');
const secret = 'x'.repeat(40);

describe('loadConfig', () => {
  it('applies the documented defaults when only secrets are given', () => {
    const sut = loadConfig({ AUTH_TOKEN_SECRET: secret, PII_ENCRYPTION_KEY: validKey });
    expect(sut.port).toBe(3000);
    expect(sut.nodeEnv).toBe('development');
    expect(sut.redisUrl).toBe('redis://127.0.0.1:6379');
    expect(sut.databaseUrl).toBeUndefined();
    expect(sut.piiEncryptionKey).toHaveLength(32);
  });

  it('names the variable when a value is malformed', () => {
    expect(() => loadConfig({ PORT: 'eighty', AUTH_TOKEN_SECRET: secret, PII_ENCRYPTION_KEY: validKey })).toThrow(
      /PORT/,
    );
    expect(() =>
      loadConfig({ DATABASE_URL: 'mysql://x', AUTH_TOKEN_SECRET: secret, PII_ENCRYPTION_KEY: validKey }),
    ).toThrow(/DATABASE_URL must be a postgres/);
    expect(() => loadConfig({ AUTH_TOKEN_SECRET: secret, PII_ENCRYPTION_KEY: 'short' })).toThrow(
      /PII_ENCRYPTION_KEY must be 32 bytes/,
    );
    expect(() => loadConfig({ WORKER_NICE: '25', AUTH_TOKEN_SECRET: secret, PII_ENCRYPTION_KEY: validKey })).toThrow(
      /WORKER_NICE/,
    );
  });

  it('never echoes a secret or a service URL in its message, even a malformed one', () => {
    const attempt = () =>
      loadConfig({
        AUTH_TOKEN_SECRET: secret,
        PII_ENCRYPTION_KEY: 'almost-the-real-key',
        DATABASE_URL: 'mysql://admin:hunter2@db/simpul',
        PORT: 'eighty',
      });
    expect(attempt).toThrow(/PII_ENCRYPTION_KEY .*\(got \[hidden\]\)/);
    expect(attempt).toThrow(/PORT .*\(got "eighty"\)/);
    expect(attempt).not.toThrow(/almost-the-real-key|hunter2/);
  });

  it('refuses to start production without its required services and secrets, naming each one', () => {
    let error: unknown;
    try {
      loadConfig({ NODE_ENV: 'production' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    for (const name of [
      'DATABASE_URL',
      'REDIS_URL',
      'SMTP_URL',
      'AUTH_TOKEN_SECRET',
      'PII_ENCRYPTION_KEY',
      'PUBLIC_URL',
    ]) {
      expect(problems).toContain(name);
    }
  });

  it('uses generated development secrets only when none are configured', () => {
    const sut = loadConfig({}, { tokenSecret: 'd'.repeat(48), piiEncryptionKey: validKey });
    expect(sut.auth.tokenSecret).toBe('d'.repeat(48));
    expect(() => loadConfig({})).toThrow(/AUTH_TOKEN_SECRET/);
  });

  it('turns the playground and introspection off in production unless asked', () => {
    const sut = loadConfig({
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://db/simpul',
      REDIS_URL: 'redis://redis:6379',
      SMTP_URL: 'smtp://mail:25',
      AUTH_TOKEN_SECRET: secret,
      PII_ENCRYPTION_KEY: validKey,
      PUBLIC_URL: 'https://simpul.example.go.id',
    });
    expect(sut.graphql.playground).toBe(false);
    expect(sut.graphql.introspection).toBe(false);
    expect(sut.graphql.suggestions).toBe(false);
    expect(sut.host).toBe('0.0.0.0');
  });

  it('reads the observability settings, hiding the metrics token and the collector settings when wrong', () => {
    const sut = loadConfig({
      AUTH_TOKEN_SECRET: secret,
      PII_ENCRYPTION_KEY: validKey,
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://otel-collector:4318/',
      OTEL_EXPORTER_OTLP_HEADERS: 'authorization=Bearer%20abc,x-tenant=simpul',
      WORKER_HTTP_PORT: '0',
    });
    expect(sut.observability).toMatchObject({
      otlpEndpoint: 'http://otel-collector:4318',
      otlpHeaders: { authorization: 'Bearer abc', 'x-tenant': 'simpul' },
      workerHttpPort: 0,
      workerHttpHost: '127.0.0.1',
      serviceName: 'simpul',
      metricsToken: undefined,
    });
    expect(loadConfig({ AUTH_TOKEN_SECRET: secret, PII_ENCRYPTION_KEY: validKey }).observability.workerHttpPort).toBe(
      9464,
    );
    const attempt = () =>
      loadConfig({
        AUTH_TOKEN_SECRET: secret,
        PII_ENCRYPTION_KEY: validKey,
        METRICS_TOKEN: 'short-token',
        OTEL_EXPORTER_OTLP_ENDPOINT: 'grpc://collector:4317',
      });
    expect(attempt).toThrow(/METRICS_TOKEN must be at least 32 characters long \(got \[hidden\]\)/);
    expect(attempt).toThrow(/OTEL_EXPORTER_OTLP_ENDPOINT must be an http/);
    expect(attempt).not.toThrow(/short-token/);
  });

  it('reads the edge limits and trusts no proxy unless told', () => {
    const defaults = loadConfig({ AUTH_TOKEN_SECRET: secret, PII_ENCRYPTION_KEY: validKey });
    expect(defaults.http).toEqual({ maxBodyBytes: 1024 * 1024, trustProxy: false });
    expect(defaults.graphql).toMatchObject({ suggestions: true, maxDepth: 10, maxAliases: 30 });
    const given = (TRUST_PROXY: string) =>
      loadConfig({ AUTH_TOKEN_SECRET: secret, PII_ENCRYPTION_KEY: validKey, TRUST_PROXY }).http.trustProxy;
    expect(given('1')).toBe(1);
    expect(given('10.0.0.0/8,192.168.1.5')).toEqual(['10.0.0.0/8', '192.168.1.5']);
    expect(() => given('everyone')).toThrow(/TRUST_PROXY must be false, true, a number of proxy hops/);
    expect(() =>
      loadConfig({ AUTH_TOKEN_SECRET: secret, PII_ENCRYPTION_KEY: validKey, GRAPHQL_MAX_ALIASES: '5000' }),
    ).toThrow(/GRAPHQL_MAX_ALIASES/);
  });

  it('suppresses small statistics cells below 11 unless told otherwise, refusing a threshold of 1', () => {
    const base = { AUTH_TOKEN_SECRET: secret, PII_ENCRYPTION_KEY: validKey };
    expect(loadConfig(base).statistics.suppressionThreshold).toBe(11);
    expect(loadConfig({ ...base, STATISTICS_SUPPRESSION_THRESHOLD: '5' }).statistics.suppressionThreshold).toBe(5);
    expect(() => loadConfig({ ...base, STATISTICS_SUPPRESSION_THRESHOLD: '1' })).toThrow(
      /STATISTICS_SUPPRESSION_THRESHOLD/,
    );
  });

  it('sets the retry schedule, delivery leases and the sweep from their variables, with documented defaults', () => {
    const defaults = loadConfig({ AUTH_TOKEN_SECRET: secret, PII_ENCRYPTION_KEY: validKey });
    expect(defaults.jobs).toMatchObject({
      attempts: 10,
      backoffMs: 5_000,
      backoffMaxMs: 300_000,
      sweepIntervalMs: 60_000,
      sweepReviveLimit: 1_000,
    });
    expect(defaults.delivery).toEqual({ retrySpanMs: 86_400_000, leaseMs: 30_000 });

    const short = loadConfig({
      AUTH_TOKEN_SECRET: secret,
      PII_ENCRYPTION_KEY: validKey,
      JOB_ATTEMPTS: '3',
      JOB_BACKOFF_MS: '100',
      JOB_BACKOFF_MAX_MS: '400',
      JOB_LOCK_MS: '2000',
      SWEEP_INTERVAL_MS: '500',
      SWEEP_REVIVE_LIMIT: '50',
      DELIVERY_RETRY_SPAN_MS: '60000',
    });
    expect(short.jobs).toMatchObject({ attempts: 3, backoffMs: 100, backoffMaxMs: 400, sweepIntervalMs: 500 });
    // The lease follows the job lock unless set: a killed worker's delivery is taken over as its job is.
    expect(short.delivery).toEqual({ retrySpanMs: 60_000, leaseMs: 2_000 });
  });

  it('refuses a retry schedule that cannot work, naming the variable', () => {
    const base = { AUTH_TOKEN_SECRET: secret, PII_ENCRYPTION_KEY: validKey };
    expect(() => loadConfig({ ...base, JOB_BACKOFF_MS: '10000', JOB_BACKOFF_MAX_MS: '5000' })).toThrow(
      /JOB_BACKOFF_MAX_MS must be at least JOB_BACKOFF_MS/,
    );
    expect(() => loadConfig({ ...base, JOB_ATTEMPTS: '0' })).toThrow(/JOB_ATTEMPTS/);
    expect(() => loadConfig({ ...base, SWEEP_INTERVAL_MS: 'often' })).toThrow(/SWEEP_INTERVAL_MS/);
    expect(() => loadConfig({ ...base, DELIVERY_RETRY_SPAN_MS: '10' })).toThrow(/DELIVERY_RETRY_SPAN_MS/);
    expect(() => loadConfig({ ...base, DELIVERY_LEASE_MS: '999999999' })).toThrow(/DELIVERY_LEASE_MS/);
  });
});
