/**
 * The layering of src, checked by `npm run lint` (dependency-cruiser). A folder may import only
 * from itself and the folders of lower layers: no arrow points up or sideways. The layers:
 *   domain                       the rules, pure: imports nothing, not even a package
 *   layout, i18n                 the workbook as data (layout: domain only); the pane's strings
 *   contract, xlsx               what the pane and tests see of a workbook; the .xlsx reader and writers
 *   excel                        the Office.js adapter
 *   taskpane                     the React pane
 *   commands, preview, cli       the ribbon, the offline workbench and emulator, the command line
 * Office.js is a global, not an import: tsconfig.office-free.json type-checks the folders that must
 * not call it without its types, and tsconfig.browser.json the pane's bundle without Node's.
 */
const LAYERS = [["domain"], ["layout", "i18n"], ["contract", "xlsx"], ["excel"], ["taskpane"], ["commands", "preview", "cli"]];

/**
 * The cycles that existed when the rule came (type-only imports count: they tie the modules just the
 * same). A cycle among the modules of one entry is let through; any other cycle fails the lint.
 * Remove an entry when its cycle is broken.
 */
const KNOWN_CYCLES = [
  // The emulator's Excel proxies hand out each other, as Office.js's objects do.
  ["src/preview/emulator/sheetProxies.ts", "src/preview/emulator/rangeProxies.ts", "src/preview/emulator/tableProxies.ts", "src/preview/emulator/charts.ts"],
  // English strings are typed by the Vietnamese keys (type-only).
  ["src/i18n/strings.ts", "src/i18n/stringsEn.ts"],
  // Level messages name the disqualifier type (type-only).
  ["src/domain/levels.ts", "src/domain/messages/engine.ts", "src/domain/messages/names.ts"],
];

/** The rooms of src/layout, each entered through its index.ts; the vocabulary stays at src/layout/. */
const LAYOUT_ROOMS = ["unit", "read", "print", "comparison", "tasks", "province"];

const rooms = LAYOUT_ROOMS.map((room) => ({
  name: `layout-${room}-through-its-index`,
  comment: `src/layout/${room} is entered through its index: from outside the room, import "layout/${room}", never one of its modules`,
  severity: "error",
  from: { path: "^src/", pathNot: `^src/layout/${room}/` },
  to: { path: `^src/layout/${room}/(?!index\\.ts$)` },
}));

const folder = (names) => `^src/(${names.join("|")})/`;

const upward = LAYERS.flatMap((layer, rank) =>
  layer.map((name) => ({
    name: `no-upward-from-${name}`,
    comment: `src/${name} may import only from ${["itself", ...LAYERS.slice(0, rank).flat()].join(", ")}`,
    severity: "error",
    from: { path: folder([name]) },
    to: { path: "^src/", pathNot: folder([name, ...LAYERS.slice(0, rank).flat()]) },
  })),
);

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "domain-imports-nothing",
      comment: "src/domain holds the rules as pure TypeScript: no other folder, no package, no Node module",
      severity: "error",
      from: { path: folder(["domain"]) },
      to: { pathNot: folder(["domain"]) },
    },
    {
      name: "layout-only-domain",
      comment: "src/layout is data over the rules: it imports src/domain and nothing else (no package, no Node module)",
      severity: "error",
      from: { path: folder(["layout"]) },
      to: { pathNot: folder(["layout", "domain"]) },
    },
    ...upward,
    ...rooms,
    {
      name: "src-not-from-tests",
      comment: "the product never imports tests, the bench or scripts",
      severity: "error",
      from: { path: "^src/" },
      to: { path: "^(test|bench|scripts)/" },
    },
    {
      name: "no-circular",
      comment: "a cycle makes the import order matter and the modules one; break it",
      severity: "error",
      from: { path: "^src/" },
      // Flagged when some module of the cycle is outside every known cycle's modules.
      to: { circular: true, via: { pathNot: `^(${KNOWN_CYCLES.flat().map((file) => file.replace(/\./g, "\\.")).join("|")})$` } },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default"] },
  },
};
