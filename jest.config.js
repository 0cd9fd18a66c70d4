/** Two projects: fast unit specs beside the code, integration suites in test/ against real services. */
const moduleNameMapper = {
  '^@app/(.*)$': '<rootDir>/src/$1',
  '^@libs/(.*)$': '<rootDir>/libs/$1',
};
const transform = { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.jest.json' }] };

module.exports = {
  testTimeout: 60000,
  // Each suite starts Nest apps, workers and browsers; one long-lived process grew past its heap over ~90 suites.
  // With a limit, Jest runs the suites in a worker process it replaces once the worker holds more than this.
  workerIdleMemoryLimit: '1GB',
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
