// The arrows of ARCHITECTURE.md, checked by `npm run lint:deps` (first step of `npm test`).
// A module's public files — what another module may import — are index.ts, *.service.ts, *.module.ts
// and *.types.ts (and auth/scope.ts); everything else in apps/server/src/modules/<m>/ is that module's own business.
const MODULES = '^apps/server/src/modules/';
// auth/scope.ts is the one scope helper every module uses (inScope, scopeFilter, subtreeOf…), public by name.
const PUBLIC = `${MODULES}([^/]+/(index|[^/]+[.](service|module|types))|auth/scope)[.]ts$`;

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'An import that does not resolve (a typo, or a package not in package.json) would also slip past every rule below.',
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Import cycles make load order matter and hide which side owns what. Break the cycle: pass the value in, or move the shared part down.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'contracts-is-the-bottom',
      severity: 'error',
      comment: 'packages/contracts depends on nothing of ours: core, textscan, server and web all build on it.',
      from: { path: '^packages/contracts/' },
      to: { path: '^(packages/(core|textscan)|apps|e2e|bench)/' },
    },
    {
      name: 'core-only-on-contracts',
      severity: 'error',
      comment: 'packages/core is the pure domain: it may use contracts, nothing of the server, web or textscan.',
      from: { path: '^packages/core/' },
      to: { path: '^(packages/textscan|apps|e2e|bench)/' },
    },
    {
      name: 'core-is-pure',
      severity: 'error',
      comment: 'packages/core has no database, HTTP, file system or process: time and data are passed in (node:crypto for hashing only).',
      from: { path: '^packages/core/src/', pathNot: '[.]test[.]ts$' },
      to: { dependencyTypes: ['core'], pathNot: '^crypto$' },
    },
    {
      name: 'textscan-standalone',
      severity: 'error',
      comment: 'packages/textscan is a text engine with no dependency on the app (contracts, core, server, web).',
      from: { path: '^packages/textscan/' },
      to: { path: '^(packages/(contracts|core)|apps|e2e|bench)/' },
    },
    {
      name: 'web-only-on-contracts',
      severity: 'error',
      comment: 'apps/web talks to the server over HTTP; of our code it may import @tianlang/contracts only (never server, core or textscan).',
      from: { path: '^apps/web/' },
      to: { path: '^(apps/server|packages/(core|textscan)|e2e|bench)/' },
    },
    {
      name: 'web-contracts-by-package-name',
      severity: 'error',
      comment: "apps/web imports contracts as '@tianlang/contracts' or '@tianlang/contracts/public', not by a relative path into its src.",
      from: { path: '^apps/web/' },
      to: { path: '^packages/', dependencyTypes: ['local'] },
    },
    {
      name: 'server-not-on-web-or-tests',
      severity: 'error',
      comment: 'The server does not import the web app, the browser tests or the benchmarks.',
      from: { path: '^apps/server/' },
      to: { path: '^(apps/web|e2e|bench)/' },
    },
    {
      name: 'nothing-imports-e2e-or-bench',
      severity: 'error',
      comment: 'Nothing outside e2e and bench imports e2e or bench.',
      from: { pathNot: '^(e2e|bench)/' },
      to: { path: '^(e2e|bench)/' },
    },
    {
      name: 'lib-and-db-below-modules',
      severity: 'error',
      comment: 'apps/server/src/lib and db are shared infrastructure under the modules: they never import a module, http or jobs.',
      from: { path: '^apps/server/src/(lib|db)/', pathNot: '[.]test[.]ts$' },
      to: { path: '^apps/server/src/(modules|http|jobs)/' },
    },
    {
      name: 'no-other-modules-repo',
      severity: 'error',
      comment: "A module never imports another module's repo: call that module's service (add a function there if none fits).",
      from: { path: `${MODULES}([^/]+)/` },
      to: { path: `${MODULES}[^/]+/[^/]+[.]repo[.]ts$`, pathNot: `${MODULES}$1/` },
    },
    {
      name: 'modules-meet-through-public-files',
      severity: 'error',
      comment: "A module reaches another only through that module's public files: index.ts, *.service.ts, *.module.ts, *.types.ts. Re-export what is needed from one of them.",
      from: { path: `${MODULES}([^/]+)/` },
      to: { path: MODULES, pathNot: [`${MODULES}$1/`, PUBLIC, '[.]repo[.]ts$'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist|coverage)/|^apps/server/drizzle/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    combinedDependencies: false,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.d.ts'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
