// The overview's guests per node: running and unknown counted apart, templates left out, every cluster apart.
import { describe, expect, it } from 'vitest'

import { guestCounts } from '../../src/renderer/src/views/overview/guest-counts'
import type { ClusterSnapshot, GuestState, GuestView } from '../../src/shared/snapshot'

const guest = (vmid: number, node: string, state: GuestState, template = false): GuestView => ({ vmid, node, state, template }) as unknown as GuestView
const cluster = (clusterId: string, guests: GuestView[]): ClusterSnapshot => ({ clusterId, guests }) as unknown as ClusterSnapshot

describe('guestCounts', () => {
  it('counts per cluster and node, running and unknown apart, without templates', () => {
    const counts = guestCounts([
      cluster('a', [
        guest(100, 'pve-a', 'running'),
        guest(101, 'pve-a', 'stopped'),
        guest(102, 'pve-a', 'unknown'),
        guest(900, 'pve-a', 'stopped', true),
        guest(103, 'pve-b', 'running')
      ]),
      cluster('b', [guest(100, 'pve-a', 'paused')])
    ])
    expect(counts.get('a')?.get('pve-a')).toEqual({ total: 3, running: 1, unknown: 1 })
    expect(counts.get('a')?.get('pve-b')).toEqual({ total: 1, running: 1, unknown: 0 })
    expect(counts.get('b')?.get('pve-a')).toEqual({ total: 1, running: 0, unknown: 0 })
    expect(counts.get('a')?.get('pve-c')).toBeUndefined()
  })
})
