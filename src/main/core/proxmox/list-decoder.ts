/**
 * Decodes a large `{"data":[…]}` answer a slice of items at a time, handing each item to `map` at once.
 *
 * Why: /cluster/resources at 5,000 guests is 1.6 MB of JSON. Parsed whole, its ~10 MB object tree is alive
 * while the young generation fills up, so the garbage collector copies it and promotes it to the old
 * generation on every poll: that was the largest single cost of a poll. Parsed ~64 KB at a time, only one
 * slice's objects are ever alive and they die young; only what `map` keeps (compact records) survives.
 *
 * Slices end at `},{"`, which cannot occur inside a JSON string (an unescaped `"` ends a string), so a slice
 * boundary is always between two items of a list of flat objects. Any other layout (whitespace between
 * items, nested objects in an item, an envelope with other keys first) makes a slice fail to parse: the
 * answer is then decoded whole, exactly as before, with the same errors.
 */
import type { PveRequestContext } from './errors'
import { MalformedResponseError } from './errors'
import type { FlatListScanner } from './flat-list-scanner'
import { parseEnvelope } from './http-errors'
import type { WireResponse } from './transport'

const HEAD = '{"data":['
const SLICE_CHARS = 64 * 1024

function tail(text: string): number {
  let end = text.length
  while (end > 0 && /\s/.test(text[end - 1] ?? '')) end--
  return text.endsWith(']}', end) ? end - 2 : -1
}

function sliced<T>(text: string, map: (item: unknown) => T): T[] | null {
  const end = tail(text)
  if (!text.startsWith(HEAD) || end < HEAD.length) return null
  const out: T[] = []
  let pos = HEAD.length
  if (pos === end) return out
  try {
    while (pos < end) {
      const cut = text.indexOf('},{"', pos + SLICE_CHARS)
      const stop = cut < 0 || cut >= end ? end : cut + 1
      const items: unknown = JSON.parse(`[${text.slice(pos, stop)}]`)
      if (!Array.isArray(items)) return null
      for (const item of items) out.push(map(item))
      pos = stop + 1
    }
  } catch {
    return null
  }
  return out
}

/** The answer's `data` list, each item passed through `map` (which must not throw, and may see an item twice). */
export function decodeList<T>(res: WireResponse, ctx: PveRequestContext, map: (item: unknown) => T): T[] {
  const fast = sliced(res.body, map)
  if (fast !== null) return fast
  const { data } = parseEnvelope(res, ctx)
  if (!Array.isArray(data)) throw new MalformedResponseError(`data: expected a list, got ${data === null ? 'null' : typeof data}`, ctx)
  return data.map(map)
}

/**
 * The same, for an answer fetched as bytes (`wantBytes`): read by `scanner` with nothing made of the text;
 * an answer of another layout is decoded as text by decodeList. `map` must not keep the item it is given.
 */
export async function scanList<T>(res: WireResponse, ctx: PveRequestContext, scanner: FlatListScanner, map: (item: unknown) => T): Promise<T[]> {
  if (res.bytes === undefined) return decodeList(res, ctx, map)
  return (await scanner.scan(res.bytes, map)) ?? decodeList({ ...res, body: res.bytes.toString('utf8') }, ctx, map)
}
