/**
 * Unit tests of the plain modules (no Taro runtime needed) plus the offline check of the weapp
 * build. The weapp build itself runs in `pretest` (scripts/ensure-weapp-build.js).
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }],
  },
  moduleNameMapper: {
    '^@/(.*)$': '<rootDir>/src/$1',
  },
}
