import { Command } from 'nest-commander';

import { withMigrationLock } from '@app/persistence/migration-lock';
import { seedReferenceData } from '@app/seeds/seed-reference-data';

import { cliDatabaseUrl } from './cli-environment';
import { OpsCommand } from './ops-command';

/** `npm run seed`: applies pending migrations, then loads the reference data. Idempotent. */
@Command({ name: 'seed', description: 'Apply pending migrations and load the reference data (idempotent).' })
export class SeedCommand extends OpsCommand {
  protected readonly commandName = 'seed';

  protected async execute(): Promise<void> {
    const result = await withMigrationLock(cliDatabaseUrl(), async (dataSource) => {
      await dataSource.runMigrations({ transaction: 'each' });
      return seedReferenceData(dataSource);
    });
    this.say(`Reference data: ${result.inserted} new rows (${result.summary}).`);
  }
}
