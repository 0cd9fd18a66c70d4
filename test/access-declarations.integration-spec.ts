import { MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import { RESOLVER_TYPE_METADATA } from '@nestjs/graphql';

import { ACCESS_METADATA } from '@app/auth/access.decorators';
import { TestApp } from '@libs/testing/test-app';

const ROOT_TYPES = new Set(['Query', 'Mutation', 'Subscription']);

describe('access declarations', () => {
  let sut: TestApp;

  beforeAll(async () => {
    sut = await TestApp.start();
  });
  afterAll(() => sut.stop());

  it('every query and mutation declares who may call it', () => {
    const modules = sut.app.get(ModulesContainer);
    const scanner = new MetadataScanner();
    const reflector = new Reflector();
    const operations: string[] = [];
    const undeclared: string[] = [];

    const providers = [...modules.values()].flatMap((module) => [...module.providers.values()]);
    for (const wrapper of providers) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object') continue;
      const prototype = Object.getPrototypeOf(instance) as object;
      for (const method of scanner.getAllMethodNames(prototype)) {
        const handler = (prototype as Record<string, unknown>)[method] as () => unknown;
        const type = Reflect.getMetadata(RESOLVER_TYPE_METADATA, handler) as string | undefined;
        if (!type || !ROOT_TYPES.has(String(type))) continue;
        const name = `${instance.constructor.name}.${method}`;
        operations.push(name);
        const rule = reflector.getAllAndOverride(ACCESS_METADATA, [handler, instance.constructor]);
        if (!rule) undeclared.push(name);
      }
    }

    // Guard against the walk silently finding nothing (which would make this test pass vacuously).
    expect(operations).toEqual(expect.arrayContaining(['AgenciesResolver.agencies', 'AuthResolver.login']));
    expect(operations.length).toBeGreaterThan(20);
    expect(undeclared).toEqual([]);
  });
});
