import { UnrecoverableError } from 'bullmq';

import { JobName, JobPayloads } from './queue.names';

/** A job whose payload is not what its handler expects: it fails at once (no retries) and the worker goes on. */
export class MalformedJobError extends UnrecoverableError {
  constructor(jobName: string, problem: string) {
    super(`Malformed ${jobName} job: ${problem}`);
    this.name = 'MalformedJobError';
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Reads a uuid field of a job's payload (a field its name's payload carries), or fails the job naming the field. */
export function payloadUuid<N extends JobName>(
  jobName: N,
  data: unknown,
  field: keyof JobPayloads[N] & string,
): string {
  const value = data && typeof data === 'object' ? (data as Record<string, unknown>)[field] : undefined;
  if (typeof value !== 'string' || !UUID.test(value)) {
    throw new MalformedJobError(jobName, `${field} must be a uuid (got ${JSON.stringify(value) ?? 'nothing'})`);
  }
  return value;
}

/** Reads a list-of-uuids field of a job's payload (1 to `max` of them), or fails the job naming the field. */
export function payloadUuids<N extends JobName>(
  jobName: N,
  data: unknown,
  field: keyof JobPayloads[N] & string,
  max: number,
): string[] {
  const value = data && typeof data === 'object' ? (data as Record<string, unknown>)[field] : undefined;
  const valid =
    Array.isArray(value) &&
    value.length > 0 &&
    value.length <= max &&
    value.every((item) => typeof item === 'string' && UUID.test(item));
  if (!valid) {
    const got = Array.isArray(value) ? `a list of ${value.length}` : (JSON.stringify(value) ?? 'nothing');
    throw new MalformedJobError(jobName, `${field} must be a list of 1 to ${max} uuids (got ${got})`);
  }
  return value as string[];
}
