import { Command, Option } from 'nest-commander';

import { embeddedDatabaseUrl } from '@app/database/embedded-database-url';
import { withMigrationLock } from '@app/persistence/migration-lock';
import { rotateDocumentKeys } from '@app/modules/documents/rotate-document-keys';
import { rotateIdentityKeys } from '@app/modules/victims/rotate-identity-keys';

import { cliConfig } from './cli-environment';
import { CliError, EXIT, integerOption, OpsCommand } from './ops-command';
import { Progress } from './progress';

interface PiiRotateOptions {
  batchSize?: string;
  lockTimeout?: string;
}

/**
 * `npm run pii:rotate`: re-seals every victim identity with the current key (PII_ENCRYPTION_KEY) and recomputes the
 * blind indexes, then re-seals every document (file and name). It says the earlier key may go only when a final count finds no record left under it; otherwise
 * it names how many remain and exits 75, so a deploy script cannot mistake a partial run for a finished one.
 */
@Command({
  name: 'pii:rotate',
  description: 'Re-seal every victim identity with PII_ENCRYPTION_KEY (keep PII_PREVIOUS_KEYS until it reports done).',
})
export class PiiRotateCommand extends OpsCommand<PiiRotateOptions> {
  protected readonly commandName = 'pii:rotate';

  @Option({ flags: '--batch-size <rows>', description: 'Records per transaction (default 500).' })
  parseBatchSize(value: string): string {
    return value;
  }

  @Option({
    flags: '--lock-timeout <seconds>',
    description: 'How long to wait for a record another transaction holds (default 30).',
  })
  parseLockTimeout(value: string): string {
    return value;
  }

  protected async execute(options: PiiRotateOptions): Promise<void> {
    const batchSize = options.batchSize ? integerOption('batch-size', options.batchSize, 1, 10_000) : 500;
    const lockTimeout = options.lockTimeout ? integerOption('lock-timeout', options.lockTimeout, 1, 3_600) : 30;
    const config = cliConfig();
    const url = config.databaseUrl ?? embeddedDatabaseUrl(config.embedded.postgresPort);
    let progress: Progress | undefined;
    let documentProgress: Progress | undefined;
    const [result, documents] = await withMigrationLock(url, async (dataSource) => {
      await dataSource.runMigrations({ transaction: 'each' });
      const identities = await rotateIdentityKeys(dataSource, config, {
        batchSize,
        lockTimeoutMs: lockTimeout * 1000,
        progress: {
          start: (total) => (progress = new Progress('pii:rotate', total)),
          advance: (count) => progress?.tick(count),
        },
      });
      progress?.finish();
      const files = await rotateDocumentKeys(dataSource, config, {
        batchSize: Math.min(batchSize, 20),
        lockTimeoutMs: lockTimeout * 1000,
        progress: {
          start: (total) => (documentProgress = total > 0 ? new Progress('pii:rotate documents', total) : undefined),
          advance: (count) => documentProgress?.tick(count),
        },
      });
      documentProgress?.finish();
      return [identities, files] as const;
    });
    this.say(
      `Identity key ${result.keyId}: ${result.rotated} records re-sealed, ${result.current} already current, ` +
        `${result.remaining} still under an earlier key.`,
    );
    this.say(
      `Documents: ${documents.rotated} re-sealed, ${documents.current} already current, ` +
        `${documents.remaining} still under an earlier key.`,
    );
    const remaining = result.remaining + documents.remaining;
    if (remaining > 0) {
      throw new CliError(
        `${remaining} record(s) are still sealed with an earlier key (held locked by another transaction for ` +
          `over ${lockTimeout} s, or written meanwhile by a process still on the old key). Keep PII_PREVIOUS_KEYS and ` +
          'run npm run pii:rotate again.',
        EXIT.incomplete,
      );
    }
    if (config.piiPreviousKeys.length > 0) {
      this.say('Every record now uses the current key: remove PII_PREVIOUS_KEYS from the configuration.');
    }
  }
}
