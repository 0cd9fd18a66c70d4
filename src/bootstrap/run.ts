import { NestFactory } from '@nestjs/core';
import { INestApplicationContext } from '@nestjs/common';

import { JsonLogger } from '@app/kernel/json-logger';
import { AppConfig, ProcessRole } from '@app/config/app-config';
import { ConfigError } from '@app/config/config.error';
import { Env, loadConfig } from '@app/config/load-config';
import { withMigrationLock } from '@app/persistence/migration-lock';
import { seedDemoUsers } from '@app/seeds/seed-demo-users';
import { seedReferenceData } from '@app/seeds/seed-reference-data';
import { startWorkerHttpServer } from '@app/health/worker-http-server';
import { loadOrCreateDevSecrets } from '@app/runtime/dev-secrets';
import { startEmbeddedPostgres } from '@app/runtime/embedded-postgres';
import { ensureRedis } from '@app/runtime/local-redis';
import { lowerCpuPriority } from '@app/runtime/process-priority';
import { startMailCatcher } from '@app/runtime/mail-catcher';
import { WorkerModule } from '@app/worker.module';

import { createApiApp } from './create-api';

type Stop = () => Promise<void>;

/**
 * Starts Simpul in one role. `all` (npm start) also brings up what is not configured: the embedded
 * PostgreSQL, a local Redis and the mail catcher, then migrates and seeds. `api` and `worker` expect
 * configured services.
 */
export async function run(role: ProcessRole, env: Env): Promise<void> {
  const production = env.NODE_ENV === 'production';
  const devSecrets = production ? undefined : loadOrCreateDevSecrets(env.DATA_DIR || '.data');
  let config: AppConfig;
  try {
    config = loadConfig(env, devSecrets);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78);
    }
    throw error;
  }
  const logger = new JsonLogger(config.logLevel);
  const log = (msg: string) => logger.log(msg, 'Startup');
  const stops: Stop[] = [];
  const shutdown = async (code: number) => {
    for (const stop of stops.reverse()) await stop().catch((error) => logger.error({ msg: 'stop failed', error }));
    process.exit(code);
  };
  // From the first moment: a stop while Simpul is still starting (Ctrl-C, or a supervisor giving up) stops what has
  // started so far, the embedded PostgreSQL above all, instead of leaving it for the next start to find and stop.
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      log(`Received ${signal}; stopping.`);
      void shutdown(0);
    });
  }

  try {
    if (!config.databaseUrl) {
      if (role !== 'all') throw new Error(`DATABASE_URL is required for the ${role} role (npm start runs everything).`);
      const postgres = await startEmbeddedPostgres({
        dataDir: `${config.dataDir}/postgres`,
        port: config.embedded.postgresPort,
        log,
        // The default folder may move where PostgreSQL's own user can reach it (running as root); DATA_DIR never.
        relocatable: !env.DATA_DIR,
      });
      stops.push(postgres.stop);
      config = { ...config, databaseUrl: postgres.url };
    }
    const embeddedDatabase = !env.DATABASE_URL;
    const redis = await ensureRedis({
      url: config.redisUrl,
      dataDir: config.dataDir,
      allowSpawn: role === 'all' && !production,
      log,
    });
    stops.push(redis.stop);
    if (!config.smtpUrl && role !== 'api') {
      if (production) throw new Error('SMTP_URL is required in production.');
      const mail = await startMailCatcher({
        smtpPort: config.embedded.smtpPort,
        webPort: config.embedded.mailWebPort,
        log,
      });
      stops.push(mail.stop);
      config = { ...config, smtpUrl: mail.smtpUrl };
    }

    if (role !== 'worker') {
      const databaseUrl = config.databaseUrl as string;
      await withMigrationLock(databaseUrl, async (dataSource) => {
        const applied = await dataSource.runMigrations({ transaction: 'each' });
        if (applied.length > 0) log(`Applied migrations: ${applied.map((m) => m.name).join(', ')}`);
        const seeded = await seedReferenceData(dataSource);
        log(`Reference data: ${seeded.inserted} new rows (${seeded.summary})`);
        // Demo accounts exist only on the zero-setup development default, never on a configured database.
        if (embeddedDatabase && !production) {
          const demo = await seedDemoUsers(dataSource);
          if (demo.created > 0) log(`Created ${demo.created} demo users (see README, "Demo users").`);
        }
      });
    }

    const contexts: INestApplicationContext[] = [];
    if (role !== 'worker') {
      const api = await createApiApp(config, logger);
      await api.listen(config.port, config.host);
      contexts.push(api);
      log(`GraphQL API: http://localhost:${config.port}/graphql (health: /health/ready)`);
    }
    if (role === 'worker' && config.jobs.nice > 0) {
      log(`Worker CPU priority lowered: ${lowerCpuPriority(config.jobs.nice).join(', ')}.`);
    }
    if (role !== 'api') {
      const worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger });
      contexts.push(worker);
      // A worker of its own gets a listener for health checks and metrics; under npm start the API serves both.
      if (role === 'worker') {
        const listener = await startWorkerHttpServer(worker, config);
        stops.push(listener.close);
        log(`Worker health and metrics: ${listener.url}/health/ready, ${listener.url}/metrics`);
      }
      log('Worker started.');
    }
    stops.push(async () => {
      for (const context of contexts.reverse()) await context.close();
    });
  } catch (error) {
    // Stopped while starting: the step the stop interrupted fails, and the stop is already under way.
    if (stopping) return;
    logger.error({ msg: 'Simpul could not start', error }, error instanceof Error ? error.stack : undefined);
    await shutdown(1);
    return;
  }
}
