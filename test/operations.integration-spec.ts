import { Factories, TEST_PASSWORD } from '@libs/testing/factories';
import { TestApp } from '@libs/testing/test-app';
import { Role } from '@app/kernel/role.enum';

describe('operations', () => {
  let sut: TestApp;

  beforeAll(async () => {
    sut = await TestApp.start();
  });
  afterAll(() => sut.stop());

  it('reports liveness and readiness with database and Redis checked', async () => {
    const live = await sut.app.inject({ method: 'GET', url: '/health/live' });
    expect(live.statusCode).toBe(200);
    const ready = await sut.app.inject({ method: 'GET', url: '/health/ready' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ok', checks: { database: true, redis: true } });
  });

  it('echoes a request id, or makes one', async () => {
    const given = await sut.app.inject({
      method: 'GET',
      url: '/health/live',
      headers: { 'x-request-id': 'trace-123' },
    });
    expect(given.headers['x-request-id']).toBe('trace-123');
    const made = await sut.app.inject({ method: 'GET', url: '/health/live' });
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses queries nested deeper than the limit', async () => {
    const token = await sut.login((await new Factories(sut).user([Role.LIAISON])).email, TEST_PASSWORD);
    const deep =
      '{ agencies { edges { node { parentAgency { parentAgency { parentAgency { parentAgency { parentAgency { parentAgency { parentAgency { code } } } } } } } } } } }';
    const result = await sut.gql(deep, {}, token);
    expect(result.errors?.[0].message).toMatch(/depth/i);
  });

  it('answers an unknown field as a bad request', async () => {
    const result = await sut.gql('{ noSuchField }');
    expect(result.statusCode).toBe(400);
    expect(result.errors?.[0].extensions?.code).toBeDefined();
  });
});
