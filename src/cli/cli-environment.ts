import { AppConfig } from '@app/config/app-config';
import { ConfigError } from '@app/config/config.error';
import { Env, loadConfig } from '@app/config/load-config';
import { embeddedDatabaseUrl } from '@app/database/embedded-database-url';
import { loadOrCreateDevSecrets } from '@app/runtime/dev-secrets';

import { CliError } from './ops-command';

/**
 * The full configuration for commands that need secrets or mail (pii:rotate, digest:send): validated as the app
 * validates it; outside production the generated development secrets fill the gaps, as for `npm start`.
 */
export function cliConfig(env: Env = process.env): AppConfig {
  const production = env.NODE_ENV === 'production';
  try {
    return loadConfig(env, production ? undefined : loadOrCreateDevSecrets(env.DATA_DIR || '.data'));
  } catch (error) {
    if (error instanceof ConfigError) throw new CliError(error.message, 78);
    throw error;
  }
}

/**
 * The database of commands that need nothing else (migrations, seeds): DATABASE_URL, or outside production the
 * embedded development database `npm start` runs. They do not ask for secrets they never use.
 */
export function cliDatabaseUrl(env: Env = process.env): string {
  const url = env.DATABASE_URL?.trim();
  if (url) {
    if (!/^postgres(ql)?:\/\/.+/.test(url))
      throw new CliError('DATABASE_URL must be a postgres:// or postgresql:// URL.', 78);
    return url;
  }
  if (env.NODE_ENV === 'production') throw new CliError('DATABASE_URL is required when NODE_ENV=production.', 78);
  const port = env.EMBEDDED_POSTGRES_PORT ? Number(env.EMBEDDED_POSTGRES_PORT) : 54329;
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new CliError('EMBEDDED_POSTGRES_PORT must be a port number (1-65535).', 78);
  }
  return embeddedDatabaseUrl(port);
}
