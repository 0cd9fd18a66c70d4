import { randomUUID } from 'node:crypto';

import { GraphQLSchemaHost } from '@nestjs/graphql';
import * as fc from 'fast-check';
import {
  getNamedType,
  getNullableType,
  GraphQLArgument,
  GraphQLField,
  GraphQLInputType,
  GraphQLSchema,
  isCompositeType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
} from 'graphql';

import { Role } from '@app/kernel/role.enum';
import { Factories, TEST_PASSWORD, unique } from '@libs/testing/factories';
import { isolatedEnvironment, IsolatedEnvironment } from '@libs/testing/isolated-environment';
import { GraphqlResponse, TestApp } from '@libs/testing/test-app';

/**
 * Hostile input at every argument of every query and mutation, found by walking the served schema: non-UUID ids,
 * NUL bytes, unpaired surrogates, blank required text, year-0 and year-9999 dates, explicit nulls. Each must be
 * refused at the edge as BAD_USER_INPUT naming the field (or, for an explicit null, answered exactly as if the
 * field had been left out), and none may cost an internal error or a stack trace in the log.
 */

type Segment = string | number;
interface Position {
  path: Segment[];
  type: GraphQLInputType;
}
interface Operation {
  kind: 'query' | 'mutation';
  field: GraphQLField<unknown, unknown>;
}

const SEED = 20261205;
const samples = <T>(arbitrary: fc.Arbitrary<T>, count = 3): T[] => fc.sample(arbitrary, { numRuns: count, seed: SEED });

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const notUuid = fc
  .oneof(fc.string({ minLength: 1, maxLength: 40 }), fc.constantFrom('123', '00000000-0000-0000-0000', "1' OR '1'='1"))
  .filter(
    (value) => value.trim() !== '' && !UUID.test(value) && !value.includes('\u0000') && !LONE_SURROGATE.test(value),
  );
const withNul = fc.tuple(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 })).map(([a, b]) => `${a}\u0000${b}`);
const withLoneSurrogate = fc
  .tuple(
    fc.string({ maxLength: 8 }),
    fc.constantFrom('\uD800', '\uDBFF', '\uDC00', '\uDFFF'),
    fc.constantFrom('', ' x'),
  )
  .map(([a, surrogate, b]) => `${a}${surrogate}${b}`)
  .filter((value) => LONE_SURROGATE.test(value));
const blank = fc
  .array(fc.constantFrom(' ', '\t', '\n', '\r', '\u00A0', '\u3000'), { minLength: 1, maxLength: 6 })
  .map((chars) => chars.join(''));
const BAD_INSTANTS = ['0000-01-01T00:00:00Z', '9999-12-31T23:59:59Z', '2026-02-30T10:00:00Z', 'tomorrow'];
const BAD_DAYS = ['0000-01-01', '9999-12-31'];
/** String fields that hold a calendar day (YYYY-MM-DD). */
/** Calendar-day fields (YYYY-MM-DD strings): by the schema's naming convention, `…On`, valid from/to, birth. */
const DAY_FIELD = /^(dateOfBirth|validFrom|validTo|day)$|[a-z]On$/;

function inputPositions(type: GraphQLInputType, path: Segment[], found: Position[], depth = 0): void {
  found.push({ path, type });
  const inner = getNullableType(type);
  if (depth > 4) return;
  if (isListType(inner)) {
    inputPositions(inner.ofType as GraphQLInputType, [...path, 0], found, depth + 1);
  } else if (isInputObjectType(inner)) {
    for (const field of Object.values(inner.getFields())) {
      inputPositions(field.type, [...path, field.name], found, depth + 1);
    }
  }
}

/** The name a refusal gives a position: inside `input` without it, list indices left out. */
function expectedField(path: Segment[]): string {
  const names = path.filter((segment): segment is string => typeof segment === 'string');
  return (names[0] === 'input' ? names.slice(1) : names).join('.');
}

describe('hostile input at the edge', () => {
  let env: IsolatedEnvironment;
  let sut: TestApp;
  let schema: GraphQLSchema;
  let token: string;
  const logLines: string[] = [];
  const realIds: Record<string, string> = {};

  beforeAll(async () => {
    env = await isolatedEnvironment();
    sut = await TestApp.start(env.env, { logs: (line) => logLines.push(line) });
    schema = sut.app.get(GraphQLSchemaHost).schema;
    // Every role, so no operation is refused by role before its input is looked at.
    const everyone = await new Factories(sut).user(Object.values(Role));
    token = await sut.login(everyone.email, TEST_PASSWORD);
    realIds.user = everyone.id;
    realIds.agency = everyone.agencyId;
    for (const [key, table] of [
      ['unit', 'task_force_unit'],
      ['membership', 'membership'],
      ['instrument', 'legal_instrument'],
      ['commitment', 'agreement_commitment'],
    ]) {
      const [row] = await sut.dataSource.query(`SELECT id FROM ${table} ORDER BY id LIMIT 1`);
      if (row) realIds[key] = row.id;
    }
  });
  afterAll(async () => {
    await sut.stop();
    await env.drop();
  });

  const operations = (): Operation[] => [
    ...Object.values(schema.getQueryType()!.getFields()).map((field) => ({ kind: 'query' as const, field })),
    ...Object.values(schema.getMutationType()!.getFields()).map((field) => ({ kind: 'mutation' as const, field })),
  ];

  /** A real record's id where the name says which kind, so explicit nulls reach a real record when they can. */
  function idFor(name: string, operation: string): string {
    const subject = (name === 'id' ? operation : name).toLowerCase();
    for (const [key, id] of Object.entries(realIds)) if (subject.includes(key)) return id;
    return randomUUID();
  }

  function sample(type: GraphQLInputType, name: string, operation: string): unknown {
    const inner = getNullableType(type);
    if (isListType(inner)) return [sample(inner.ofType as GraphQLInputType, name, operation)];
    if (isInputObjectType(inner)) {
      const value: Record<string, unknown> = {};
      for (const field of Object.values(inner.getFields())) {
        if (isNonNullType(field.type) && field.defaultValue === undefined) {
          value[field.name] = sample(field.type, field.name, operation);
        }
      }
      return value;
    }
    if (isEnumType(inner)) return inner.getValues()[0].value;
    switch (inner.name) {
      case 'ID':
        return idFor(name, operation);
      case 'Int':
        return name === 'year' ? 2026 : 1;
      case 'Float':
        return 1.5;
      case 'Boolean':
        return false;
      case 'DateTime':
        return '2026-12-10T09:00:00.000Z';
      case 'JSON':
        return {};
      default:
        // Unique, so a creation that succeeds does not make the next one a duplicate.
        if (/email/i.test(name)) return `fuzz.${unique().toLowerCase()}@test.simpul.id`;
        if (/password/i.test(name)) return 'Fuzz-password-2026!';
        if (/country|nationality/i.test(name)) return 'ID';
        if (/Key$/.test(name)) return `fuzz-${unique().toLowerCase()}`;
        if (/timeZone/i.test(name)) return 'Asia/Jakarta';
        if (/code$/i.test(name)) return `FUZZ-${unique()}`;
        if (name === 'week') return '2026-W48';
        if (DAY_FIELD.test(name)) return '2026-12-01';
        return `Fuzz value ${unique()}`;
    }
  }

  const baseline = (operation: Operation): Record<string, unknown> =>
    Object.fromEntries(
      operation.field.args
        .filter((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined)
        .map((arg) => [arg.name, sample(arg.type, arg.name, operation.field.name)]),
    );

  /** Sets `value` at `path`, creating the input objects and one-item lists on the way (from their samples). */
  function withValue(operation: Operation, path: Segment[], value: unknown): Record<string, unknown> {
    const variables = structuredClone(baseline(operation));
    const argument = operation.field.args.find((arg) => arg.name === path[0]) as GraphQLArgument;
    if (path.length === 1) {
      variables[argument.name] = value;
      return variables;
    }
    let type = getNullableType(argument.type);
    let holder: Record<Segment, unknown> = variables;
    let key: Segment = argument.name;
    for (const segment of path.slice(1)) {
      if (holder[key] === undefined || holder[key] === null) {
        holder[key] = isListType(type) ? [] : {};
      }
      const next = holder[key] as Record<Segment, unknown>;
      if (isListType(type)) {
        type = getNullableType(type.ofType);
        if (next[segment as number] === undefined) {
          next[segment as number] = isInputObjectType(type) ? sample(type, String(key), operation.field.name) : null;
        }
      } else if (isInputObjectType(type)) {
        type = getNullableType(type.getFields()[segment as string].type);
      }
      holder = next;
      key = segment;
    }
    holder[key] = value;
    return variables;
  }

  async function run(operation: Operation, variables: Record<string, unknown>): Promise<GraphqlResponse> {
    const declared = operation.field.args.filter((arg) => arg.name in variables);
    const definitions = declared.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(', ');
    const passed = declared.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
    const selection = isCompositeType(getNamedType(operation.field.type)) ? ' { __typename }' : '';
    const query = `${operation.kind} Fuzz${definitions ? `(${definitions})` : ''} { ${operation.field.name}${
      passed ? `(${passed})` : ''
    }${selection} }`;
    return sut.gql(query, variables, token);
  }

  function positions(predicate: (position: Position) => boolean): [Operation, Position][] {
    return operations().flatMap((operation) => {
      const found: Position[] = [];
      for (const arg of operation.field.args) inputPositions(arg.type, [arg.name], found);
      return found.filter(predicate).map((position): [Operation, Position] => [operation, position]);
    });
  }

  const leafNamed = (names: string[]) => (position: Position) => {
    const named = getNullableType(position.type);
    return !isListType(named) && names.includes(getNamedType(position.type).name) && !isInputObjectType(named);
  };

  /** Sends each bad value to each position and lists every answer that is not a BAD_USER_INPUT naming it. */
  async function refusals(
    targets: [Operation, Position][],
    values: (position: Position) => unknown[],
  ): Promise<string[]> {
    const failures: string[] = [];
    for (const [operation, position] of targets) {
      for (const value of values(position)) {
        const result = await run(operation, withValue(operation, position.path, value));
        const error = result.errors?.[0];
        const field = expectedField(position.path);
        // A field inside a list may be named with its index: actionItems[0].due.at or people.0.rescuedOn.
        const withoutIndexes = (text: string) => text.replace(/\[\d+\]|\.\d+(?=\.|\b)/g, '');
        const reported = withoutIndexes(String(error?.extensions?.field ?? ''));
        const named = reported === field || withoutIndexes(error?.message ?? '').includes(field);
        if (error?.extensions?.code !== 'BAD_USER_INPUT' || !named) {
          failures.push(
            `${operation.field.name} ${position.path.join('.')} ${JSON.stringify(value)}: ` +
              `${error?.extensions?.code ?? 'accepted'} ${error?.extensions?.field ?? ''} ${error?.message ?? ''}`,
          );
        }
      }
    }
    return failures;
  }

  it('walks the whole schema', () => {
    expect(operations().length).toBeGreaterThan(80);
    expect(positions(leafNamed(['ID'])).length).toBeGreaterThan(60);
  });

  it('refuses a malformed id in every ID argument, naming it', async () => {
    const targets = positions(leafNamed(['ID']));
    expect(await refusals(targets, () => samples(notUuid, 2))).toEqual([]);
  });

  it('refuses NUL bytes and unpaired surrogates in every text argument', async () => {
    const targets = positions(leafNamed(['String', 'ID']));
    expect(await refusals(targets, () => [...samples(withNul, 1), ...samples(withLoneSurrogate, 2)])).toEqual([]);
  });

  it('refuses blank text where text is required', async () => {
    const targets = positions((position) => isNonNullType(position.type) && leafNamed(['String', 'ID'])(position));
    expect(targets.length).toBeGreaterThan(20);
    expect(await refusals(targets, () => samples(blank, 2))).toEqual([]);
  });

  it('refuses instants and days outside 1900–2100 or not on the calendar', async () => {
    const instants = positions(leafNamed(['DateTime']));
    const days = positions(
      (position) => leafNamed(['String'])(position) && DAY_FIELD.test(String(position.path.at(-1))),
    );
    expect(instants.length).toBeGreaterThan(5);
    expect(days.length).toBeGreaterThan(3);
    expect([...(await refusals(instants, () => BAD_INSTANTS)), ...(await refusals(days, () => BAD_DAYS))]).toEqual([]);
  });

  it('answers an explicit null on an optional field exactly as if it were left out', async () => {
    const targets = positions((position) => !isNonNullType(position.type) && typeof position.path.at(-1) === 'string');
    expect(targets.length).toBeGreaterThan(100);
    const differences: string[] = [];
    for (const [operation, position] of targets) {
      const withNull = await run(operation, withValue(operation, position.path, null));
      // JSON leaves an undefined property out: the same request without the field.
      const omitted = await run(operation, withValue(operation, position.path, undefined));
      const codes = [withNull, omitted].map((result) => result.errors?.[0]?.extensions?.code ?? 'OK');
      // A creation that succeeded with the null makes the same creation without it a duplicate: the same request.
      const sameCreation = codes[0] === 'OK' && codes[1] === 'CONFLICT';
      if ((codes[0] !== codes[1] && !sameCreation) || codes.includes('INTERNAL_SERVER_ERROR')) {
        differences.push(`${operation.field.name} ${position.path.join('.')}: null ${codes[0]}, omitted ${codes[1]}`);
      }
    }
    expect(differences).toEqual([]);
  });

  it('keeps text as meant: padding trimmed, a blank optional text left out', async () => {
    const code = `TRIM-${unique()}`;
    const created = await sut.gql<{ createAgency: { nameEn: string; acronym: string; aliases: string[] } }>(
      `mutation ($input: CreateAgencyInput!) { createAgency(input: $input) { nameEn acronym aliases } }`,
      {
        input: {
          code,
          nameId: 'Uji',
          nameEn: '  Padded   name \n',
          acronym: ' PN ',
          aliases: ['  first ', 'second'],
          type: 'NGO',
          country: 'ID',
          timeZone: 'Asia/Jakarta',
        },
      },
      token,
    );
    expect(created.errors).toBeUndefined();
    expect(created.data?.createAgency).toEqual({
      nameEn: 'Padded   name',
      acronym: 'PN',
      aliases: ['first', 'second'],
    });

    const search = (text: string) =>
      sut.gql<{ agencies: { totalCount: number } }>(
        'query ($text: String) { agencies(filter: { search: $text }) { totalCount } }',
        { text },
        token,
      );
    expect((await search('   ')).data?.agencies.totalCount).toBe(
      (await search(undefined as never)).data?.agencies.totalCount,
    );
  });

  it('never answered with an internal error, and logged no stack trace at error level', () => {
    const entries = logLines.map((line) => JSON.parse(line) as Record<string, unknown>);
    const internal = entries.filter((entry) => entry.level === 'error');
    expect(internal.map((entry) => `${String(entry.msg)} ${JSON.stringify(entry.error ?? '')}`)).toEqual([]);
    expect(entries.filter((entry) => 'stack' in entry)).toEqual([]);
    const refusedByDatabase = entries.filter((entry) => entry.msg === 'the database refused a value from a request');
    expect(refusedByDatabase.map((entry) => String(entry.sqlState))).toEqual([]);
  });
});
