import { Command } from 'nest-commander';

import { withMigrationLock } from '@app/persistence/migration-lock';
import { DEMO_PASSWORD, DEMO_USERS } from '@app/seeds/demo-users';
import { seedDemoUsers } from '@app/seeds/seed-demo-users';
import { seedReferenceData } from '@app/seeds/seed-reference-data';

import { cliDatabaseUrl } from './cli-environment';
import { CliError, EXIT, OpsCommand } from './ops-command';

/** `npm run seed:demo`: one demo user per role, for local development only. */
@Command({ name: 'seed:demo', description: 'Create one demo user per role (refuses NODE_ENV=production).' })
export class SeedDemoCommand extends OpsCommand {
  protected readonly commandName = 'seed:demo';

  protected async execute(): Promise<void> {
    if (process.env.NODE_ENV === 'production') {
      throw new CliError('it refuses NODE_ENV=production: demo accounts have a published password.', EXIT.usage);
    }
    const { created } = await withMigrationLock(cliDatabaseUrl(), async (dataSource) => {
      await dataSource.runMigrations({ transaction: 'each' });
      await seedReferenceData(dataSource);
      return seedDemoUsers(dataSource);
    });
    this.say(`Demo users: ${created} created. All use the password "${DEMO_PASSWORD}" (local use only):`);
    for (const user of DEMO_USERS) this.say(`  ${user.roles.join(', ').padEnd(14)} ${user.email}`);
  }
}
