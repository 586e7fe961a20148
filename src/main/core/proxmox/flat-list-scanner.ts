/**
 * Reads a `{"data":[{…},{…}]}` answer whose items are flat objects straight from its bytes, handing each
 * item to the caller as one reused record of the fields it asked for.
 *
 * Why not JSON.parse: /cluster/resources at 5,000 guests is 1.6 MB and is read on every poll. Decoded to a
 * string and parsed, it makes ~10 MB of objects (every key, every value of every item) of which the monitor
 * keeps almost nothing, and collecting them was the largest share of a poll's CPU (issue 16). Here nothing
 * is allocated for a key, a field nobody reads, an integer or a short decimal; a string that was seen before
 * (a node, a name, a status) is the same string object as last time (see StringPool).
 *
 * It accepts exactly JSON's grammar for this layout and gives up (returns null) on anything else: a nested
 * object or list, an envelope with other keys, a syntax error. The caller then decodes the text the general
 * way, with the general way's errors, so an odd or broken answer reads exactly as it did before. Values equal
 * JSON.parse's (numbers: see json-number.ts; strings with escapes or non-ASCII bytes are decoded by
 * JSON.parse or as UTF-8).
 */
import { FAIL, isDigit, scanNumber } from './json-number'
import { sameAscii, StringPool, tableKey } from './string-pool'

const QUOTE = 0x22
const BACKSLASH = 0x5c
const COMMA = 0x2c
const COLON = 0x3a
const OPEN_BRACE = 0x7b
const CLOSE_BRACE = 0x7d
const OPEN_BRACKET = 0x5b
const CLOSE_BRACKET = 0x5d
const MINUS = 0x2d
const DATA_KEY = Buffer.from('"data"')
const EMPTY = Buffer.alloc(0)
// What a byte inside a JSON string is: JSON forbids raw control characters there.
const PLAIN = 0
const END = 1
const ESCAPE = 2
const HIGH = 3
const CONTROL = 4
const STRING_BYTE = Uint8Array.from({ length: 256 }, (_, c) => (c === QUOTE ? END : c === BACKSLASH ? ESCAPE : c < 0x20 ? CONTROL : c >= 0x80 ? HIGH : PLAIN))

function isWs(b: number): boolean {
  return b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09
}

/** The fields one item had, by name; a field the item lacked is undefined. Valid only during the callback. */
export type LentRecord = Readonly<Record<string, unknown>>

interface KeyEntry {
  readonly name: string
  /** Index into the record's slots; -1: a field nobody asked for. */
  readonly slot: number
}
const KEY_TABLE_MAX = 1024

export class FlatListScanner {
  readonly #slotOf: ReadonlyMap<string, number>
  // Values by slot, read through the record's getters: one element store per field, where storing by name
  // into an object would be a keyed store with a different key each time (V8 handles those slowly).
  readonly #slots: unknown[]
  // Numbers apart, unboxed: stored into `#slots` each would be a new heap object on every poll.
  readonly #nums: Float64Array
  readonly #isNum: Uint8Array
  readonly #record: LentRecord
  readonly #keys = new Map<number, KeyEntry>()
  readonly #strings = new StringPool()
  // Per scan: the bytes; of the last token, its value, and for a string its hash and whether it had no escapes.
  #b: Buffer = EMPTY
  #busy = false
  #ended = false
  #value: unknown = undefined
  readonly #number = new Float64Array(1)
  #isNumber = false
  #hash = 0
  #plain = true

  /** `keys`: the fields to hand over; every other field is checked for syntax and skipped. */
  constructor(keys: readonly string[]) {
    const names = [...new Set(keys)].filter((k) => k !== '__proto__')
    this.#slotOf = new Map(names.map((k, i) => [k, i]))
    const slots: unknown[] = names.map(() => undefined)
    const nums = new Float64Array(names.length)
    const isNum = new Uint8Array(names.length)
    this.#slots = slots
    this.#nums = nums
    this.#isNum = isNum
    const record: Record<string, unknown> = {}
    names.forEach((k, i) => Object.defineProperty(record, k, { enumerable: true, get: () => (isNum[i] === 1 ? nums[i] : slots[i]) }))
    this.#record = Object.freeze(record)
  }

  /**
   * Each item through `read` (which must not keep the record); null when the layout is not this one (or this
   * scanner is already reading another answer). Reads `itemsPerTurn` items at a time with the event loop
   * free in between: 20,000 guests are ~50 ms of reading, which in one go would stall the tray and IPC.
   */
  async scan<T>(bytes: Buffer, read: (item: LentRecord) => T, itemsPerTurn = 1500): Promise<T[] | null> {
    if (this.#busy) return null
    this.#busy = true
    this.#b = bytes
    try {
      let i = this.#head()
      if (i === FAIL) return null
      const out: T[] = []
      this.#ended = this.#b[i] === CLOSE_BRACKET
      if (this.#ended) i++
      while (!this.#ended) {
        i = this.#items(i, read, out, itemsPerTurn)
        if (i === FAIL) return null
        if (!this.#ended) await new Promise<void>((resolve) => setImmediate(resolve))
      }
      i = this.#ws(i)
      if (this.#b[i] !== CLOSE_BRACE) return null
      return this.#ws(i + 1) === this.#b.length ? out : null
    } finally {
      this.#busy = false
      this.#b = EMPTY
      this.#value = undefined
      this.#slots.fill(undefined)
      this.#isNum.fill(0)
    }
  }

  /** The key whose bytes are [start, end) and whose hash is #hash. */
  #key(start: number, end: number): KeyEntry {
    // Its own table (not the pool's): a key found is its slot at once, with no second lookup by name.
    const h = tableKey(this.#hash, end - start)
    const hit = this.#keys.get(h)
    if (hit !== undefined && sameAscii(hit.name, this.#b, start, end)) return hit
    const name = this.#b.toString('utf8', start, end)
    const entry = { name, slot: this.#slotOf.get(name) ?? -1 }
    if (this.#keys.size >= KEY_TABLE_MAX) this.#keys.clear()
    this.#keys.set(h, entry)
    return entry
  }

  #ws(i: number): number {
    const b = this.#b
    while (i < b.length && isWs(b[i] as number)) i++
    return i
  }

  /** Just after the envelope's `[` (`{"data":[`), or FAIL. */
  #head(): number {
    const b = this.#b
    let i = this.#ws(0)
    if (b[i] !== OPEN_BRACE) return FAIL
    i = this.#ws(i + 1)
    if (b.compare(DATA_KEY, 0, DATA_KEY.length, i, i + DATA_KEY.length) !== 0) return FAIL
    i = this.#ws(i + DATA_KEY.length)
    if (b[i] !== COLON) return FAIL
    i = this.#ws(i + 1)
    if (b[i] !== OPEN_BRACKET) return FAIL
    return this.#ws(i + 1)
  }

  /** Up to `n` items from b[i] (an item's `{`); sets #ended after the list's `]`. */
  #items<T>(i: number, read: (item: LentRecord) => T, out: T[], n: number): number {
    const b = this.#b
    for (let k = 0; k < n; k++) {
      if (b[i] !== OPEN_BRACE) return FAIL
      i = this.#item(i + 1)
      if (i === FAIL) return FAIL
      out.push(read(this.#record))
      i = this.#ws(i)
      if (b[i] === COMMA) i = this.#ws(i + 1)
      else if (b[i] === CLOSE_BRACKET) {
        this.#ended = true
        return i + 1
      } else return FAIL
    }
    return i
  }

  /** From just after an item's `{` to just after its `}`, filling the slots. */
  #item(i: number): number {
    const b = this.#b
    const slots = this.#slots
    const isNum = this.#isNum
    slots.fill(undefined)
    isNum.fill(0)
    i = this.#ws(i)
    if (b[i] === CLOSE_BRACE) return i + 1
    for (;;) {
      if (b[i] !== QUOTE) return FAIL
      const start = i + 1
      i = this.#string(start, false)
      if (i === FAIL) return FAIL
      // A key written with escapes would need decoding to be matched: rare enough to leave to JSON.parse.
      if (!this.#plain) return FAIL
      const slot = this.#key(start, i - 1).slot
      const wanted = slot >= 0
      i = this.#ws(i)
      if (b[i] !== COLON) return FAIL
      i = this.#ws(i + 1)
      i = this.#scalar(i, wanted)
      if (i === FAIL) return FAIL
      if (wanted && this.#isNumber) {
        this.#nums[slot] = this.#number[0] as number
        isNum[slot] = 1
      } else if (wanted) {
        slots[slot] = this.#value
        isNum[slot] = 0
      }
      i = this.#ws(i)
      if (b[i] === COMMA) i = this.#ws(i + 1)
      else if (b[i] === CLOSE_BRACE) return i + 1
      else return FAIL
    }
  }

  #scalar(i: number, wanted: boolean): number {
    const b = this.#b
    const c = b[i]
    if (c === QUOTE) return this.#string(i + 1, wanted)
    if (c === MINUS || (c !== undefined && isDigit(c))) {
      const end = scanNumber(b, i, wanted, this.#number)
      this.#isNumber = true
      return end
    }
    if (this.#word(i, 'true')) return this.#literal(i + 4, true)
    if (this.#word(i, 'false')) return this.#literal(i + 5, false)
    if (this.#word(i, 'null')) return this.#literal(i + 4, null)
    // A nested object or list, or not JSON: not this layout.
    return FAIL
  }

  #word(i: number, w: string): boolean {
    for (let k = 0; k < w.length; k++) if (this.#b[i + k] !== w.charCodeAt(k)) return false
    return true
  }

  #literal(end: number, v: boolean | null): number {
    this.#value = v
    this.#isNumber = false
    return end
  }

  /** From just after the opening quote to just after the closing one. */
  #string(i: number, wanted: boolean): number {
    const b = this.#b
    const start = i
    let hash = 0x811c9dc5
    let plain = true
    let ascii = true
    for (;;) {
      // The common byte (printable ASCII, not a quote or backslash) costs one table read and the hash step.
      let c = b[i] as number
      while (i < b.length && STRING_BYTE[c] === PLAIN) {
        hash = Math.imul(hash ^ c, 0x01000193)
        c = b[++i] as number
      }
      if (i >= b.length) return FAIL
      const kind = STRING_BYTE[c]
      if (kind === END) break
      if (kind === HIGH) {
        ascii = false
        hash = Math.imul(hash ^ c, 0x01000193)
        i++
      } else if (kind === ESCAPE) {
        plain = false
        const e = b[i + 1]
        if (e === 0x75 /* u */) {
          for (let k = 2; k < 6; k++) if (!isHex(b[i + k])) return FAIL
          i += 6
        } else if (e === QUOTE || e === BACKSLASH || e === 0x2f || e === 0x62 || e === 0x66 || e === 0x6e || e === 0x72 || e === 0x74) i += 2
        else return FAIL
      } else return FAIL
    }
    this.#hash = hash
    this.#plain = plain
    this.#isNumber = false
    if (wanted) {
      if (!plain) this.#value = JSON.parse(b.toString('utf8', start - 1, i + 1)) as string
      else if (!ascii) this.#value = b.toString('utf8', start, i)
      else this.#value = this.#strings.get(b, start, i, hash)
    }
    return i + 1
  }
}

function isHex(c: number | undefined): boolean {
  return c !== undefined && (isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66))
}
