import { describe, expect, it } from 'vitest'

import {
  parseDfPosix,
  parseLoadAvg,
  parsePveVersion,
  parseSensorsJson,
  parseZfsSize,
  parseZpoolList,
  parseZpoolStatusX
} from '../../../../src/main/core/ssh/node-health-parsers'

describe('parsePveVersion', () => {
  it('reads versions, running kernel and running version', () => {
    const text = [
      'proxmox-ve: 8.2.0 (running kernel: 6.8.4-2-pve)',
      'pve-manager: 8.2.2 (running version: 8.2.2/9355359cd7afbae4)',
      'proxmox-kernel-helper: 8.1.0',
      'ceph-fuse: 17.2.7-pve3',
      'openvswitch-switch: not correctly installed',
      'zfsutils-linux: 2.2.3-pve2',
      'garbage line without colon'
    ].join('\n')
    const v = parsePveVersion(text)
    expect(v).toMatchObject({ proxmoxVe: '8.2.0', runningKernel: '6.8.4-2-pve', manager: '8.2.2', runningVersion: '8.2.2/9355359cd7afbae4' })
    expect(v.packages['zfsutils-linux']).toBe('2.2.3-pve2')
    expect(v.packages['openvswitch-switch']).toBe('not correctly installed')
    expect(Object.keys(v.packages)).toHaveLength(6)
    expect(parsePveVersion('').packages).toEqual({})
  })
})

describe('parseLoadAvg', () => {
  it('reads /proc/loadavg and rejects junk', () => {
    expect(parseLoadAvg('0.52 0.58 0.59 1/1014 12345\n')).toEqual({ load1: 0.52, load5: 0.58, load15: 0.59, runnable: 1, total: 1014 })
    expect(parseLoadAvg('1.00 2.00 3.00')).toEqual({ load1: 1, load5: 2, load15: 3 })
    expect(parseLoadAvg('nope')).toBeUndefined()
  })
})

describe('parseDfPosix', () => {
  it('reads the root filesystem line from the right', () => {
    const text = 'Filesystem     1024-blocks     Used Available Capacity Mounted on\n/dev/mapper/pve-root  98497780 12345678  81104456      14% /\n'
    expect(parseDfPosix(text)).toEqual({
      filesystem: '/dev/mapper/pve-root',
      mountedOn: '/',
      totalBytes: 98497780 * 1024,
      usedBytes: 12345678 * 1024,
      availableBytes: 81104456 * 1024,
      usedPercent: 14
    })
    expect(parseDfPosix('Filesystem 512-blocks Used Available Capacity Mounted on\nrpool/ROOT/pve-1 200 100 100 50% /')?.totalBytes).toBe(200 * 512)
    expect(parseDfPosix('header only')).toBeUndefined()
  })
})

describe('zpool parsers', () => {
  it('parses sizes', () => {
    expect(parseZfsSize('928G')).toBe(928 * 1024 ** 3)
    expect(parseZfsSize('1.81T')).toBe(Math.round(1.81 * 1024 ** 4))
    expect(parseZfsSize('12345')).toBe(12345)
    expect(parseZfsSize('-')).toBeUndefined()
  })

  it('parses zpool list -H', () => {
    expect(parseZpoolList('rpool\tONLINE\t928G\t100G\ntank\tDEGRADED\t1.81T\t-\n')).toEqual([
      { name: 'rpool', health: 'ONLINE', size: '928G', alloc: '100G', sizeBytes: 928 * 1024 ** 3, allocBytes: 100 * 1024 ** 3 },
      { name: 'tank', health: 'DEGRADED', size: '1.81T', alloc: '-', sizeBytes: Math.round(1.81 * 1024 ** 4) }
    ])
    expect(parseZpoolList('no pools available\n')).toEqual([])
  })

  it('parses zpool status -x, healthy and not', () => {
    expect(parseZpoolStatusX('all pools are healthy\n')).toEqual({ healthy: true, message: 'all pools are healthy', problems: [] })
    expect(parseZpoolStatusX('no pools available\n').healthy).toBe(true)
    const degraded = [
      '  pool: tank',
      ' state: DEGRADED',
      'status: One or more devices could not be used because the label is missing or',
      '\tinvalid.  Sufficient replicas exist for the pool to continue',
      '\tfunctioning in a degraded state.',
      "action: Replace the device using 'zpool replace'.",
      '   see: https://openzfs.github.io/openzfs-docs/msg/ZFS-8000-4J',
      'config:',
      '',
      '\tNAME        STATE     READ WRITE CKSUM',
      '\ttank        DEGRADED     0     0     0',
      '',
      'errors: No known data errors'
    ].join('\n')
    const s = parseZpoolStatusX(degraded)
    expect(s.healthy).toBe(false)
    expect(s.problems).toHaveLength(1)
    expect(s.problems[0]).toMatchObject({ pool: 'tank', state: 'DEGRADED', action: "Replace the device using 'zpool replace'." })
    expect(s.problems[0]?.status).toBe(
      'One or more devices could not be used because the label is missing or invalid.  Sufficient replicas exist for the pool to continue functioning in a degraded state.'
    )
  })
})

describe('parseSensorsJson', () => {
  const sample = {
    'coretemp-isa-0000': {
      Adapter: 'ISA adapter',
      'Package id 0': { temp1_input: 45.0, temp1_max: 80.0, temp1_crit: 100.0, temp1_crit_alarm: 0 },
      'Core 0': { temp2_input: 42.0, temp2_max: 80.0 }
    },
    'nvme-pci-0100': { Adapter: 'PCI adapter', Composite: { temp1_input: 38.85, temp1_alarm: 0 } },
    'acpi_fan-acpi-0': { Adapter: 'ACPI interface', fan1: { fan1_input: 1200 } }
  }

  it('collects temperature readings with their limits', () => {
    expect(parseSensorsJson(JSON.stringify(sample))).toEqual([
      { chip: 'coretemp-isa-0000', adapter: 'ISA adapter', label: 'Package id 0', celsius: 45, high: 80, critical: 100 },
      { chip: 'coretemp-isa-0000', adapter: 'ISA adapter', label: 'Core 0', celsius: 42, high: 80 },
      { chip: 'nvme-pci-0100', adapter: 'PCI adapter', label: 'Composite', celsius: 38.85 }
    ])
  })

  it('tolerates trailing commas (old lm-sensors) and odd shapes, and rejects non-JSON', () => {
    const sloppy = '{\n "k10temp-pci-00c3":{\n  "Adapter": "PCI adapter",\n  "Tctl":{\n   "temp1_input": 50.125,\n  },\n },\n}\n'
    expect(parseSensorsJson(sloppy)).toEqual([{ chip: 'k10temp-pci-00c3', adapter: 'PCI adapter', label: 'Tctl', celsius: 50.125 }])
    expect(parseSensorsJson('{"chip": 5, "other": {"x": "y"}}')).toEqual([])
    expect(parseSensorsJson('[1,2]')).toBeUndefined()
    expect(parseSensorsJson('No sensors found!')).toBeUndefined()
  })
})
