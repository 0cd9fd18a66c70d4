import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';

import { createApiApp } from '@app/bootstrap/create-api';
import { Clock } from '@app/kernel/clock';
import { JsonLogger } from '@app/kernel/json-logger';
import { AppConfig } from '@app/config/app-config';
import { loadConfig } from '@app/config/load-config';

import { readTestRunState, TEST_PII_KEY, TEST_TOKEN_SECRET } from './test-environment';

export interface GraphqlError {
  message: string;
  path?: string[];
  extensions?: { code?: string; field?: string; reason?: string; errorId?: string };
}

export interface GraphqlResponse<T = Record<string, unknown>> {
  statusCode: number;
  data: T | null;
  errors?: GraphqlError[];
  headers: Record<string, unknown>;
}

/** A running API (not listening on a port; requests go through Fastify's inject) on the run's database. */
export class TestApp {
  private constructor(
    readonly app: NestFastifyApplication,
    readonly config: AppConfig,
    readonly dataSource: DataSource,
  ) {}

  /** `logs` receives every log line at debug level (for tests that search the logs); else errors only, quiet. */
  static async start(
    overrides: Record<string, string> = {},
    options: { clock?: Clock; logs?: (line: string) => void } = {},
  ): Promise<TestApp> {
    const state = readTestRunState();
    const config = loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: state.databaseUrl,
      REDIS_URL: state.redisUrl,
      REDIS_PREFIX: state.redisPrefix,
      SMTP_URL: 'smtp://127.0.0.1:2525',
      AUTH_TOKEN_SECRET: TEST_TOKEN_SECRET,
      PII_ENCRYPTION_KEY: TEST_PII_KEY,
      LOG_LEVEL: 'error',
      ...overrides,
    });
    const quiet = process.env.TEST_LOGS !== '1';
    const logger = options.logs
      ? new JsonLogger('debug', options.logs)
      : new JsonLogger('error', quiet ? () => undefined : undefined);
    const app = await createApiApp(config, logger, {
      clock: options.clock,
    });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    return new TestApp(app, config, app.get(DataSource));
  }

  async stop(): Promise<void> {
    await this.app.close();
  }

  /** Runs one GraphQL operation, as the holder of `token` when given. */
  async gql<T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> = {},
    token?: string,
  ): Promise<GraphqlResponse<T>> {
    const response = await this.app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      payload: { query, variables },
    });
    const body = response.json() as { data?: T | null; errors?: GraphqlError[] };
    return { statusCode: response.statusCode, data: body.data ?? null, errors: body.errors, headers: response.headers };
  }

  /** Logs in and returns the access token; fails the test when login does not succeed. */
  async login(email: string, password: string): Promise<string> {
    const result = await this.gql<{ login: { accessToken: string } }>(
      'mutation ($input: LoginInput!) { login(input: $input) { accessToken } }',
      { input: { email, password } },
    );
    if (!result.data?.login) throw new Error(`login failed for ${email}: ${JSON.stringify(result.errors)}`);
    return result.data.login.accessToken;
  }
}

/** The error code of the first GraphQL error, for compact assertions. */
export function firstErrorCode(response: GraphqlResponse<unknown>): string | undefined {
  return response.errors?.[0]?.extensions?.code;
}
