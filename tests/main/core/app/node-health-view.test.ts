// The SSH module's probe results, parsed from real-looking command output by its own parsers, reshaped
// into the renderer's NodeHealthReport.
import { describe, expect, it } from 'vitest'

import { toNodeHealthView } from '../../../../src/main/core/app/node-health-view'
import type { NodeHealthReport } from '../../../../src/main/core/ssh/node-health'
import { parseDfPosix, parsePveVersion, parseSensorsJson, parseZpoolList } from '../../../../src/main/core/ssh/node-health-parsers'

const ok = <T>(value: T | undefined): { status: 'ok'; value: T } => {
  if (value === undefined) throw new Error('parser returned nothing')
  return { status: 'ok', value }
}

describe('toNodeHealthView', () => {
  it('maps parsed probe values onto the view', () => {
    const health: NodeHealthReport = {
      node: 'pve-a',
      collectedAt: new Date(0).toISOString(),
      versions: ok(parsePveVersion('proxmox-ve: 8.2.0 (running kernel: 6.8.4-2-pve)\npve-manager: 8.2.2 (running version: 8.2.2/9355359cd7afbae4)\n')),
      load: ok({ load1: 0.5, load5: 0.25, load15: 0.125 }),
      temperatures: ok(parseSensorsJson('{"coretemp-isa-0000":{"Adapter":"ISA adapter","Package id 0":{"temp1_input":45.0,"temp1_max":80.0}}}')),
      zfsPools: ok(parseZpoolList('rpool\tONLINE\t928G\t12.5G\n')),
      zfsStatus: { status: 'ok', value: { healthy: true, problems: [] } },
      rootDisk: ok(parseDfPosix('Filesystem 1024-blocks Used Available Capacity Mounted on\n/dev/sda1 1000 400 600 40% /\n'))
    }
    const v = toNodeHealthView(health, '10.0.0.5', 12.7)
    expect(v).toEqual({
      node: 'pve-a',
      host: '10.0.0.5',
      pveversion: { ok: true, error: null, value: [{ name: 'proxmox-ve', version: '8.2.0' }, { name: 'pve-manager', version: '8.2.2' }] },
      loadavg: { ok: true, error: null, value: [0.5, 0.25, 0.125] },
      temperatures: { ok: true, error: null, value: [{ sensor: 'coretemp-isa-0000 Package id 0', celsius: 45 }] },
      zpools: { ok: true, error: null, value: [{ name: 'rpool', health: 'ONLINE', size: '928G', alloc: '12.5G' }] },
      rootfs: { ok: true, error: null, value: { total: 1024_000, used: 409_600 } },
      durationMs: 13
    })
  })

  it('says "not available" for a missing tool and keeps an error reason', () => {
    const health: NodeHealthReport = {
      node: 'pve-a',
      collectedAt: new Date(0).toISOString(),
      versions: { status: 'not-available', reason: 'pveversion is not installed on this node.' },
      load: { status: 'error', reason: 'cat /proc/loadavg failed: Permission denied' },
      temperatures: { status: 'not-available', reason: 'sensors is not installed on this node.' },
      zfsPools: { status: 'not-available', reason: 'ZFS is not in use on this node.' },
      zfsStatus: { status: 'not-available', reason: 'ZFS is not in use on this node.' },
      rootDisk: { status: 'error', reason: 'x'.repeat(1000) }
    }
    const v = toNodeHealthView(health, 'pve-a', 0)
    expect(v.pveversion).toEqual({ ok: false, value: null, error: 'not available' })
    expect(v.zpools.error).toBe('not available')
    expect(v.loadavg).toEqual({ ok: false, value: null, error: 'cat /proc/loadavg failed: Permission denied' })
    expect(v.rootfs.error).toHaveLength(300)
  })
})
