import { createHash, timingSafeEqual } from 'node:crypto';

import { AppConfig } from '@app/config/app-config';

export type MetricsAccess = { allowed: true } | { allowed: false; status: 401 | 403; message: string };

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * Who may read /metrics (API and worker alike). With METRICS_TOKEN set: whoever sends it as a bearer token. Without
 * it: anyone outside production (a developer's machine), nobody in production, where the figures (request
 * rates, queue names, backlog) are for operators only.
 */
export function metricsAccess(config: AppConfig, authorization: string | undefined): MetricsAccess {
  const expected = config.observability.metricsToken;
  if (!expected) {
    if (config.nodeEnv !== 'production') return { allowed: true };
    return {
      allowed: false,
      status: 403,
      message: 'Metrics are off: set METRICS_TOKEN and scrape with "Authorization: Bearer <METRICS_TOKEN>".\n',
    };
  }
  const given = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
  // Compared as digests: equal length, constant time, whatever was sent.
  if (given !== undefined && timingSafeEqual(digest(given), digest(expected))) return { allowed: true };
  return {
    allowed: false,
    status: 401,
    message: 'Send the metrics token: "Authorization: Bearer <METRICS_TOKEN>".\n',
  };
}
