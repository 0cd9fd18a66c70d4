import { Command } from 'nest-commander';

import { withMigrationLock } from '@app/persistence/migration-lock';

import { cliDatabaseUrl } from './cli-environment';
import { CliError, OpsCommand } from './ops-command';

/** `npm run migration:revert`: undoes the last applied migration (its `down()`), under the migration lock. */
@Command({ name: 'migration:revert', description: 'Revert the last applied database migration.' })
export class MigrationRevertCommand extends OpsCommand {
  protected readonly commandName = 'migration:revert';

  protected async execute(): Promise<void> {
    const reverted = await withMigrationLock(cliDatabaseUrl(), async (dataSource) => {
      const [last]: { name: string }[] = await dataSource.query(
        `SELECT name FROM ${dataSource.options.migrationsTableName ?? 'migrations'} ORDER BY id DESC LIMIT 1`,
      );
      if (!last) throw new CliError('no migration has been applied to this database.');
      await dataSource.undoLastMigration({ transaction: 'each' });
      return last.name;
    });
    this.say(`Migrations: reverted ${reverted}.`);
  }
}
