// The one "token sees nothing" rule, on payloads shaped like real Proxmox answers.
import { describe, expect, it } from 'vitest'

import { isEmptyView } from '../../../../src/main/core/monitor/empty-view'
import { parseResources } from '../../../../src/main/core/monitor/parse-resources'
import { NODES3, resources } from './fixtures'

// What /cluster/resources gives a privilege-separated token without ACLs: every node, no stats.
const bare = (name: string, status = 'online'): unknown => ({ id: `node/${name}`, node: name, type: 'node', status, level: '' })

describe('isEmptyView', () => {
  it('is true for bare node entries only (no guest, no storage, no node stats)', () => {
    expect(isEmptyView(parseResources([bare('pve-a'), bare('pve-b'), bare('pve-c', 'offline')]))).toBe(true)
  })

  it('is false when no node is online (offline nodes have no stats for anyone: that is "cluster down")', () => {
    expect(isEmptyView(parseResources([bare('pve-a', 'offline'), bare('pve-b', 'unknown')]))).toBe(false)
  })

  it('is true for an empty list too', () => {
    expect(isEmptyView(parseResources([]))).toBe(true)
  })

  it('is false once any node carries stats (Sys.Audit), even without guests or storage', () => {
    expect(isEmptyView(parseResources([...resources([{ name: 'pve-a' }]), bare('pve-b')]))).toBe(false)
  })

  it('is false when a guest or a storage is visible', () => {
    expect(isEmptyView(parseResources([bare('pve-a'), ...resources([], [{ vmid: 100, node: 'pve-a' }])]))).toBe(false)
    expect(isEmptyView(parseResources([bare('pve-a'), ...resources([], [], [{ storage: 'local', node: 'pve-a', used: 1, total: 2 }])]))).toBe(false)
  })

  it('is false for a normal cluster', () => {
    expect(isEmptyView(parseResources(resources(NODES3, [{ vmid: 100, node: 'pve-a' }])))).toBe(false)
  })
})
