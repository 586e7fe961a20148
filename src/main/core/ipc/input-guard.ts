// A cheap bounded walk over a payload before zod sees it: refuses what no channel accepts (deep
// nesting, huge strings, enormous arrays, cycles) so hostile input costs little and cannot hang main.

export interface InputBudget {
  readonly maxDepth: number
  readonly maxNodes: number
  /** Sum of string lengths (keys included). */
  readonly maxChars: number
}

const defaultInputBudget: InputBudget = { maxDepth: 12, maxNodes: 5_000, maxChars: 256 * 1024 }

export function exceedsBudget(value: unknown, budget: InputBudget = defaultInputBudget): string | null {
  let nodes = 0
  let chars = 0
  const seen = new Set<object>()
  const walk = (v: unknown, depth: number): string | null => {
    if (++nodes > budget.maxNodes) return 'too many values'
    if (typeof v === 'string') {
      chars += v.length
      return chars > budget.maxChars ? 'text too long' : null
    }
    if (typeof v !== 'object' || v === null) return null
    if (depth >= budget.maxDepth) return 'nested too deeply'
    if (seen.has(v)) return 'contains a cycle'
    seen.add(v)
    const keys = Array.isArray(v) ? null : Object.keys(v)
    if (Array.isArray(v)) {
      if (v.length > budget.maxNodes) return 'too many values'
      for (const item of v) {
        const r = walk(item, depth + 1)
        if (r !== null) return r
      }
    } else if (keys !== null) {
      for (const k of keys) {
        chars += k.length
        if (chars > budget.maxChars) return 'text too long'
        const r = walk((v as Record<string, unknown>)[k], depth + 1)
        if (r !== null) return r
      }
    }
    seen.delete(v)
    return null
  }
  return walk(value, 0)
}
