#!/usr/bin/env node
// `npm run test:mutation-proof`: proves the Electron layer suite can fail. Each mutation removes one
// safeguard from the glue (the confirmation before a destructive menu action, the IPC sender check, the
// notification wiring, the quit clean-up, the SSH pool close, the known_hosts wiring, the macOS focus),
// rebuilds, runs tests/main/glue/electron-layer.test.ts and expects it to FAIL. The sources are restored
// after each one, whatever happens. Not part of `npm test` (a build and a suite run per mutation).
import { spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const root = join(import.meta.dirname, '../..')
/** @type {[string, string, string, string][]} */
const mutations = [
  ['the confirmation before a destructive menu action', 'src/main/glue/tray.ts', 'if (m.confirm && !(await deps.confirm(m.confirm))) return', ''],
  ['the IPC sender check', 'src/main/glue/ipc-register.ts', 'if (!verdict.ok) {', 'if (false) {'],
  ['the notification wiring', 'src/main/index.ts', '  wireMonitorNotifications(core, notifier)\n', ''],
  ['the quit clean-up', 'src/main/index.ts', 'void stopCore(c).finally(() => {', 'void Promise.resolve().finally(() => {'],
  ['the SSH pool close on stop', 'src/main/core/app/create-app-services.ts', '      await ssh.closeAll()\n', ''],
  ['the known_hosts wiring', 'src/main/index.ts', "    sshKnownHostsPath: join(homedir(), '.ssh', 'known_hosts'),\n", ''],
  [
    'the macOS focus before showing the dashboard',
    'src/main/index.ts',
    "...(process.platform === 'darwin' ? { activateApp: () => app.focus({ steal: true }) } : {})",
    ''
  ]
]

/** @param {string[]} args */
const run = (args) => spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } })
const build = () => run([join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'])
let survivors = 0
for (const [what, rel, from, to] of mutations) {
  const file = join(root, rel)
  const original = readFileSync(file, 'utf8')
  if (!original.includes(from)) {
    console.log(`MISSING  ${what}: the code to remove is no longer in ${rel}; update this list`)
    survivors++
    continue
  }
  try {
    writeFileSync(file, original.replace(from, to))
    if (build().status !== 0) throw new Error(`the mutated build failed (${what})`)
    const res = run([join(root, 'node_modules/vitest/vitest.mjs'), 'run', 'tests/main/glue/electron-layer.test.ts'])
    const failed = (res.stdout.match(/^\s+×.*$/gm) ?? []).map((l) => l.trim().replace(/\s+\d+ms.*$/, ''))
    if (res.status === 0) survivors++
    console.log(res.status === 0 ? `SURVIVED ${what}` : `killed   ${what}: ${failed[0] ?? 'suite failed'}`)
  } finally {
    writeFileSync(file, original)
  }
}
build()
console.log(`${mutations.length - survivors} passed, ${survivors} failed`)
process.exit(survivors === 0 ? 0 : 1)
