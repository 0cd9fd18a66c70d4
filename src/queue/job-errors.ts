import { UnrecoverableError } from 'bullmq';

/** A job whose payload is not what its handler expects: it fails at once (no retries) and the worker goes on. */
export class MalformedJobError extends UnrecoverableError {
  constructor(jobName: string, problem: string) {
    super(`Malformed ${jobName} job: ${problem}`);
    this.name = 'MalformedJobError';
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Reads a uuid field from a job payload, or fails the job naming the field. */
export function payloadUuid(jobName: string, data: unknown, field: string): string {
  const value = data && typeof data === 'object' ? (data as Record<string, unknown>)[field] : undefined;
  if (typeof value !== 'string' || !UUID.test(value)) {
    throw new MalformedJobError(jobName, `${field} must be a uuid (got ${JSON.stringify(value) ?? 'nothing'})`);
  }
  return value;
}
