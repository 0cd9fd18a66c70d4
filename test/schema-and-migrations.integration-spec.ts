import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { GraphQLSchemaHost } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';

import { pendingSchemaChanges } from '@app/persistence/migrate';
import { TestApp } from '@libs/testing/test-app';
import { readTestRunState } from '@libs/testing/test-environment';

const SCHEMA_FILE = join(__dirname, '..', 'schema.gql');
const HEADER = '# Generated from the code-first schema by `npm run schema:update`. Do not edit by hand.\n\n';

describe('schema and migrations', () => {
  it('the committed schema.gql matches the code-first schema', async () => {
    const sut = await TestApp.start();
    try {
      const schema = sut.app.get(GraphQLSchemaHost).schema;
      const printed = HEADER + printSchema(lexicographicSortSchema(schema)) + '\n';
      // `npm run schema:update` rewrites the file; everywhere else a difference fails the run.
      if (process.env.UPDATE_SCHEMA === '1') writeFileSync(SCHEMA_FILE, printed);
      expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(printed);
    } finally {
      await sut.stop();
    }
  });

  it('the migrations produce exactly the schema the entities describe (no drift)', async () => {
    const { databaseUrl } = readTestRunState();
    expect(await pendingSchemaChanges(databaseUrl)).toEqual([]);
  });
});
