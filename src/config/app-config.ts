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
  };
  /** 32-byte key for authenticated encryption of personal data. */
  piiEncryptionKey: Buffer;
  /** Keys personal data was sealed with before a rotation: they still open it until `npm run pii:rotate`. */
  piiPreviousKeys: Buffer[];
  graphql: {
    playground: boolean;
    introspection: boolean;
    maxDepth: number;
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
    /** Jobs each worker process runs at once, per queue. */
    concurrency: number;
    /** How long a job's lock lasts; a worker that dies mid-job hands it on after about this long. */
    lockMs: number;
    /** How often the outbox relay looks for committed rows (0 turns the loop off; tests relay by hand). */
    outboxPollMs: number;
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
}
