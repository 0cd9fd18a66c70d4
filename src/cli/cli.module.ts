import { Module } from '@nestjs/common';

import { DigestSendCommand } from './digest-send.command';
import { MigrationRevertCommand } from './migration-revert.command';
import { MigrationRunCommand } from './migration-run.command';
import { PiiRotateCommand } from './pii-rotate.command';
import { SeedDemoCommand } from './seed-demo.command';
import { SeedCommand } from './seed.command';

/**
 * The operator commands. Each builds what it needs when it runs (a database connection, or the digest module), so
 * `--help` and a mistyped command answer at once, without configuration.
 */
@Module({
  providers: [
    MigrationRunCommand,
    MigrationRevertCommand,
    SeedCommand,
    SeedDemoCommand,
    PiiRotateCommand,
    DigestSendCommand,
  ],
})
export class CliModule {}
