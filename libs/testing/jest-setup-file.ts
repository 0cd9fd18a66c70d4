/**
 * Runs before each test file. @nestjs/graphql keeps its type metadata on `global`, which outlives Jest's
 * per-file module registry; without a reset, a second suite in the same worker sees the first suite's classes.
 */
const globalRef = global as unknown as Record<string, unknown>;
delete globalRef.GqlTypeMetadataStorage;
export {};
