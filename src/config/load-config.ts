import { resolve } from 'node:path';

import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';

import { AppConfig, NodeEnv } from './app-config';
import { ConfigError } from './config.error';
import { EnvSchema } from './env.schema';

export type Env = Record<string, string | undefined>;

/** Variables production must set explicitly: there is no safe default for them. */
const REQUIRED_IN_PRODUCTION = [
  'DATABASE_URL',
  'REDIS_URL',
  'SMTP_URL',
  'AUTH_TOKEN_SECRET',
  'PII_ENCRYPTION_KEY',
] as const;

const SECRET_VARIABLES = new Set([
  'AUTH_TOKEN_SECRET',
  'PII_ENCRYPTION_KEY',
  'PII_PREVIOUS_KEYS',
  'DATABASE_URL',
  'REDIS_URL',
  'SMTP_URL',
]);

/**
 * Validates the environment once and returns the typed configuration.
 * Development may leave secrets empty: `devSecrets` then supplies ones generated and kept under the data folder.
 */
export function loadConfig(env: Env, devSecrets?: { tokenSecret: string; piiEncryptionKey: string }): AppConfig {
  const cleaned: Env = {};
  for (const [key, value] of Object.entries(env)) cleaned[key] = value === '' ? undefined : value;

  const parsed = plainToInstance(EnvSchema, cleaned, { excludeExtraneousValues: false });
  const problems: string[] = [];
  for (const error of validateSync(parsed, { forbidUnknownValues: false })) {
    const messages = Object.values(error.constraints ?? {});
    // Secrets and URLs (which may carry passwords) are never echoed, even when wrong.
    const shown = SECRET_VARIABLES.has(error.property) ? '[hidden]' : JSON.stringify(cleaned[error.property]);
    problems.push(`${error.property} ${messages.join('; ')} (got ${shown})`);
  }

  const nodeEnv = (parsed.NODE_ENV ?? 'development') as NodeEnv;
  if (nodeEnv === 'production') {
    for (const name of REQUIRED_IN_PRODUCTION) {
      if (cleaned[name] === undefined) problems.push(`${name} is required when NODE_ENV=production`);
    }
  }
  const tokenSecret = parsed.AUTH_TOKEN_SECRET ?? devSecrets?.tokenSecret;
  const piiKey = parsed.PII_ENCRYPTION_KEY ?? devSecrets?.piiEncryptionKey;
  if (nodeEnv !== 'production' && !tokenSecret) problems.push('AUTH_TOKEN_SECRET is required (at least 32 characters)');
  if (nodeEnv !== 'production' && !piiKey) problems.push('PII_ENCRYPTION_KEY is required (32 bytes as base64)');
  const backoffMs = parsed.JOB_BACKOFF_MS ?? 5_000;
  const backoffMaxMs = parsed.JOB_BACKOFF_MAX_MS ?? Math.max(300_000, backoffMs);
  if (backoffMaxMs < backoffMs) {
    problems.push(`JOB_BACKOFF_MAX_MS must be at least JOB_BACKOFF_MS (${backoffMs}) (got ${backoffMaxMs})`);
  }
  if (problems.length > 0) throw new ConfigError(problems);

  const isProduction = nodeEnv === 'production';
  const port = parsed.PORT ?? 3000;
  return {
    nodeEnv,
    port,
    host: parsed.HOST ?? (isProduction ? '0.0.0.0' : '127.0.0.1'),
    databaseUrl: parsed.DATABASE_URL,
    redisUrl: parsed.REDIS_URL ?? 'redis://127.0.0.1:6379',
    redisPrefix: parsed.REDIS_PREFIX ?? 'simpul',
    smtpUrl: parsed.SMTP_URL,
    mailFrom: parsed.MAIL_FROM ?? 'Simpul GTPP-TPPO <no-reply@simpul.local>',
    auth: {
      tokenSecret: tokenSecret as string,
      tokenTtlSeconds: parsed.AUTH_TOKEN_TTL_SECONDS ?? 3600,
    },
    piiEncryptionKey: Buffer.from(piiKey as string, 'base64'),
    piiPreviousKeys: (parsed.PII_PREVIOUS_KEYS ?? '')
      .split(',')
      .filter((key) => key.length > 0)
      .map((key) => Buffer.from(key, 'base64')),
    graphql: {
      playground: parsed.GRAPHQL_PLAYGROUND ?? !isProduction,
      introspection: parsed.GRAPHQL_INTROSPECTION ?? !isProduction,
      maxDepth: 10,
    },
    logLevel: (parsed.LOG_LEVEL ?? 'info') as AppConfig['logLevel'],
    dataDir: resolve(parsed.DATA_DIR ?? '.data'),
    embedded: {
      postgresPort: parsed.EMBEDDED_POSTGRES_PORT ?? 54329,
      smtpPort: parsed.EMBEDDED_SMTP_PORT ?? 1025,
      mailWebPort: parsed.EMBEDDED_MAIL_WEB_PORT ?? 1080,
    },
    publicUrl: parsed.PUBLIC_URL ?? `http://localhost:${port}`,
    jobs: {
      concurrency: parsed.WORKER_CONCURRENCY ?? 5,
      lockMs: parsed.JOB_LOCK_MS ?? 30_000,
      outboxPollMs: parsed.OUTBOX_POLL_MS ?? 250,
      backoffMs,
      backoffMaxMs,
      attempts: parsed.JOB_ATTEMPTS ?? 10,
      sweepIntervalMs: parsed.SWEEP_INTERVAL_MS ?? 60_000,
      sweepReviveLimit: parsed.SWEEP_REVIVE_LIMIT ?? 1_000,
    },
    delivery: {
      retrySpanMs: parsed.DELIVERY_RETRY_SPAN_MS ?? 86_400_000,
      // A killed worker's job is handed on after about JOB_LOCK_MS; its delivery can be taken over as soon.
      leaseMs: parsed.DELIVERY_LEASE_MS ?? parsed.JOB_LOCK_MS ?? 30_000,
    },
  };
}
