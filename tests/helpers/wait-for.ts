// Polls until `fn` gives something truthy (errors count as "not yet"); fails with what it waited for
// and the last error seen. Shared by the Electron suites (stand-in and Playwright); plain Node only.
export interface WaitOptions {
  readonly timeoutMs: number
  readonly intervalMs?: number
  readonly what?: string
}

export async function waitFor<T>(fn: () => Promise<T | null | undefined | false> | T | null | undefined | false, o: WaitOptions): Promise<T> {
  const end = Date.now() + o.timeoutMs
  let last: unknown = null
  for (;;) {
    try {
      const v = await fn()
      if (v) return v
    } catch (e) {
      last = e
    }
    if (Date.now() > end)
      throw new Error(`timed out after ${o.timeoutMs} ms${o.what ? ` waiting for ${o.what}` : ''}${last instanceof Error ? `: ${last.message}` : ''}`)
    await new Promise((r) => setTimeout(r, o.intervalMs ?? 50))
  }
}
