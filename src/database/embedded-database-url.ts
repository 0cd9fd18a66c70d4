export const EMBEDDED_DATABASE_NAME = 'simpul';
export const EMBEDDED_DATABASE_USER = 'postgres';
export const EMBEDDED_DATABASE_PASSWORD = 'simpul-local';

/** URL of the embedded development PostgreSQL (loopback only, never used in production). */
export function embeddedDatabaseUrl(port: number): string {
  return `postgres://${EMBEDDED_DATABASE_USER}:${EMBEDDED_DATABASE_PASSWORD}@127.0.0.1:${port}/${EMBEDDED_DATABASE_NAME}`;
}
