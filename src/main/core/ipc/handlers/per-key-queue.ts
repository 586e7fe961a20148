// Runs work items with at most `limit` in flight per key (a bulk power run: per node), keys in parallel,
// each key's items in the given order. What has not started yet can be dropped (cancel).

export interface PerKeyRun<T> {
  /** Settles when every started item settled (a failing item never stops the others). */
  readonly done: Promise<void>
  /** Drops every item not started yet and returns them; started ones run on. */
  cancel(): T[]
}

export function runPerKey<T>(
  items: readonly T[],
  keyOf: (item: T) => string,
  limit: number,
  work: (item: T) => Promise<void>,
  signal?: AbortSignal
): PerKeyRun<T> {
  const queues = new Map<string, T[]>()
  for (const item of items) {
    const key = keyOf(item)
    const q = queues.get(key)
    if (q === undefined) queues.set(key, [item])
    else q.push(item)
  }
  const lane = async (q: T[]): Promise<void> => {
    for (let item = q.shift(); item !== undefined; item = q.shift()) {
      if (signal?.aborted === true) return
      try {
        await work(item)
      } catch {
        // The item reports its own failure; the lane goes on with the next.
      }
    }
  }
  const lanes: Promise<void>[] = []
  for (const q of queues.values()) for (let i = 0; i < Math.max(1, limit); i++) lanes.push(lane(q))
  return {
    done: Promise.all(lanes).then(() => undefined),
    cancel: () => [...queues.values()].flatMap((q) => q.splice(0))
  }
}
