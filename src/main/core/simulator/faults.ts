import type { SimFaultHandle, SimRequestMatch, SimRequestRecord } from './types-faults'

export type FaultRule =
  | { kind: 'slow'; ms: number; match?: SimRequestMatch }
  | { kind: 'serverError'; status: number; message: string; match?: SimRequestMatch }
  | { kind: 'malformedJson'; match?: SimRequestMatch }
  | { kind: 'truncatedJson'; match?: SimRequestMatch }
  | { kind: 'drop'; match: SimRequestMatch }

export function matches(m: SimRequestMatch | undefined, method: string, path: string): boolean {
  if (m === undefined) return true
  if (m instanceof RegExp) {
    m.lastIndex = 0
    return m.test(`${method} ${path}`)
  }
  if (typeof m === 'function') return m({ method, path })
  if (m.method !== undefined && m.method.toUpperCase() !== method) return false
  if (m.path === undefined) return true
  if (typeof m.path === 'string') return path === m.path || path === `/api2/json${m.path}`
  m.path.lastIndex = 0
  return m.path.test(path)
}

/** Active fault rules plus the request log tests count against. */
export class FaultBook {
  private rules: FaultRule[] = []
  readonly log: SimRequestRecord[] = []

  add(rule: FaultRule): SimFaultHandle {
    this.rules.push(rule)
    return { remove: () => void (this.rules = this.rules.filter((r) => r !== rule)) }
  }

  find<K extends FaultRule['kind']>(kind: K, method: string, path: string): Extract<FaultRule, { kind: K }> | undefined {
    return this.rules.find((r): r is Extract<FaultRule, { kind: K }> => r.kind === kind && matches(r.match, method, path))
  }

  clear(): void {
    this.rules = []
  }

  record(rec: SimRequestRecord): SimRequestRecord {
    this.log.push(rec)
    // keep memory bounded in long-running demo mode
    if (this.log.length > 20_000) this.log.splice(0, 10_000)
    return rec
  }

  requests(filter?: SimRequestMatch): SimRequestRecord[] {
    return this.log.filter((r) => matches(filter, r.method, r.path))
  }
}
