// Changes to keyed lists as plain data (structured-clone and JSON safe; list-patch-apply.ts applies them):
// the building blocks of the state delta (state-delta.ts) and the tray's in-place menu comparison (sameData).
/** Changes to a list of items that each have a unique key. */
export interface ListPatch<T, C> {
  /** Items the base does not have, whole. */
  readonly added: readonly T[]
  /** Items the base has and that changed: their key plus the changed parts only. */
  readonly changed: C
  readonly removed: readonly string[]
  /** Every key in the new order; null when it is "base minus removed, then added" (the usual case). */
  readonly order: readonly string[] | null
}

/**
 * The changed fields of a list's items, by column: a poll changes cpu/mem/uptime of ~4,000 guests,
 * and one object per guest repeats the same field names 4,000 times (~40% of the bytes) and costs
 * the receiver an object per guest to parse. Item i has key `keys[i]`, changed the fields
 * `sets[set[i]]` (a poll has a few distinct sets), and their new values come next in `values`.
 */
export interface FieldChanges {
  /** Keys of the changed items, in the list's order. */
  readonly keys: readonly string[]
  readonly sets: readonly (readonly string[])[]
  readonly set: readonly number[]
  /** Per item, one value per field of its set, item after item. */
  readonly values: readonly unknown[]
}

/** Changes to a keyed list of plain records: new values of the changed fields only. */
export type FieldListPatch<T> = ListPatch<T, FieldChanges>

/** Structural equality for plain data (no Dates, Maps or classes cross IPC). */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false
    for (let i = 0; i < a.length; i++) if (!sameData(a[i], b[i])) return false
    return true
  }
  if (Array.isArray(b)) return false
  const x = a as Record<string, unknown>
  const y = b as Record<string, unknown>
  let n = 0
  for (const k in x) {
    if (!Object.hasOwn(y, k) || !sameData(x[k], y[k])) return false
    n++
  }
  for (const k in y) if (Object.hasOwn(y, k)) n--
  return n === 0
}

/** The fields of `next` whose value differs from `prev` (skipping `skip`); null when none do. */
export function diffFields<T extends object>(prev: T, next: T, skip?: ReadonlySet<string>): Partial<T> | null {
  if (prev === next) return null
  // Hot path (every field of 5,000 guests per poll): for-in and === first, no per-item allocation.
  const a = prev as Record<string, unknown>
  const b = next as Record<string, unknown>
  let out: Record<string, unknown> | null = null
  for (const k in b) {
    const y = b[k]
    const x = a[k]
    if (x === y || (skip !== undefined && skip.has(k))) continue
    if (typeof y === 'object' && y !== null && sameData(x, y)) continue
    out ??= {}
    out[k] = y
  }
  return out as Partial<T> | null
}

/**
 * The shape of a keyed list's change (added, removed, order); `common(a, b)` sees each kept item
 * (old, new) in the new order and says whether it changed.
 */
function diffKeyed<T>(
  prev: readonly T[],
  next: readonly T[],
  keyOf: (t: T) => string,
  common: (a: T, b: T) => boolean
): Omit<ListPatch<T, never>, 'changed'> | null {
  // The usual poll: the same items in the same places. No index of every key is built for it.
  if (sameKeys(prev, next, keyOf)) {
    let changed = false
    for (let i = 0; i < next.length; i++) {
      const a = prev[i] as T
      const b = next[i] as T
      if (a !== b && common(a, b)) changed = true
    }
    return changed ? { added: [], removed: [], order: null } : null
  }
  const index = new Map<string, number>()
  for (let i = 0; i < prev.length; i++) index.set(keyOf(prev[i] as T), i)
  const seen = new Uint8Array(prev.length)
  const added: T[] = []
  let changed = false
  // The receiver rebuilds "base minus removed, then added" unless told otherwise: that holds while
  // kept items appear in their old relative order and no kept item follows an added one.
  let sameOrder = true
  let lastOld = -1
  for (const t of next) {
    const i = index.get(keyOf(t))
    if (i === undefined) {
      added.push(t)
      continue
    }
    seen[i] = 1
    if (i < lastOld || added.length > 0) sameOrder = false
    lastOld = i
    if (common(prev[i] as T, t)) changed = true
  }
  const removed: string[] = []
  for (let i = 0; i < prev.length; i++) if (seen[i] === 0) removed.push(keyOf(prev[i] as T))
  if (added.length === 0 && !changed && removed.length === 0 && sameOrder) return null
  return { added, removed, order: sameOrder ? null : next.map(keyOf) }
}

function sameKeys<T>(prev: readonly T[], next: readonly T[], keyOf: (t: T) => string): boolean {
  if (prev.length !== next.length) return false
  for (let i = 0; i < next.length; i++) {
    const a = prev[i] as T
    const b = next[i] as T
    if (a !== b && keyOf(a) !== keyOf(b)) return false
  }
  return true
}

export function diffList<T, C>(
  prev: readonly T[],
  next: readonly T[],
  keyOf: (t: T) => string,
  diffItem: (a: T, b: T) => C | null
): ListPatch<T, readonly C[]> | null {
  if (prev === next) return null
  const changed: C[] = []
  const shape = diffKeyed(prev, next, keyOf, (a, b) => {
    const c = diffItem(a, b)
    if (c !== null) changed.push(c)
    return c !== null
  })
  return shape === null ? null : { ...shape, changed }
}

/** A keyed list of plain records: the changed fields as columns (see FieldChanges). */
export function diffFieldList<T extends object>(prev: readonly T[], next: readonly T[], keyOf: (t: T) => string): FieldListPatch<T> | null {
  if (prev === next) return null
  const keys: string[] = []
  const sets = new FieldSets()
  const set: number[] = []
  const values: unknown[] = []
  const shape = diffKeyed(prev, next, keyOf, (a, b) => {
    if (a === b) return false
    // As diffFields, written straight into the columns: no object per changed item.
    const x = a as Record<string, unknown>
    const y = b as Record<string, unknown>
    sets.begin()
    for (const k in y) {
      const v = y[k]
      const w = x[k]
      if (v === w) continue
      if (typeof v === 'object' && v !== null && sameData(w, v)) continue
      values.push(v)
      sets.add(k)
    }
    const id = sets.end()
    if (id < 0) return false
    keys.push(keyOf(b))
    set.push(id)
    return true
  })
  return shape === null ? null : { ...shape, changed: { keys, sets: sets.all, set, values } }
}

/**
 * The distinct lists of changed field names of one diff, each found without building a string per item: a
 * bit per field name gives a list's mask, and a mask's list is checked name by name (for-in order may differ
 * between objects). Past 31 names, or on a mismatch, the names joined are the key.
 */
class FieldSets {
  readonly all: string[][] = []
  readonly #bit = new Map<string, number>()
  readonly #byMask = new Map<number, number>()
  readonly #byNames = new Map<string, number>()
  readonly #names: string[] = []
  #mask = 0
  #wide = false

  begin(): void {
    this.#names.length = 0
    this.#mask = 0
    this.#wide = false
  }

  add(name: string): void {
    this.#names.push(name)
    let bit = this.#bit.get(name)
    if (bit === undefined) {
      bit = this.#bit.size
      this.#bit.set(name, bit)
    }
    if (bit < 31) this.#mask |= 1 << bit
    else this.#wide = true
  }

  /** The id of the list of names added since begin(); -1 for none. */
  end(): number {
    const names = this.#names
    if (names.length === 0) return -1
    if (!this.#wide) {
      const id = this.#byMask.get(this.#mask)
      if (id !== undefined && sameList(this.all[id] as string[], names)) return id
      if (id === undefined) {
        this.#byMask.set(this.#mask, this.all.length)
        return this.all.push(names.slice()) - 1
      }
    }
    const joined = names.join(',')
    let id = this.#byNames.get(joined)
    if (id === undefined) {
      id = this.all.push(names.slice()) - 1
      this.#byNames.set(joined, id)
    }
    return id
  }
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}
