/** Backend tests: co-located unit tests in src/, HTTP tests in test/. */
module.exports = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.test.ts', '<rootDir>/test/**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.test.json' }] },
  coveragePathIgnorePatterns: ['<rootDir>/test/'],
  setupFiles: ['<rootDir>/test/setup-env.js'],
  testTimeout: 60000,
};
