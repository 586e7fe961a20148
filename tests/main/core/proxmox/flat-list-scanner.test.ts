// The scanner reads /cluster/resources from bytes without JSON.parse: it must give exactly what JSON.parse gives
// for every answer it accepts, and give up (null: the caller decodes the text the general way) on any other.
import { describe, expect, it } from 'vitest'

import { FlatListScanner } from '../../../../src/main/core/proxmox/flat-list-scanner'

const KEYS = ['type', 'vmid', 'name', 'cpu', 'mem', 'tags', 'template', 'lock']

/** Each item as the scanner lends it, copied out (the record itself is reused). */
async function scanned(body: string | Buffer, keys = KEYS, itemsPerTurn?: number): Promise<Record<string, unknown>[] | null> {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body
  return new FlatListScanner(keys).scan(bytes, (item) => Object.fromEntries(keys.map((k) => [k, item[k]])), itemsPerTurn)
}

/** What JSON.parse of the same text gives, limited to the same keys. */
function parsed(body: string | Buffer, keys = KEYS): Record<string, unknown>[] {
  const text = typeof body === 'string' ? body : body.toString('utf8')
  const { data } = JSON.parse(text) as { data: Record<string, unknown>[] }
  return data.map((item) => Object.fromEntries(keys.map((k) => [k, Object.hasOwn(item, k) ? item[k] : undefined])))
}

async function sameAsJsonParse(body: string | Buffer, itemsPerTurn?: number): Promise<void> {
  const a = await scanned(body, KEYS, itemsPerTurn)
  expect(a).not.toBeNull()
  const b = parsed(body)
  expect(a).toHaveLength(b.length)
  // Object.is: -0 stays -0, as JSON.parse gives it.
  a?.forEach((item, i) =>
    KEYS.forEach((k) => expect(Object.is(item[k], b[i]?.[k]), `${k} of item ${i}: ${String(item[k])} vs ${String(b[i]?.[k])}`).toBe(true))
  )
}

// A small deterministic generator (mulberry32), so a failure names its seed.
function rng(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const NUMBERS = [
  '0',
  '-0',
  '7',
  '-12',
  '0.5',
  '0.012345',
  '1e3',
  '1E-7',
  '-2.5e+10',
  '9007199254740993',
  '123456789012345678901234567890',
  '0.1000000000000000055511151231257827',
  '1e400',
  '5e-324',
  '3.14159265358979'
]
const STRINGS = [
  '"web-01"',
  '""',
  '"a\\"b"',
  '"tab\\there"',
  '"\\u00e9t\\u00e9"',
  '"\\ud83d\\ude00"',
  '"naïve ✓ 🚀"',
  '"x\\\\y\\/z"',
  '"qemu"',
  '"backup;prod,db"'
]
const WS = ['', ' ', '\n', '\t ', '\r\n']

function randomBody(r: () => number): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T
  const ws = (): string => (r() < 0.7 ? '' : pick(WS))
  const value = (): string => {
    const k = r()
    return k < 0.4 ? pick(NUMBERS) : k < 0.8 ? pick(STRINGS) : pick(['true', 'false', 'null'])
  }
  const items = Array.from({ length: Math.floor(r() * 6) }, () => {
    const keys = [...KEYS, 'id', 'other', 'na\u00efve', 'vmid'].filter(() => r() < 0.6)
    return `{${ws()}${keys.map((k) => `${JSON.stringify(k)}${ws()}:${ws()}${value()}`).join(`${ws()},${ws()}`)}${ws()}}`
  })
  return `${ws()}{${ws()}"data"${ws()}:${ws()}[${ws()}${items.join(`${ws()},${ws()}`)}${ws()}]${ws()}}${ws()}`
}

describe('FlatListScanner', () => {
  it('gives what JSON.parse gives: numbers of every form, escapes, non-ASCII, literals, whitespace, repeated keys', async () => {
    await sameAsJsonParse('{"data":[{"type":"qemu","vmid":100,"name":"web","cpu":0.0123,"mem":4294967296,"template":0},{"vmid":101,"vmid":102}]}')
    await sameAsJsonParse('{"data":[]}')
    await sameAsJsonParse(' { "data" : [ { } , { "name" : "a" } ] } \n')
    for (let seed = 1; seed <= 400; seed++) {
      const body = randomBody(rng(seed))
      try {
        // Some in turns of one or two items (the event loop runs between turns).
        await sameAsJsonParse(body, seed % 3 === 0 ? 1 + (seed % 2) : undefined)
      } catch (e) {
        throw new Error(`seed ${seed}: ${body}`, { cause: e })
      }
    }
  })

  it('decodes invalid UTF-8 as the text decoder does (U+FFFD), never as something else', async () => {
    const body = Buffer.concat([Buffer.from('{"data":[{"name":"bad '), Buffer.from([0xff, 0xc3]), Buffer.from('","vmid":1}]}')])
    await sameAsJsonParse(body)
    expect((await scanned(body))?.[0]?.name).toBe('bad \ufffd\ufffd')
  })

  it.each([
    ['a nested object', '{"data":[{"vmid":1,"x":{"a":1}}]}'],
    ['a list value', '{"data":[{"vmid":1,"tags":["a"]}]}'],
    ['another key before data', '{"total":1,"data":[{"vmid":1}]}'],
    ['a key after the list', '{"data":[{"vmid":1}],"total":1}'],
    ['data that is not a list', '{"data":{"vmid":1}}'],
    ['an item that is not an object', '{"data":[1]}'],
    ['a leading zero', '{"data":[{"vmid":01}]}'],
    ['a bare minus', '{"data":[{"vmid":-}]}'],
    ['a dot with no digits', '{"data":[{"cpu":1.}]}'],
    ['an exponent with no digits', '{"data":[{"cpu":1e}]}'],
    ['a raw control character in a string', '{"data":[{"name":"a\tb"}]}'],
    ['an invalid escape', '{"data":[{"name":"a\\qb"}]}'],
    ['a short unicode escape', '{"data":[{"name":"\\u12"}]}'],
    ['an unterminated string', '{"data":[{"name":"abc'],
    ['a missing comma', '{"data":[{"vmid":1 "name":"a"}]}'],
    ['a trailing comma', '{"data":[{"vmid":1},]}'],
    ['text after the answer', '{"data":[]} x'],
    ['a key with an escape (left to JSON.parse)', '{"data":[{"vm\\u0069d":1}]}'],
    ['an HTML error page', '<html><body>502 Bad Gateway</body></html>'],
    ['nothing', '']
  ])('gives up on %s, for the caller to decode the text the general way', async (_what, body) => {
    expect(await scanned(body)).toBeNull()
    expect(await scanned(body, KEYS, 1)).toBeNull()
  })

  it('reads keys it was not asked for only for their syntax, and never takes a "__proto__" key', async () => {
    const scanner = new FlatListScanner(['vmid', '__proto__'])
    const out = await scanner.scan(Buffer.from('{"data":[{"__proto__":"x","constructor":1,"vmid":5}]}'), (item) => ({
      vmid: item.vmid,
      proto: Object.getPrototypeOf(item) as unknown,
      keys: Object.keys(item)
    }))
    expect(out).toEqual([{ vmid: 5, proto: Object.prototype, keys: ['vmid'] }])
  })

  it('lends one record to every item, each field reset between items', async () => {
    const scanner = new FlatListScanner(KEYS)
    const body = Buffer.from('{"data":[{"name":"web-01","lock":"backup"},{"name":"db-01"}]}')
    const records = new Set<unknown>()
    const first = await scanner.scan(body, (item) => (records.add(item), { name: item.name, lock: item.lock }))
    const second = await scanner.scan(Buffer.from(body), (item) => item.name)
    expect(records.size).toBe(1)
    expect(second).toEqual(['web-01', 'db-01'])
    // A field the second item lacks reads as absent, not as the first item's value.
    expect(first).toEqual([
      { name: 'web-01', lock: 'backup' },
      { name: 'db-01', lock: undefined }
    ])
  })

  it('lets the event loop run between turns, and will not read a second answer while one is being read', async () => {
    const scanner = new FlatListScanner(KEYS)
    const body = Buffer.from(`{"data":[${Array.from({ length: 10 }, (_, i) => `{"vmid":${i}}`).join(',')}]}`)
    const seen: string[] = []
    setImmediate(() => seen.push('event loop'))
    const first = scanner.scan(body, (item) => (seen.push(`item ${String(item.vmid)}`), item.vmid), 2)
    expect(await scanner.scan(body, (item) => item.vmid)).toBeNull()
    expect(await first).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9])
    // The first turn read two items, then other work ran.
    expect(seen.indexOf('event loop')).toBe(2)
    expect(await scanner.scan(body, (item) => item.vmid)).toHaveLength(10)
  })
})
