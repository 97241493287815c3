/**
 * The layout's rules (shared/STYLE.md, shared/DESIGN.md §2), checked by `npm run lint:deps`:
 * pure domains, contexts that meet only through their public index, a kernel that knows no context.
 */
const CONTEXTS = '(concept|journey|cases|safety|measurement|privacy)';
const IMPURE =
  '(^|/)node_modules/(@nestjs|kafkajs|@eventstore|better-sqlite3|pg|class-validator|class-transformer|cloudevents|express|yaml|rxjs)';

module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'A domain folder holds decide/evolve, sagas and projections: no framework, transport, store client or validation library.',
      severity: 'error',
      from: { path: '^libs/[^/]+/src/domain/' },
      to: { path: IMPURE },
    },
    {
      name: 'domain-imports-its-own-domain-and-the-kernel',
      comment:
        'A domain may import its own domain, the pure kernel, and (types only) another context through its index. Specs may also check types against ports.',
      severity: 'error',
      from: { path: '^libs/([^/]+)/src/domain/', pathNot: '\\.spec\\.ts$' },
      to: {
        path: '^(libs|apps)/',
        pathNot: [`^libs/$1/src/domain/`, '^libs/eventsourcing/src/(?!application/)', `^libs/${CONTEXTS}/src/index\\.ts$`],
      },
    },
    {
      name: 'domain-uses-other-contexts-for-types-only',
      comment: 'Another context index also carries Nest modules: a domain may take its types, never its code.',
      severity: 'error',
      from: { path: '^libs/([^/]+)/src/domain/', pathNot: '\\.spec\\.ts$' },
      to: { path: `^libs/${CONTEXTS}/src/index\\.ts$`, pathNot: '^libs/$1/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'domain-no-node-io',
      severity: 'error',
      from: { path: '^libs/[^/]+/src/domain/', pathNot: '\\.spec\\.ts$' },
      to: { dependencyTypes: ['core'], path: '^(fs|net|http|https|child_process|worker_threads|dgram)$' },
    },
    {
      name: 'contexts-meet-through-their-index',
      comment: 'A context uses another only through its public index.ts, never its internals.',
      severity: 'error',
      from: { path: `^libs/${CONTEXTS}/` },
      to: { path: `^libs/${CONTEXTS}/src/(?!index\\.ts$)`, pathNot: '^libs/$1/' },
    },
    {
      name: 'apps-use-contexts-through-their-index',
      severity: 'error',
      from: { path: '^(apps|test)/' },
      to: { path: `^libs/${CONTEXTS}/src/(?!index\\.ts$)` },
    },
    {
      name: 'handlers-know-no-http',
      comment: 'Command and query handlers throw domain errors; the edge maps them to problem+json.',
      severity: 'error',
      from: { path: '\\.handler\\.ts$' },
      to: { path: ['^libs/http/', '(^|/)node_modules/@nestjs/common/.*exceptions'] },
    },
    {
      name: 'kernel-knows-no-context',
      comment: 'Infrastructure libraries are generic: they never import a bounded context.',
      severity: 'error',
      from: { path: '^libs/(eventsourcing|event-store|messaging|auth|http|contracts|platform|web-desk|observability)/' },
      to: { path: `^libs/${CONTEXTS}/` },
    },
    {
      name: 'pure-kernel-is-pure',
      severity: 'error',
      from: { path: '^libs/eventsourcing/src/(?!application/)' },
      to: { path: [IMPURE, '^libs/(?!eventsourcing/)'] },
    },
    {
      name: 'web-desk-pages-run-in-the-browser',
      comment:
        'The pages are bundled for the browser: they import each other, lit-html and uPlot (the charts), never Node, Nest or the server.',
      severity: 'error',
      from: { path: '^libs/web-desk/src/browser/' },
      to: { pathNot: ['^libs/web-desk/src/browser/', '(^|/)node_modules/lit-html/', '(^|/)node_modules/uplot/'] },
    },
    {
      name: 'web-desk-server-does-not-import-pages',
      comment: 'The server reads the page sources as files to bundle them; it never runs them.',
      severity: 'error',
      from: { path: '^libs/web-desk/src/(?!browser/)' },
      to: { path: '^libs/web-desk/src/browser/' },
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
      to: { path: '^libs/(?!contracts/)' },
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
