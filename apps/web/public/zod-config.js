// Runs before every module of the app: zod reads its settings from this global when it loads. The console
// calls the API through the route tables, whose schemas are zod objects, and zod probes `new Function` for a
// compiled parser as each object schema is built; under the Content-Security-Policy (no 'unsafe-eval') every
// probe is a reported violation, and the browser never parses with these schemas anyway (the server does).
// packages/contracts/src/zod-config.test.ts checks that zod still keeps its settings on this global.
globalThis.__zod_globalConfig = Object.assign(globalThis.__zod_globalConfig || {}, { jitless: true });
