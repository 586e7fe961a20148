// The storage table's order: by use (fullest first, or emptiest first), storage without figures last
// either way (its use is unknown, so it is neither full nor empty), and a shared storage once.
import { describe, expect, it } from 'vitest'

import { sortStorageRows, type StorageRowData, storageRows } from '../../src/renderer/src/views/storage/storage-rows'
import type { ClusterSnapshot, StorageView } from '../../src/shared/snapshot'

function storage(name: string, usage: number | null, over: Partial<StorageView> = {}): StorageView {
  const total = usage === null ? null : 1000
  return {
    id: `storage/pve-a/${name}`,
    storage: name,
    node: 'pve-a',
    plugintype: 'dir',
    shared: false,
    status: usage === null ? 'unknown' : 'available',
    content: [],
    used: usage === null ? null : usage * 1000,
    total,
    usage,
    aboveThreshold: false,
    ...over
  }
}

function rows(list: StorageView[]): StorageRowData[] {
  return storageRows({ storage: list } as unknown as ClusterSnapshot, 85)
}

const order = (r: readonly StorageRowData[]): string[] => r.map((x) => x.storage.storage)

describe('sortStorageRows', () => {
  const list = [storage('no-figures-b', null), storage('half', 0.5), storage('no-figures-a', null), storage('full', 0.98), storage('empty', 0.01)]

  it('by use, fullest first: storage without figures comes last, by name', () => {
    expect(order(sortStorageRows(rows(list), 'usage', true))).toEqual(['full', 'half', 'empty', 'no-figures-a', 'no-figures-b'])
  })

  it('by use, emptiest first: storage without figures still comes last (it is not "empty")', () => {
    expect(order(sortStorageRows(rows(list), 'usage', false))).toEqual(['empty', 'half', 'full', 'no-figures-a', 'no-figures-b'])
  })

  it('by name, either way, the figures do not matter', () => {
    expect(order(sortStorageRows(rows(list), 'name', false))).toEqual(['empty', 'full', 'half', 'no-figures-a', 'no-figures-b'])
    expect(order(sortStorageRows(rows(list), 'name', true))).toEqual(['no-figures-b', 'no-figures-a', 'half', 'full', 'empty'])
  })

  it('a shared storage is listed once, with the figures of a node that could reach it', () => {
    const shared = [storage('nfs', null, { shared: true, node: 'pve-a' }), storage('nfs', 0.7, { shared: true, node: 'pve-b' }), storage('local', 0.2)]
    const r = sortStorageRows(rows(shared), 'usage', true)
    expect(order(r)).toEqual(['nfs', 'local'])
    expect(r[0]?.where).toBe('shared')
    expect(r[0]?.storage.usage).toBe(0.7)
  })
})
