/**
 * Jest through Umi's own helper: configUmiAlias runs `umi setup` in test mode (writes
 * src/.umi-test) and maps @umijs/max, @/ and @@/ the way the build resolves them.
 */
const path = require('path');

// A machine zone far from Shanghai, so tests prove the UI never depends on the browser's zone.
process.env.TZ = 'America/Los_Angeles';
const { configUmiAlias, createConfig } = require('@umijs/max/test');

module.exports = async () => {
  const config = await configUmiAlias({
    ...createConfig({
      target: 'browser',
      jsTransformer: 'esbuild',
      jsTransformerOpts: { jsx: 'automatic' },
    }),
    setupFilesAfterEnv: ['<rootDir>/jest.setup.ts'],
    testPathIgnorePatterns: ['/node_modules/', '<rootDir>/config/', '<rootDir>/src/\\.umi', '<rootDir>/dist/'],
    modulePathIgnorePatterns: ['<rootDir>/dist/'],
    testTimeout: 60_000,
  });
  // @umijs/max nests old antd/react copies; every import must see the one React the app uses.
  config.moduleNameMapper = {
    ...config.moduleNameMapper,
    '^react$': path.dirname(require.resolve('react/package.json')),
    '^react/(.*)$': `${path.dirname(require.resolve('react/package.json'))}/$1`,
    '^react-dom$': path.dirname(require.resolve('react-dom/package.json')),
    '^react-dom/(.*)$': `${path.dirname(require.resolve('react-dom/package.json'))}/$1`,
  };
  return config;
};
