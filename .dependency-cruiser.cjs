// Architecture boundaries, checked by `npm test` (npm run lint:deps). See docs/decisions/.
// The core is framework-free and reachable by two doors: Remix (app/ + server/http)
// and Socket.IO (server/socket). Shared plumbing lives in server/infra.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "core-imports-no-door",
      comment: "The domain core must not depend on a door, the UI, scripts, benches or tests.",
      severity: "error",
      from: { path: "^server/core/" },
      to: { path: "^(app/|scripts/|bench/|tests/|server/(http|socket|infra|seed)/|server/(app|index|env)\\.ts$)" },
    },
    {
      name: "socket-door-not-http-door",
      comment: "The Socket.IO door does not reach into the HTTP door's plumbing (shared pieces go in server/infra).",
      severity: "error",
      from: { path: "^server/socket/" },
      to: { path: "^(server/http/|app/)" },
    },
    {
      name: "http-door-not-socket-door",
      severity: "error",
      from: { path: "^(server/http/|app/)" },
      to: { path: "^server/socket/" },
    },
    {
      name: "ui-reaches-only-pure-core",
      comment:
        "Routes and components reach the core through the load context; they may import only its pure modules (types, schemas, texts), never the database or infrastructure.",
      severity: "error",
      from: { path: "^app/" },
      to: { path: "^(server/(db|infra|seed)/|server/(app|index|env)\\.ts$)" },
    },
    {
      name: "operator-grants-not-from-doors",
      comment:
        "Granting a platform role without an actor is for the operator's own code (seed, scripts, tests); over the web only an administrator changes roles.",
      severity: "error",
      from: { path: "^(app/|server/(http|socket)/)" },
      to: { path: "^server/core/platform/operator\\.ts$" },
    },
    {
      name: "prisma-only-in-db-and-core",
      comment: "Only server/db and the core talk to Prisma.",
      severity: "error",
      from: {
        pathNot:
          "^(server/db/|server/core/|scripts/generate-prisma\\.mjs$|tests/unit/generate-prisma\\.test\\.ts$|prisma\\.config\\.ts$)",
      },
      to: { path: "(^server/db/generated/|node_modules/@prisma/)" },
    },
    {
      name: "contract-and-ops-browser-safe",
      comment:
        "The browser imports the realtime contract and the board operations (for their folds): they reach the database, the bus and the services only as types, through apply's context.",
      severity: "error",
      from: { path: "^server/core/(contract|boards/ops)/" },
      to: {
        path: "^server/",
        pathNot:
          "^server/core/(contract/|boards/ops/|boards/(constants|note-view|board-state)\\.ts$|(errors|forms|json-columns)\\.ts$)",
        dependencyTypesNot: ["type-only"],
      },
    },
    {
      name: "no-circular",
      severity: "error",
      from: { path: "^(app|server)/" },
      to: { circular: true, pathNot: "^server/db/generated/" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^(server/db/generated/|build/|public/build/)" },
    tsConfig: { fileName: "tsconfig.json" },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default"] },
  },
};
