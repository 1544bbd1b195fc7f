// Jest runs every suite (`node test/run.mjs`, which `npm test` calls): SWC strips the types (`tsc -p
// test/tsconfig.json` checks them). The API and its libraries are ES modules in node_modules that Jest's CommonJS
// runtime cannot load on Node 20: those packages are compiled by SWC as well (cached after the first run).
const ESM_PACKAGES = [
  '@nestjs', '@electric-sql', 'uuid', 'uid', 'file-type', 'strtok3', 'token-types', 'peek-readable', '@tokenizer', '@zxcvbn-ts',
  'nanoid', 'pixelmatch', 'p-limit', 'yocto-queue', 'markdown-it', 'mdurl', 'uc.micro', 'linkify-it', 'entities', 'punycode.js',
];

const swc = (parser) => ({
  jsc: { parser, transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic' } }, target: 'es2022' },
  module: { type: 'commonjs' },
});

module.exports = {
  testEnvironment: '<rootDir>/test/support/jest-environment.cjs',
  transform: {
    // Decorators as TypeScript compiles them (legacy, with metadata), so unit tests can load Nest services.
    '^.+\\.ts$': ['@swc/jest', swc({ syntax: 'typescript', decorators: true })],
    '^.+\\.tsx$': ['@swc/jest', swc({ syntax: 'typescript', tsx: true })],
    '^.+\\.m?js$': ['@swc/jest', swc({ syntax: 'ecmascript' })],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_PACKAGES.join('|')})/)`],
  // End-to-end suites in test/, library suites in libs/*/test, unit tests beside the code they cover.
  testMatch: ['<rootDir>/test/**/*.spec.ts', '<rootDir>/libs/*/test/**/*.spec.ts', '<rootDir>/{apps,libs}/*/src/**/*.spec.{ts,tsx}'],
  testTimeout: Number(process.env.TEST_TIMEOUT_MS ?? 300_000),
  // A worker that has grown large (Nest, Chromium clients, PGlite) is replaced between files.
  workerIdleMemoryLimit: '1GB',
};
