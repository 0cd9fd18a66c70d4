import { Command } from 'nest-commander';

import { withMigrationLock } from '@app/persistence/migration-lock';

import { cliDatabaseUrl } from './cli-environment';
import { OpsCommand } from './ops-command';

/**
 * `npm run migration:run`: applies pending migrations from the built output, each in its own transaction, under
 * the advisory lock the API takes at boot (so it is safe while replicas start).
 */
@Command({ name: 'migration:run', description: 'Apply pending database migrations.' })
export class MigrationRunCommand extends OpsCommand {
  protected readonly commandName = 'migration:run';

  protected async execute(): Promise<void> {
    const applied = await withMigrationLock(cliDatabaseUrl(), (dataSource) =>
      dataSource.runMigrations({ transaction: 'each' }),
    );
    if (applied.length === 0) this.say('Migrations: the database is up to date.');
    else this.say(`Migrations: applied ${applied.length}: ${applied.map((migration) => migration.name).join(', ')}.`);
  }
}
