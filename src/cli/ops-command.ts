import { CommandRunner } from 'nest-commander';

/** A failure the operator can act on: its message is printed as is, and the process exits with `exitCode`. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** Exit codes (sysexits): a bad argument, bad configuration, work left undone that a rerun can finish. */
export const EXIT = { usage: 64, config: 78, incomplete: 75 } as const;

/**
 * Base of every ops command: the summary goes to stdout (scripts may read it), progress and errors to stderr; a
 * failure prints "<command> failed: <why>" and sets the exit code instead of throwing a stack trace at an operator.
 */
export abstract class OpsCommand<Options extends object = Record<string, never>> extends CommandRunner {
  protected abstract readonly commandName: string;

  protected abstract execute(options: Options, params: string[]): Promise<void>;

  async run(params: string[], options?: Options): Promise<void> {
    try {
      await this.execute(options ?? ({} as Options), params);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      process.stderr.write(`${this.commandName} failed: ${message}\n`);
      process.exitCode = error instanceof CliError ? error.exitCode : 1;
    }
  }

  protected say(line: string): void {
    process.stdout.write(`${line}\n`);
  }

  protected warn(line: string): void {
    process.stderr.write(`${line}\n`);
  }
}

/** Parses a whole number option within bounds, or fails naming the option. */
export function integerOption(name: string, value: string, min: number, max: number): number {
  const parsed = Number(value);
  if (!/^\d+$/.test(value.trim()) || parsed < min || parsed > max) {
    throw new CliError(`--${name} must be a whole number from ${min} to ${max} (got "${value}").`, EXIT.usage);
  }
  return parsed;
}
