/** The typed configuration every part of Simpul reads; built once at boot by `loadConfig`. */
export type NodeEnv = 'development' | 'test' | 'production';
export type ProcessRole = 'all' | 'api' | 'worker';

export interface AppConfig {
  nodeEnv: NodeEnv;
  port: number;
  host: string;
  /** A PostgreSQL URL; `undefined` means "start the embedded PostgreSQL" (development only). */
  databaseUrl: string | undefined;
  redisUrl: string;
  /** Prefix for every BullMQ key, so runs and deployments sharing one Redis never collide. */
  redisPrefix: string;
  /** An SMTP URL; `undefined` means "start the in-process mail catcher" (development only). */
  smtpUrl: string | undefined;
  mailFrom: string;
  auth: {
    tokenSecret: string;
    tokenTtlSeconds: number;
    /**
     * How long an API process reuses what it read about a token's user (active, roles, agency, password stamp).
     * Changes made through the API forget it in that process at once; other API processes see them within this.
     */
    actorCacheMs: number;
  };
  /** 32-byte key for authenticated encryption of personal data. */
  piiEncryptionKey: Buffer;
  /** Keys personal data was sealed with before a rotation: they still open it until `npm run pii:rotate`. */
  piiPreviousKeys: Buffer[];
  graphql: {
    playground: boolean;
    introspection: boolean;
    /** "Did you mean …?" hints in validation errors; they reveal the schema, so off in production. */
    suggestions: boolean;
    /** Deepest selection nesting a query may use. */
    maxDepth: number;
    /** Most aliases one request may use (an alias repeats a field's work under another name). */
    maxAliases: number;
    /** Most estimated work one operation may cause; lists count by the page size asked for. */
    maxCost: number;
    /** Most lexical tokens a document may hold; longer ones are refused before parsing finishes. */
    maxTokens: number;
  };
  statistics: {
    /** Small-cell suppression: figures above zero and below this are hidden from readers without the records. */
    suppressionThreshold: number;
  };
  http: {
    /** Largest request body accepted; a larger one is answered 413. */
    maxBodyBytes: number;
    /** Which proxies' X-Forwarded-For to believe for the client address (Fastify's trustProxy). */
    trustProxy: boolean | number | string[];
  };
  documents: {
    /** Largest file an upload may carry (POST /documents); a larger one is refused naming the limit. */
    maxUploadBytes: number;
  };
  /** Sign-in throttling (src/auth/login-throttle.ts): counters live in Redis, shared by every API replica. */
  login: {
    /** Wrong passwords in a row for one account from one address before that pair is locked. */
    maxFailures: number;
    /** The first lock of a pair; each further lock within 24 hours doubles it, up to an hour (or this, if longer). */
    lockSeconds: number;
    /** Failed sign-ins from one address (any accounts) per hour before the address is locked for an hour. */
    addressMaxFailures: number;
    /** Failed sign-ins for one account (any addresses) per hour before each further attempt is slowed down. */
    accountSlowdownAfter: number;
    /** How much each failure beyond that adds to the wait of the next attempt on the account (at most 10 s). */
    accountSlowdownMs: number;
  };
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  dataDir: string;
  embedded: {
    postgresPort: number;
    smtpPort: number;
    mailWebPort: number;
  };
  publicUrl: string;
  jobs: {
    /**
     * The queues this worker process runs (WORKER_QUEUES or `--queues`), null for all. Escalation rungs fire where
     * `escalations` runs; the outbox relay runs unless the process runs email delivery only.
     */
    queues: string[] | null;
    /**
     * How much this worker process yields the CPU to others on its host (WORKER_NICE or `--nice`, 0–19, like `nice`):
     * email delivery at 10 beside a decision worker at 0 lets a deadline storm's rungs fire first and its mail
     * drain after (README, Performance).
     */
    nice: number;
    /** Jobs each worker process runs at once, per queue. */
    concurrency: number;
    /** How long a job's lock lasts; a worker that dies mid-job hands it on after about this long. */
    lockMs: number;
    /** How often the outbox relay looks for committed rows (0 turns the loop off; tests relay by hand). */
    outboxPollMs: number;
    /**
     * How often the worker claims due escalation rungs from PostgreSQL (0 turns the loop off; tests fire by hand).
     * A rung fires at most about this long after its time, when the worker keeps up.
     */
    rungPollMs: number;
    /** Rungs claimed and fired in one transaction. */
    rungBatch: number;
    /** Batches one worker process fires side by side (each its own transaction and connection). */
    rungLanes: number;
    /**
     * How far ahead rungs without an action are armed: decided and written with their rows visible from their time,
     * so at that time they are only settled (0: every rung is decided when due).
     */
    rungArmAheadMs: number;
    /** First retry delay of a failed job; each later retry waits twice as long, up to `backoffMaxMs`. */
    backoffMs: number;
    /** Longest wait between two attempts, and how long a job that used its attempts waits for the sweep. */
    backoffMaxMs: number;
    /** Attempts of one job; a job that used them while its work is still due is re-created by the sweep. */
    attempts: number;
    /** How often the sweep reconciles Redis with PostgreSQL. */
    sweepIntervalMs: number;
    /** At most this many failed jobs are re-created per sweep step and round (the rest wait for the next round). */
    sweepReviveLimit: number;
  };
  delivery: {
    /** How long an email or digest is retried (transient failures) before it is FAILED for an operator. */
    retrySpanMs: number;
    /** How long a worker holds an email or digest it is sending before another may take it over. */
    leaseMs: number;
  };
  exports: {
    /** How long a finished export can be downloaded before its file is deleted (EXPORT_TTL_HOURS, default 72). */
    ttlHours: number;
    /** The smallest k a de-identified export may be asked for (EXPORT_MIN_K, default 11). */
    minK: number;
    /** The k used when the request names none (EXPORT_DEFAULT_K, default 11; never below minK). */
    defaultK: number;
  };
  /** Thresholds of the nightly data-quality checks (days). */
  dataQuality: {
    /** A person identified this many days ago with no referral yet is flagged (DQ_REFERRAL_AFTER_DAYS, 14). */
    referralAfterDays: number;
    /** A case with victims and no suspect this many days after it was reported is flagged (DQ_SUSPECT_AFTER_DAYS, 60). */
    suspectAfterDays: number;
    /** A figure recorded more than this many days after its event is flagged as entered late (DQ_LATE_ENTRY_DAYS, 30). */
    lateEntryDays: number;
  };
  observability: {
    /** Bearer token that /metrics requires; without one, production serves no metrics. */
    metricsToken: string | undefined;
    /** The worker's own HTTP listener (health and metrics); 0 lets the OS pick a port. */
    workerHttpPort: number;
    workerHttpHost: string;
    /** OTLP/HTTP collector base URL; traces are exported only when it is set. */
    otlpEndpoint: string | undefined;
    otlpHeaders: Record<string, string>;
    serviceName: string;
  };
}
