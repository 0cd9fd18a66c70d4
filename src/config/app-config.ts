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
}
