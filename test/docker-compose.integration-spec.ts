import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { getMetadataStorage } from 'class-validator';
import { load } from 'js-yaml';

import { EnvSchema } from '@app/config/env.schema';
import { loadConfig } from '@app/config/load-config';

interface ComposeService {
  image?: string;
  build?: string;
  command?: string[];
  environment?: Record<string, string>;
  ports?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  volumes?: string[];
}

const compose = load(readFileSync(join(__dirname, '..', 'docker-compose.yml'), 'utf8')) as {
  services: Record<string, ComposeService>;
};
// YAML merge keys (`<<: *simpul-environment`), resolved the way docker compose resolves them.
for (const service of Object.values(compose.services)) {
  const { '<<': shared, ...own } = (service.environment ?? {}) as Record<string, unknown>;
  if (shared) service.environment = { ...(shared as Record<string, string>), ...(own as Record<string, string>) };
}
const services = compose.services;

/** Replaces `${NAME:?message}` and `${NAME:-default}` the way docker compose would, with test values. */
function substitute(environment: Record<string, string>): Record<string, string> {
  const values: Record<string, string> = {
    AUTH_TOKEN_SECRET: 'x'.repeat(40),
    PII_ENCRYPTION_KEY: Buffer.alloc(32, 3).toString('base64'),
  };
  return Object.fromEntries(
    Object.entries(environment).map(([key, value]) => [
      key,
      String(value).replace(
        /\$\{(\w+)(?::[?-]([^}]*))?\}/g,
        (_m, name: string, fallback: string) => values[name] ?? fallback,
      ),
    ]),
  );
}

const publishedPorts = (service: ComposeService) => (service.ports ?? []).map((p) => p.split(':').map(Number));

describe('docker-compose.yml', () => {
  it('has the database, Redis, a mail catcher and both roles', () => {
    expect(Object.keys(services).sort()).toEqual(['api', 'mailpit', 'postgres', 'redis', 'worker']);
    expect(services.api.build).toBe('.');
    expect(services.worker.command).toEqual(['node', '--max-old-space-size=256', 'dist/src/worker.js']);
  });

  it('keeps Redis data on disk (append-only), so queued jobs survive a restart', () => {
    expect(services.redis.command?.join(' ')).toMatch(/--appendonly yes/);
  });

  it('configures api and worker only with variables the config understands, production ones complete', () => {
    const known = new Set(
      getMetadataStorage()
        .getTargetValidationMetadatas(EnvSchema, '', true, false)
        .map((metadata) => metadata.propertyName),
    );
    for (const name of ['api', 'worker']) {
      const environment = services[name].environment ?? {};
      expect(Object.keys(environment).filter((key) => !known.has(key))).toEqual([]);
      expect(environment.NODE_ENV).toBe('production');
      for (const required of ['DATABASE_URL', 'REDIS_URL', 'SMTP_URL', 'AUTH_TOKEN_SECRET', 'PII_ENCRYPTION_KEY']) {
        expect(environment).toHaveProperty(required);
      }
      const substituted = substitute(environment);
      expect(Object.values(substituted).filter((value) => value.includes('$'))).toEqual([]);
      const config = loadConfig(substituted);
      expect(config.nodeEnv).toBe('production');
    }
  });

  it('starts api and worker only once the database and Redis report healthy, keeping their data in volumes', () => {
    for (const name of ['api', 'worker']) {
      expect(services[name].depends_on).toMatchObject({
        postgres: { condition: 'service_healthy' },
        redis: { condition: 'service_healthy' },
      });
    }
    for (const name of ['postgres', 'redis']) {
      expect(services[name].healthcheck?.test.length).toBeGreaterThan(0);
      expect(services[name].volumes?.length).toBeGreaterThan(0);
    }
    expect(services.postgres.image).toMatch(/^postgres:16/);
    expect(services.redis.image).toMatch(/^redis:7/);
    expect(services.api.command).toEqual(['node', '--max-semi-space-size=64', 'dist/src/main.js', '--role', 'api']);
  });

  it('points the services at each other on the ports they listen on', () => {
    const api = loadConfig(substitute(services.api.environment ?? {}));
    expect(publishedPorts(services.api)).toContainEqual([api.port, api.port]);

    const database = new URL(api.databaseUrl!);
    expect(database.hostname).toBe('postgres');
    expect(Number(database.port)).toBe(5432);
    expect(publishedPorts(services.postgres)).toContainEqual([5432, 5432]);
    expect(decodeURIComponent(database.username)).toBe(
      (services.postgres.environment as Record<string, string>).POSTGRES_USER,
    );

    const redis = new URL(api.redisUrl);
    expect(redis.hostname).toBe('redis');
    expect(publishedPorts(services.redis)).toContainEqual([Number(redis.port), Number(redis.port)]);

    const smtp = new URL(api.smtpUrl!);
    expect(smtp.hostname).toBe('mailpit');
    expect(publishedPorts(services.mailpit)).toContainEqual([Number(smtp.port), Number(smtp.port)]);
  });

  it('refuses to start without the secrets, naming them', () => {
    const raw = services.api.environment ?? {};
    expect(raw.AUTH_TOKEN_SECRET).toMatch(/\$\{AUTH_TOKEN_SECRET:\?/);
    expect(raw.PII_ENCRYPTION_KEY).toMatch(/\$\{PII_ENCRYPTION_KEY:\?/);
  });
});
