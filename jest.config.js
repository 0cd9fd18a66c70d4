/** Two projects: fast unit specs beside the code, integration suites in test/ against real services. */
const moduleNameMapper = {
  '^@app/(.*)$': '<rootDir>/src/$1',
  '^@libs/(.*)$': '<rootDir>/libs/$1',
};
const transform = { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.jest.json' }] };

module.exports = {
  testTimeout: 60000,
  projects: [
    {
      displayName: 'unit',
      rootDir: __dirname,
      testEnvironment: 'node',
      testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/libs/**/*.spec.ts'],
      moduleFileExtensions: ['ts', 'js', 'json'],
      moduleNameMapper,
      transform,
    },
    {
      displayName: 'integration',
      rootDir: __dirname,
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/**/*.integration-spec.ts'],
      moduleFileExtensions: ['ts', 'js', 'json'],
      moduleNameMapper,
      transform,
      setupFiles: ['<rootDir>/libs/testing/jest-setup-file.ts'],
      globalSetup: '<rootDir>/libs/testing/global-setup.ts',
      globalTeardown: '<rootDir>/libs/testing/global-teardown.ts',
    },
  ],
};
