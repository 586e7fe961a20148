// The SSH module's probe results, parsed from real-looking command output by its own parsers, reshaped
// into the renderer's NodeHealthReport, with the findings that need attention put into words.
import { describe, expect, it } from 'vitest'

import { toNodeHealthView } from '../../../../src/main/core/app/node-health-view'
import type { NodeHealthReport } from '../../../../src/main/core/ssh/node-health'
import {
  parseDfPosix,
  parsePveVersion,
  parseSensorsJson,
  parseSystemctlIsActive,
  parseZpoolList,
  parseZpoolStatusX
} from '../../../../src/main/core/ssh/node-health-parsers'

const ok = <T>(value: T | undefined): { status: 'ok'; value: T } => {
  if (value === undefined) throw new Error('parser returned nothing')
  return { status: 'ok', value }
}
const UNITS = ['pveproxy', 'pvedaemon', 'pve-cluster', 'corosync']

function healthy(): NodeHealthReport {
  return {
    node: 'pve-a',
    collectedAt: new Date(0).toISOString(),
    versions: ok(parsePveVersion('proxmox-ve: 8.2.0 (running kernel: 6.8.4-2-pve)\npve-manager: 8.2.2 (running version: 8.2.2/9355359cd7afbae4)\n')),
    load: ok({ load1: 0.5, load5: 0.25, load15: 0.125 }),
    temperatures: ok(
      parseSensorsJson('{"coretemp-isa-0000":{"Adapter":"ISA adapter","Package id 0":{"temp1_input":45.0,"temp1_max":80.0,"temp1_crit":100.0}}}')
    ),
    zfsPools: ok(parseZpoolList('rpool\tONLINE\t928G\t12.5G\n')),
    zfsStatus: ok(parseZpoolStatusX('all pools are healthy\n')),
    rootDisk: ok(parseDfPosix('Filesystem 1024-blocks Used Available Capacity Mounted on\n/dev/sda1 1000 400 600 40% /\n')),
    services: ok(parseSystemctlIsActive('active\nactive\nactive\nactive\n', UNITS))
  }
}

describe('toNodeHealthView', () => {
  it('maps parsed probe values onto the view; a healthy node has no warnings', () => {
    const v = toNodeHealthView(healthy(), '10.0.0.5', 12.7)
    expect(v).toEqual({
      node: 'pve-a',
      host: '10.0.0.5',
      checkedAt: new Date(0).toISOString(),
      pveversion: {
        ok: true,
        error: null,
        value: {
          proxmoxVe: '8.2.0',
          manager: '8.2.2/9355359cd7afbae4',
          runningKernel: '6.8.4-2-pve',
          packages: [
            { name: 'proxmox-ve', version: '8.2.0' },
            { name: 'pve-manager', version: '8.2.2' }
          ]
        }
      },
      loadavg: { ok: true, error: null, value: [0.5, 0.25, 0.125] },
      temperatures: { ok: true, error: null, value: [{ sensor: 'coretemp-isa-0000 Package id 0', celsius: 45, high: 80, critical: 100 }] },
      zpools: { ok: true, error: null, value: [{ name: 'rpool', health: 'ONLINE', size: '928G', alloc: '12.5G' }] },
      zfsProblems: { ok: true, error: null, value: [] },
      rootfs: { ok: true, error: null, value: { filesystem: '/dev/sda1', total: 1024_000, used: 409_600, usedPercent: 40 } },
      services: { ok: true, error: null, value: UNITS.map((unit) => ({ unit, state: 'active' })) },
      warnings: [],
      durationMs: 13
    })
  })

  it('warns in words about a hot sensor, a degraded pool, a full root and a stopped service', () => {
    const h = healthy()
    const v = toNodeHealthView(
      {
        ...h,
        temperatures: ok(
          parseSensorsJson(
            '{"coretemp-isa-0000":{"Package id 0":{"temp1_input":88.0,"temp1_max":80.0,"temp1_crit":100.0},"Core 0":{"temp2_input":101.0,"temp2_max":80.0,"temp2_crit":100.0}},"k10temp-pci-00c3":{"Tctl":{"temp1_input":95.0}}}'
          )
        ),
        zfsPools: ok(parseZpoolList('rpool\tDEGRADED\t928G\t412G\n')),
        zfsStatus: ok(parseZpoolStatusX('  pool: rpool\n state: DEGRADED\nstatus: One or more devices are faulted.\naction: Replace the faulted device.\n')),
        rootDisk: ok(parseDfPosix('Filesystem 1024-blocks Used Available Capacity Mounted on\n/dev/sda1 1000 950 50 95% /\n')),
        services: ok(parseSystemctlIsActive('inactive\nactive\nactive\nfailed\n', UNITS))
      },
      'pve-c',
      1
    )
    expect(v.warnings).toEqual([
      'coretemp-isa-0000 Package id 0 is at 88 °C, above its high limit of 80 °C.',
      'coretemp-isa-0000 Core 0 is at 101 °C, at or above its critical limit of 100 °C.',
      'ZFS pool rpool is DEGRADED: One or more devices are faulted.',
      'The root file system is 95% full.',
      'pveproxy is inactive: the web interface and the API of this node do not answer.',
      'corosync is failed: this node is not taking part in the cluster membership.'
    ])
    // A sensor without limits (AMD Tctl) is shown, but never judged against a limit nobody reported.
    expect(v.temperatures.value?.find((t) => t.sensor.includes('Tctl'))).toEqual({ sensor: 'k10temp-pci-00c3 Tctl', celsius: 95, high: null, critical: null })
    expect(v.zfsProblems.value).toEqual([
      { pool: 'rpool', state: 'DEGRADED', status: 'One or more devices are faulted.', action: 'Replace the faulted device.' }
    ])
  })

  it('says "not available" for a missing tool, keeps an error reason, and does not warn about what it could not see', () => {
    const health: NodeHealthReport = {
      node: 'pve-a',
      collectedAt: new Date(0).toISOString(),
      versions: { status: 'not-available', reason: 'pveversion is not installed on this node.' },
      load: { status: 'error', reason: 'cat /proc/loadavg failed: Permission denied' },
      temperatures: { status: 'not-available', reason: 'sensors is not installed on this node.' },
      zfsPools: { status: 'not-available', reason: 'ZFS is not in use on this node.' },
      zfsStatus: { status: 'not-available', reason: 'ZFS is not in use on this node.' },
      rootDisk: { status: 'error', reason: 'x'.repeat(1000) },
      services: { status: 'error', reason: 'systemctl is-active pveproxy pvedaemon pve-cluster corosync failed: System has not been booted with systemd' }
    }
    const v = toNodeHealthView(health, 'pve-a', 0)
    expect(v.pveversion).toEqual({ ok: false, value: null, error: 'not available' })
    expect(v.zpools.error).toBe('not available')
    expect(v.loadavg).toEqual({ ok: false, value: null, error: 'cat /proc/loadavg failed: Permission denied' })
    expect(v.rootfs.error).toHaveLength(300)
    expect(v.services.ok).toBe(false)
    expect(v.warnings).toEqual([])
  })
})
