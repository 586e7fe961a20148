// FIFO limiter for SSH channels on one connection. OpenSSH allows MaxSessions (default 10) sessions per
// connection; we stay below it and queue the rest in call order.

export type ReleaseSlot = () => void

interface Waiter {
  grant: (release: ReleaseSlot) => void
  fail: (err: unknown) => void
}

export class ChannelQueue {
  #limit: number
  #active = 0
  readonly #waiters: Waiter[] = []
  readonly #onChange: () => void

  constructor(limit: number, onChange: () => void = () => {}) {
    this.#limit = Math.max(1, Math.floor(limit))
    this.#onChange = onChange
  }

  get active(): number {
    return this.#active
  }

  get queued(): number {
    return this.#waiters.length
  }

  get limit(): number {
    return this.#limit
  }

  /** Lowers or restores the number of channels run at once (e.g. after the server refused one). */
  setLimit(limit: number): void {
    this.#limit = Math.max(1, Math.floor(limit))
    this.#drain()
  }

  /** Waits for a slot. `front` puts the caller before everyone queued (a retry keeps its turn). */
  acquire(signal?: AbortSignal, front = false): Promise<ReleaseSlot> {
    if (signal?.aborted) return Promise.reject(signal.reason)
    if (this.#waiters.length === 0 && this.#active < this.#limit) return Promise.resolve(this.#take())
    return new Promise<ReleaseSlot>((resolve, reject) => {
      const onAbort = (): void => {
        const i = this.#waiters.indexOf(waiter)
        if (i !== -1) this.#waiters.splice(i, 1)
        this.#onChange()
        reject(signal?.reason)
      }
      const waiter: Waiter = {
        grant: (release) => {
          signal?.removeEventListener('abort', onAbort)
          resolve(release)
        },
        fail: (err) => {
          signal?.removeEventListener('abort', onAbort)
          reject(err)
        }
      }
      signal?.addEventListener('abort', onAbort, { once: true })
      if (front) this.#waiters.unshift(waiter)
      else this.#waiters.push(waiter)
      this.#drain()
      this.#onChange()
    })
  }

  /** Rejects everyone waiting (pool shutting down). */
  failAll(err: unknown): void {
    const waiters = this.#waiters.splice(0)
    for (const w of waiters) w.fail(err)
    if (waiters.length > 0) this.#onChange()
  }

  #take(): ReleaseSlot {
    this.#active++
    this.#onChange()
    let released = false
    return () => {
      if (released) return
      released = true
      this.#active--
      this.#drain()
      this.#onChange()
    }
  }

  #drain(): void {
    while (this.#active < this.#limit && this.#waiters.length > 0) {
      const next = this.#waiters.shift()
      next?.grant(this.#take())
    }
  }
}
