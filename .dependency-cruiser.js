/** Layer rules (shared/STYLE.md): the domain is pure; apps only compose libs. Checked by `npm run lint:deps`. */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'libs/domain holds decide/evolve: no framework, transport, store client, validation library or node I/O.',
      severity: 'error',
      from: { path: '^libs/domain/src' },
      to: {
        path: [
          '^node_modules/(@nestjs|kafkajs|@eventstore|better-sqlite3|class-validator|class-transformer|cloudevents|express|yaml)',
          '^libs/(?!domain/)',
        ],
      },
    },
    {
      name: 'domain-no-node-io',
      severity: 'error',
      from: { path: '^libs/domain/src', pathNot: '\\.spec\\.ts$' },
      to: { dependencyTypes: ['core'], path: '^(fs|net|http|https|child_process|worker_threads|dgram)$' },
    },
    {
      name: 'libs-do-not-import-apps',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'contracts-stay-at-the-edge',
      comment: 'contracts are the public wire format; they know nothing of the store or the domain.',
      severity: 'error',
      from: { path: '^libs/contracts/src' },
      to: { path: '^libs/(domain|event-store|application|messaging)/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^dist|^node_modules)' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
