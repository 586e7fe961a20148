// Changes to keyed lists as plain data (structured-clone and JSON safe), and how to apply them keeping every
// unchanged item identical: the building blocks of the state delta (state-delta.ts) and the tray's
// in-place menu comparison (sameData).
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
  const sets: string[][] = []
  const setIds = new Map<string, number>()
  const set: number[] = []
  const values: unknown[] = []
  const shape = diffKeyed(prev, next, keyOf, (a, b) => {
    const c = diffFields(a, b) as Record<string, unknown> | null
    if (c === null) return false
    let names = ''
    for (const k in c) {
      names += `${k},`
      values.push(c[k])
    }
    let id = setIds.get(names)
    if (id === undefined) {
      id = sets.push(Object.keys(c)) - 1
      setIds.set(names, id)
    }
    keys.push(keyOf(b))
    set.push(id)
    return true
  })
  return shape === null ? null : { ...shape, changed: { keys, sets, set, values } }
}

/** Applies a patch; unchanged items (and the list itself, for a null patch) keep their identity. */
export function applyList<T, C>(
  base: readonly T[],
  patch: ListPatch<T, readonly C[]> | null,
  keyOf: (t: T) => string,
  changeKey: (c: C) => string,
  applyItem: (t: T, c: C) => T
): readonly T[] {
  if (patch === null) return base
  const changed = patch.changed
  return applyKeyedPatch(base, patch, keyOf, changed.map(changeKey), (t, j) => applyItem(t, changed[j] as C))
}

/** Applies a FieldListPatch: a changed item becomes a copy with the new field values. */
export function applyFieldList<T extends object>(base: readonly T[], patch: FieldListPatch<T> | null, keyOf: (t: T) => string): readonly T[] {
  if (patch === null) return base
  const { keys, sets, set, values } = patch.changed
  // Where each item's values start (the keyed path visits items out of order).
  const start = new Uint32Array(keys.length)
  for (let j = 0, p = 0; j < keys.length; j++) {
    start[j] = p
    p += sets[set[j] ?? -1]?.length ?? 0
  }
  return applyKeyedPatch(base, patch, keyOf, keys, (t, j) => {
    const o = { ...t } as Record<string, unknown>
    let p = start[j] as number
    for (const f of sets[set[j] ?? -1] ?? []) o[f] = values[p++]
    return o as T
  })
}

function applyKeyedPatch<T>(
  base: readonly T[],
  patch: Omit<ListPatch<T, unknown>, 'changed'>,
  keyOf: (t: T) => string,
  changeKeys: readonly string[],
  applyAt: (t: T, j: number) => T
): readonly T[] {
  const removed = patch.removed.length > 0 ? new Set(patch.removed) : null
  // Changes come in the list's order, so one cursor walk matches them (no map of 4,000 keys per
  // poll); changes in any other order take the keyed path.
  const kept = applyInOrder(base, changeKeys, removed, keyOf, applyAt) ?? applyKeyed(base, changeKeys, removed, keyOf, applyAt)
  for (const t of patch.added) kept.push(t)
  if (patch.order === null) return kept
  const byKey = new Map<string, T>()
  for (const t of kept) byKey.set(keyOf(t), t)
  return patch.order.map((k) => {
    const t = byKey.get(k)
    if (t === undefined) throw new Error('state delta orders an item it does not have')
    return t
  })
}

function applyInOrder<T>(
  base: readonly T[],
  changeKeys: readonly string[],
  removed: ReadonlySet<string> | null,
  keyOf: (t: T) => string,
  applyAt: (t: T, j: number) => T
): T[] | null {
  const kept: T[] = []
  let j = 0
  let next = changeKeys[0]
  for (const t of base) {
    const k = keyOf(t)
    if (removed !== null && removed.has(k)) continue
    if (k !== next) {
      kept.push(t)
      continue
    }
    kept.push(applyAt(t, j))
    next = changeKeys[++j]
  }
  return j === changeKeys.length ? kept : null
}

function applyKeyed<T>(
  base: readonly T[],
  changeKeys: readonly string[],
  removed: ReadonlySet<string> | null,
  keyOf: (t: T) => string,
  applyAt: (t: T, j: number) => T
): T[] {
  const changes = new Map<string, number>()
  for (let j = 0; j < changeKeys.length; j++) changes.set(changeKeys[j] as string, j)
  const kept: T[] = []
  let applied = 0
  for (const t of base) {
    const k = keyOf(t)
    if (removed !== null && removed.has(k)) continue
    const j = changes.get(k)
    if (j === undefined) kept.push(t)
    else {
      kept.push(applyAt(t, j))
      applied++
    }
  }
  if (applied !== changes.size) throw new Error('state delta changes an item the base does not have')
  return kept
}
