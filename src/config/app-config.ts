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
    /** First retry delay of a failed job; each later retry waits twice as long. */
    backoffMs: number;
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
