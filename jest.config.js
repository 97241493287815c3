/**
 * One jest project per kind of test (shared/STYLE.md): unit (no I/O), int (real store or broker), e2e (the running app),
 * browser (the web desk in headless Chromium against the running app).
 */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];

const moduleNameMapper = {
  '^@regie/testing$': '<rootDir>/test/support',
  '^@regie/eventsourcing/application$': '<rootDir>/libs/eventsourcing/src/application',
  '^@regie/eventsourcing/testing$': '<rootDir>/libs/eventsourcing/src/testing',
  '^@regie/([^/]+)$': '<rootDir>/libs/$1/src',
};

const project = (name, pattern, extra = {}) => ({
  displayName: name,
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: [`<rootDir>/{apps,libs,test}/**/*.${pattern}.spec.ts`],
  transform: { '^.+\\.ts$': swc },
  moduleNameMapper,
  ...extra,
});

module.exports = {
  // kafkajs can keep one broker socket (and its reconnect timers) alive after a consumer is
  // disconnected in the middle of a rebalance, as after the broker-restart test. The tests have
  // finished and reported by then; without this, jest would wait for that socket forever.
  forceExit: true,
  projects: [project('unit', 'unit'), project('int', 'int'), project('e2e', 'e2e'), project('browser', 'browser')],
};
