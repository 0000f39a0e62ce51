/**
 * The layers of functions/ (docs/architecture.md): entry points (handlers, local) on top, then
 * http and adapters side by side, the pure core at the bottom. Dependencies point down only, and
 * no module reaches itself again through its imports. Type-only imports count: a port imported
 * "just for its type" from a higher layer is still an arrow pointing up.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'core-is-pure',
      comment: 'functions/core imports nothing from the layers above it.',
      severity: 'error',
      from: { path: '^functions/core/' },
      to: { path: '^functions/(adapters|http|handlers|local)/' },
    },
    {
      name: 'core-has-no-frameworks',
      comment: 'functions/core imports nothing from AWS, Hono or Lambda (CONVENTIONS.md, habit 1).',
      severity: 'error',
      from: { path: '^functions/core/' },
      to: { path: 'node_modules/(@aws-sdk|@aws-lambda-powertools|hono|@hono|aws-lambda)/' },
    },
    {
      name: 'adapters-below-http',
      comment: 'Adapters implement the core ports; they know nothing of HTTP or the entry points.',
      severity: 'error',
      from: { path: '^functions/adapters/' },
      to: { path: '^functions/(http|handlers|local)/' },
    },
    {
      name: 'http-beside-adapters',
      comment: 'The HTTP app takes its collaborators through core ports, never an adapter.',
      severity: 'error',
      from: { path: '^functions/http/' },
      to: { path: '^functions/(adapters|handlers|local)/' },
    },
    {
      name: 'handlers-are-entry-points',
      comment: 'Lambda handlers are entry points; the local server does not borrow from them.',
      severity: 'error',
      from: { path: '^functions/local/' },
      to: { path: '^functions/handlers/' },
    },
    {
      name: 'functions-without-infra',
      comment: 'The runtime code is bundled on its own: it never imports the CDK app.',
      severity: 'error',
      from: { path: '^functions/' },
      to: { path: '^infra/' },
    },
    {
      name: 'no-circular',
      comment: 'A circle of imports hides which module depends on which.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    // The pages' built scripts are browser bundles, not modules of the app.
    exclude: { path: ['\\.generated\\.ts$', '^functions/http/pages/built/'] },
  },
};
