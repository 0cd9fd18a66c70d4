import { GraphQLSchemaHost } from '@nestjs/graphql';
import { parse } from 'graphql';

import { operationCost } from '@app/graphql/request-limits';
import { AgenciesService } from '@app/modules/agencies/agencies.service';
import { Role } from '@app/kernel/role.enum';
import { Factories, TEST_PASSWORD } from '@libs/testing/factories';
import { isolatedEnvironment, IsolatedEnvironment } from '@libs/testing/isolated-environment';
import { firstErrorCode, TestApp } from '@libs/testing/test-app';

const PAGE = 'agencies(first: 100) { totalCount edges { node { id code nameEn nameId acronym type country } } }';
const aliased = (count: number, field = PAGE) =>
  `{ ${Array.from({ length: count }, (_, index) => `a${index}: ${field}`).join(' ')} }`;

describe('limits on every request', () => {
  let env: IsolatedEnvironment;
  let sut: TestApp;
  let token: string;
  let listed: jest.SpyInstance;

  beforeAll(async () => {
    env = await isolatedEnvironment();
    sut = await TestApp.start(env.env);
    // A counterpart officer: the least trusted signed-in account the limits must hold for.
    const counterpart = await new Factories(sut).user([Role.COUNTERPART]);
    token = await sut.login(counterpart.email, TEST_PASSWORD);
    // Observes (and calls through to) the service behind `agencies`: a refused request must not reach it.
    listed = jest.spyOn(sut.app.get(AgenciesService), 'list');
  });
  beforeEach(() => listed.mockClear());
  afterAll(async () => {
    await sut.stop();
    await env.drop();
  });

  const loginFailures = async (): Promise<number> =>
    (await sut.dataSource.query(`SELECT count(*)::int AS n FROM audit_entry WHERE operation = 'loginFailed'`))[0].n;

  it('refuses an alias flood before anything runs, naming the limit', async () => {
    // The flood of the issue: 1,000 aliased pages of 100 agencies, eight at once.
    const floods = await Promise.all(Array.from({ length: 8 }, () => sut.gql(aliased(1000), {}, token)));
    for (const result of floods) {
      expect(result.statusCode).toBe(400);
      expect(result.data).toBeNull();
      expect(result.errors?.[0]).toMatchObject({
        message: expect.stringContaining('GRAPHQL_MAX_TOKENS'),
        extensions: { code: 'BAD_USER_INPUT', reason: 'TOO_MANY_TOKENS', limit: sut.config.graphql.maxTokens },
      });
    }
    // Short aliases fit in the token limit and meet the alias limit.
    const short = await sut.gql(aliased(1000, '__typename'), {}, token);
    expect(short.errors?.[0]).toMatchObject({
      message: expect.stringContaining('GRAPHQL_MAX_ALIASES'),
      extensions: { code: 'BAD_USER_INPUT', reason: 'TOO_MANY_ALIASES', limit: 30, actual: 1000 },
    });
    expect(listed).not.toHaveBeenCalled();
  });

  it('refuses a request whose pages would cost too much, before any resolver runs', async () => {
    const result = await sut.gql(aliased(20), {}, token);

    expect(result.errors?.[0]).toMatchObject({
      message: expect.stringContaining('GRAPHQL_MAX_COST'),
      extensions: { code: 'BAD_USER_INPUT', reason: 'TOO_COSTLY', limit: sut.config.graphql.maxCost },
    });
    expect(result.errors?.[0].extensions).toHaveProperty('actual');
    expect(listed).not.toHaveBeenCalled();
  });

  it('weighs lists by the page size the variables ask for', async () => {
    const query = `query ($n: Int!) { a: agencies(first: $n) { edges { node { code } } } b: agencies(first: $n) {
      edges { node { code } } } }`;
    const small = await sut.gql<{ a: { edges: unknown[] } }>(query, { n: 5 }, token);
    expect(small.errors).toBeUndefined();
    expect(small.data?.a.edges).toHaveLength(5);

    const schema = sut.app.get(GraphQLSchemaHost).schema;
    const cost = (n: number) => operationCost(schema, parse(query), { n }, undefined);
    expect(cost(100)).toBeGreaterThan(cost(5) * 10);
  });

  it('lets the largest page of an ordinary screen through', async () => {
    const result = await sut.gql<{ agencies: { edges: unknown[] } }>(`{ ${PAGE} }`, {}, token);
    expect(result.errors).toBeUndefined();
    expect(result.data?.agencies.edges.length).toBeGreaterThan(30);
  });

  it('runs one mutation per request: aliased sign-ins are refused before any password is checked', async () => {
    const before = await loginFailures();
    const logins = Array.from(
      { length: 100 },
      (_, index) =>
        `l${index}: login(input: { email: "someone@test.simpul.id", password: "guess-${index}" }) { accessToken }`,
    );
    const result = await sut.gql(`mutation { ${logins.join(' ')} }`);

    expect(firstErrorCode(result)).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0].extensions?.reason).toMatch(/TOO_MANY_ALIASES|ONE_MUTATION_PER_REQUEST/);
    const two = await sut.gql(`mutation { ${logins.slice(0, 2).join(' ')} }`);
    expect(two.errors?.[0]).toMatchObject({
      message: expect.stringContaining('one mutation field'),
      extensions: { reason: 'ONE_MUTATION_PER_REQUEST' },
    });
    const throughFragment = await sut.gql(
      `mutation { ...Both } fragment Both on Mutation { ${logins.slice(0, 2).join(' ')} }`,
    );
    expect(throughFragment.errors?.[0].extensions?.reason).toBe('ONE_MUTATION_PER_REQUEST');
    expect(await loginFailures()).toBe(before);
  });

  it('refuses a document longer than the token limit without parsing it to the end', async () => {
    const huge = `{ ${Array.from({ length: 6000 }, () => '__typename').join(' ')} }`;
    const result = await sut.gql(huge, {}, token);
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'TOO_MANY_TOKENS' });
  });

  it('still refuses queries nested deeper than the depth limit', async () => {
    const deep = `{ agencies { edges { node { parentAgency { parentAgency { parentAgency { parentAgency {
      parentAgency { parentAgency { parentAgency { code } } } } } } } } } } }`;
    const result = await sut.gql(deep, {}, token);
    expect(result.errors?.[0].message).toMatch(/depth/i);
    expect(listed).not.toHaveBeenCalled();
  });
});
