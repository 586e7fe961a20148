/**
 * The strings of a list that repeats on every poll (node names, guest names, statuses, tags), made once:
 * a string read again from new bytes is the very string object of the poll before, so a poll allocates no
 * string that did not change, and comparing it with the last poll's value is a pointer compare.
 *
 * Keyed by a hash the scanner computes while it reads the bytes anyway, each hit checked character by
 * character (a collision just replaces the entry). ASCII only: the scanner decodes other strings itself.
 * Bounded: past MAX entries (a list far larger than any cluster's), it starts over.
 */
const MAX = 65_536

export class StringPool {
  readonly #byHash = new Map<number, string>()

  /** The string of bytes[start, end), all below 0x80, whose hash the caller computed. */
  get(bytes: Buffer, start: number, end: number, hash: number): string {
    const key = tableKey(hash, end - start)
    const hit = this.#byHash.get(key)
    if (hit !== undefined && sameAscii(hit, bytes, start, end)) return hit
    const s = bytes.toString('latin1', start, end)
    if (this.#byHash.size >= MAX) this.#byHash.clear()
    this.#byHash.set(key, s)
    return s
  }
}

/** A table key from a string's byte hash and its length (the scanner's key table uses it too). */
export function tableKey(hash: number, length: number): number {
  return (hash ^ Math.imul(length, 0x9e3779b1)) | 0
}

/** Whether the ASCII string `s` is bytes[start, end). */
export function sameAscii(s: string, bytes: Buffer, start: number, end: number): boolean {
  if (s.length !== end - start) return false
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) !== bytes[start + i]) return false
  return true
}
