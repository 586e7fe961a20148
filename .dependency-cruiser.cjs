// dependency-cruiser: proves src/main/core has no import loop and never imports Electron (npm run lint:cycles).

// Temporary allowlists, to be deleted when the structure branch (issue 19, "One direction of imports") is merged.
// Each cycle is reported from every member; exempting exactly the members of the known cycles keeps any new cycle
// through another file or folder reported.
// known cycle, removed by the structure branch: proxmox/types.ts ⇄ proxmox/api-types.ts
const KNOWN_FILE_CYCLE_MEMBERS = '^src/main/core/proxmox/(api-types|types)[.]ts$'
// known cycle, removed by the structure branch: app ⇄ ipc, app ⇄ ipc/handlers, ipc ⇄ settings, settings ⇄ vault
const KNOWN_FOLDER_CYCLE_MEMBERS = '^src/main/core/(app|ipc|ipc/handlers|settings|vault)$'

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'src/main/core has no import loop between files (issue 19).',
      from: { path: '^src/main/core', pathNot: KNOWN_FILE_CYCLE_MEMBERS },
      to: { circular: true }
    },
    {
      name: 'no-circular-folders',
      severity: 'error',
      comment: 'Nor between folders: app/ may use ipc/ or the reverse, not both (issue 19).',
      scope: 'folder',
      from: { path: '^src/main/core/', pathNot: KNOWN_FOLDER_CYCLE_MEMBERS },
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
