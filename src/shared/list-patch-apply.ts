// Applying the patches list-patch.ts makes (the renderer's side of the state delta): every unchanged item,
// and an unchanged list itself, keeps its identity, so React skips it.
import type { FieldListPatch, ListPatch } from './list-patch'

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
