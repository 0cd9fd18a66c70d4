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
  // Links in emails are built from it: localhost would send every recipient to their own machine.
  'PUBLIC_URL',
] as const;

const SECRET_VARIABLES = new Set([
  'AUTH_TOKEN_SECRET',
  'PII_ENCRYPTION_KEY',
  'PII_PREVIOUS_KEYS',
  'DATABASE_URL',
  'REDIS_URL',
  'SMTP_URL',
  'METRICS_TOKEN',
  'OTEL_EXPORTER_OTLP_ENDPOINT',
  'OTEL_EXPORTER_OTLP_HEADERS',
]);

/**
 * TRUST_PROXY as Fastify's trustProxy. Off by default: X-Forwarded-For is whatever the client wrote unless a proxy
 * we trust set it, and sign-in throttling counts per client address.
 */
function parseTrustProxy(value: string | undefined): boolean | number | string[] {
  if (value === undefined || value === 'false') return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) return Number(value);
  return value.split(',');
}

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
  const exportMinK = parsed.EXPORT_MIN_K ?? 11;
  const exportDefaultK = parsed.EXPORT_DEFAULT_K ?? Math.max(11, exportMinK);
  if (exportDefaultK < exportMinK) {
    problems.push(`EXPORT_DEFAULT_K must be at least EXPORT_MIN_K (${exportMinK}) (got ${exportDefaultK})`);
  }
  if (problems.length > 0) throw new ConfigError(problems);

  const isProduction = nodeEnv === 'production';
  const port = parsed.PORT ?? 3000;
  const host = parsed.HOST ?? (isProduction ? '0.0.0.0' : '127.0.0.1');
  return {
    nodeEnv,
    port,
    host,
    databaseUrl: parsed.DATABASE_URL,
    redisUrl: parsed.REDIS_URL ?? 'redis://127.0.0.1:6379',
    redisPrefix: parsed.REDIS_PREFIX ?? 'simpul',
    smtpUrl: parsed.SMTP_URL,
    mailFrom: parsed.MAIL_FROM ?? 'Simpul GTPP-TPPO <no-reply@simpul.local>',
    auth: {
      tokenSecret: tokenSecret as string,
      tokenTtlSeconds: parsed.AUTH_TOKEN_TTL_SECONDS ?? 3600,
      actorCacheMs: parsed.AUTH_ACTOR_CACHE_MS ?? 1_000,
    },
    piiEncryptionKey: Buffer.from(piiKey as string, 'base64'),
    piiPreviousKeys: (parsed.PII_PREVIOUS_KEYS ?? '')
      .split(',')
      .filter((key) => key.length > 0)
      .map((key) => Buffer.from(key, 'base64')),
    graphql: {
      playground: parsed.GRAPHQL_PLAYGROUND ?? !isProduction,
      introspection: parsed.GRAPHQL_INTROSPECTION ?? !isProduction,
      suggestions: parsed.GRAPHQL_SUGGESTIONS ?? !isProduction,
      maxDepth: parsed.GRAPHQL_MAX_DEPTH ?? 10,
      maxAliases: parsed.GRAPHQL_MAX_ALIASES ?? 30,
      maxCost: parsed.GRAPHQL_MAX_COST ?? 10_000,
      maxTokens: parsed.GRAPHQL_MAX_TOKENS ?? 5_000,
    },
    statistics: {
      suppressionThreshold: parsed.STATISTICS_SUPPRESSION_THRESHOLD ?? 11,
    },
    http: {
      maxBodyBytes: parsed.HTTP_MAX_BODY_BYTES ?? 1024 * 1024,
      trustProxy: parseTrustProxy(parsed.TRUST_PROXY),
    },
    documents: {
      maxUploadBytes: parsed.DOCUMENT_MAX_BYTES ?? 20 * 1024 * 1024,
    },
    login: {
      maxFailures: parsed.LOGIN_MAX_FAILURES ?? 5,
      lockSeconds: parsed.LOGIN_LOCK_SECONDS ?? 60,
      addressMaxFailures: parsed.LOGIN_ADDRESS_MAX_FAILURES ?? 100,
      accountSlowdownAfter: parsed.LOGIN_ACCOUNT_SLOWDOWN_AFTER ?? 20,
      accountSlowdownMs: parsed.LOGIN_ACCOUNT_SLOWDOWN_MS ?? 1_000,
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
      queues: parsed.WORKER_QUEUES ? [...new Set(parsed.WORKER_QUEUES.split(','))] : null,
      nice: parsed.WORKER_NICE ?? 0,
      concurrency: parsed.WORKER_CONCURRENCY ?? 5,
      lockMs: parsed.JOB_LOCK_MS ?? 30_000,
      outboxPollMs: parsed.OUTBOX_POLL_MS ?? 250,
      rungPollMs: parsed.RUNG_POLL_MS ?? 1_000,
      rungBatch: parsed.RUNG_BATCH ?? 500,
      rungLanes: parsed.RUNG_LANES ?? 2,
      rungArmAheadMs: parsed.RUNG_ARM_AHEAD_MS ?? 300_000,
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
    exports: {
      ttlHours: parsed.EXPORT_TTL_HOURS ?? 72,
      minK: exportMinK,
      defaultK: exportDefaultK,
    },
    dataQuality: {
      referralAfterDays: parsed.DQ_REFERRAL_AFTER_DAYS ?? 14,
      suspectAfterDays: parsed.DQ_SUSPECT_AFTER_DAYS ?? 60,
      lateEntryDays: parsed.DQ_LATE_ENTRY_DAYS ?? 30,
    },
    observability: {
      metricsToken: parsed.METRICS_TOKEN,
      workerHttpPort: parsed.WORKER_HTTP_PORT ?? 9464,
      workerHttpHost: parsed.WORKER_HTTP_HOST ?? host,
      otlpEndpoint: parsed.OTEL_EXPORTER_OTLP_ENDPOINT?.replace(/\/+$/, ''),
      otlpHeaders: Object.fromEntries(
        (parsed.OTEL_EXPORTER_OTLP_HEADERS ?? '')
          .split(',')
          .filter((pair) => pair.includes('='))
          .map((pair) => {
            const at = pair.indexOf('=');
            return [pair.slice(0, at).trim(), decodeURIComponent(pair.slice(at + 1).trim())];
          }),
      ),
      serviceName: parsed.OTEL_SERVICE_NAME ?? 'simpul',
    },
  };
}
