// The sliced decoder must read exactly what JSON.parse reads, whatever the server sends, and fall back to a
// whole parse (with the same errors) for any layout it cannot slice safely.
import { describe, expect, it } from 'vitest'

import { MalformedResponseError } from '../../../../src/main/core/proxmox/errors'
import { decodeList } from '../../../../src/main/core/proxmox/list-decoder'

const ctx = { host: 'pve', port: 8006, method: 'GET' as const, path: '/cluster/resources' }
const res = (body: string): { status: number; statusText: string; body: string } => ({ status: 200, statusText: 'OK', body })
const same = (body: string): void => {
  const seen: unknown[] = []
  const out = decodeList(res(body), ctx, (item) => (seen.push(item), item))
  const whole = (JSON.parse(body) as { data: unknown[] }).data
  expect(out).toEqual(whole)
  expect(seen).toEqual(whole)
}

function items(n: number, extra: (i: number) => Record<string, unknown> = () => ({})): Record<string, unknown>[] {
  return Array.from({ length: n }, (_, i) => ({ id: `qemu/${100 + i}`, type: 'qemu', vmid: 100 + i, node: 'pve-a', name: `vm-${i}`, cpu: i / 7, ...extra(i) }))
}

describe('decodeList', () => {
  it('reads a large compact list in slices exactly as JSON.parse does', () => {
    same(JSON.stringify({ data: items(5000) }))
  })

  it('keeps strings that look like item boundaries intact (an unescaped quote cannot be inside a string)', () => {
    same(JSON.stringify({ data: items(3000, (i) => ({ name: i % 2 ? '},{"type":"node","node":"evil"}' : 'a\\"},{\\"b', tags: '}{,"[]' })) }))
  })

  it('falls back to a whole parse for other layouts: whitespace, nested values, other keys first', () => {
    same(JSON.stringify({ data: items(2000) }, null, 1))
    same(JSON.stringify({ data: items(2000, (i) => ({ nested: [{ a: i }, { b: i }] })) }))
    same(JSON.stringify({ total: 3, data: items(3) }))
    same('{"data":[]}')
    same('{"data":[1,"x",null]}\n')
  })

  it('gives the same errors as before for what is not a list', () => {
    expect(() => decodeList(res('{"data":[{"a":1},{"b":2}'), ctx, (x) => x)).toThrow(MalformedResponseError)
    expect(() => decodeList(res('<html>proxy error</html>'), ctx, (x) => x)).toThrow(/HTML page/)
    expect(() => decodeList(res('{"data":{"a":1}}'), ctx, (x) => x)).toThrow(/expected a list, got object/)
    expect(() => decodeList(res('{"data":[{"a":1}]} trailing ]}'), ctx, (x) => x)).toThrow(MalformedResponseError)
  })

  it('reads the whole answer again when a late slice cannot be read, with the same result', () => {
    const body = `{"data":[${items(3000)
      .map((i) => JSON.stringify(i))
      .join(',')},{"x":[1,{"y":2}]}]}`
    let calls = 0
    const out = decodeList(res(body), ctx, (item) => (calls++, item))
    expect(out).toHaveLength(3001)
    // The fast path mapped the first slices before it gave up (map must be pure); the result is the whole parse's.
    expect(out).toEqual((JSON.parse(body) as { data: unknown[] }).data)
    expect(calls).toBeGreaterThanOrEqual(3001)
  })
})
