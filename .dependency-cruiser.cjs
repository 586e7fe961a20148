// dependency-cruiser: proves src/main/core has no import loop and never imports Electron (npm run lint:cycles).

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'src/main/core has no import loop between files (issue 19).',
      from: { path: '^src/main/core' },
      to: { circular: true }
    },
    {
      name: 'no-circular-folders',
      severity: 'error',
      comment: 'Nor between folders: app/ may use ipc/ or the reverse, not both (issue 19).',
      scope: 'folder',
      from: { path: '^src/main/core/' },
      to: { circular: true }
    },
    {
      name: 'core-without-electron',
      severity: 'error',
      comment: 'src/main/core and src/shared run under plain Node: Electron calls live in src/main/glue (ESLint says the same).',
      from: { path: '^src/(main/core|shared)/' },
      to: { path: '^node_modules/(electron|electron-store)/' }
    }
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.node.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] }
  }
}
