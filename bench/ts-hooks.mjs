// Module hooks that let plain Node (24+) run the benchmarks straight from the TypeScript sources.
// The sources are written for bundlers (extensionless relative imports, JSON without import
// attributes) and a few use non-erasable syntax (parameter properties), so .ts files are transformed,
// not only stripped. bench/run.mjs preloads this file: `node --import ./bench/ts-hooks.mjs bench/x.bench.ts`.
import { readFileSync } from 'node:fs'
import { registerHooks, stripTypeScriptTypes } from 'node:module'
import { fileURLToPath } from 'node:url'

// stripTypeScriptTypes is marked experimental; its one warning is noise in the figures.
process.removeAllListeners('warning')

registerHooks({
  resolve(specifier, context, nextResolve) {
    try {
      return nextResolve(specifier, context)
    } catch (err) {
      if (!specifier.startsWith('.') || /\.[cm]?[jt]s$/.test(specifier)) throw err
      try {
        return nextResolve(`${specifier}.ts`, context)
      } catch {
        return nextResolve(`${specifier}/index.ts`, context)
      }
    }
  },
  load(url, context, nextLoad) {
    if (url.endsWith('.json')) return nextLoad(url, { ...context, importAttributes: { type: 'json' } })
    if (url.startsWith('file:') && url.endsWith('.ts') && !url.includes('/node_modules/')) {
      const source = stripTypeScriptTypes(readFileSync(fileURLToPath(url), 'utf8'), { mode: 'transform', sourceUrl: url })
      return { format: 'module', source, shortCircuit: true }
    }
    return nextLoad(url, context)
  }
})
