// The words of the SSH diagnosis, from real `systemctl is-active` output shapes and the pool's error kinds.
import { describe, expect, it } from 'vitest'

import { DIAGNOSIS_ARGV, judgeDiagnosis } from '../../../../src/main/core/app/node-diagnosis'

const AT = 1_700_000_000_000

describe('judgeDiagnosis', () => {
  it('probes the four Proxmox services read-only', () => {
    expect(DIAGNOSIS_ARGV).toEqual(['systemctl', 'is-active', 'pveproxy', 'pvedaemon', 'pve-cluster', 'corosync'])
  })

  it.each(['connect-timeout', 'host-unreachable'])('nothing answering at its address (%s) while the cluster says offline: down', (kind) => {
    const d = judgeDiagnosis('pve-b', { kind: 'ssh-error', errorKind: kind, message: 'pve-b cannot be reached.' }, true, AT)
    expect(d).toEqual({
      node: 'pve-b',
      verdict: 'down',
      summary: 'pve-b is down (no answer on the API nor SSH).',
      services: [],
      reason: 'pve-b cannot be reached.',
      checkedAt: AT
    })
  })

  it('the same while the whole cluster is silent: down, or this computer cannot reach it', () => {
    const d = judgeDiagnosis('pve-b', { kind: 'ssh-error', errorKind: 'connect-timeout', message: 'timed out' }, false, AT)
    expect(d.verdict).toBe('down')
    expect(d.summary).toBe('pve-b answers neither on the API nor over SSH: the node is down, or this computer cannot reach it (network, VPN?).')
  })

  it('a refused connection means something answers: never "down"', () => {
    const d = judgeDiagnosis('pve-b', { kind: 'ssh-error', errorKind: 'connection-refused', message: 'refused' }, true, AT)
    expect(d.verdict).toBe('unknown')
    expect(d.summary).toMatch(/^pve-b refuses SSH and its API does not answer: something answers at its address/)
  })

  it.each(['handshake-failed', 'connection-lost', 'command-timeout'])('a check cut short (%s) is not known, never "down"', (kind) => {
    const d = judgeDiagnosis('pve-b', { kind: 'ssh-error', errorKind: kind, message: 'why' }, true, AT)
    expect(d.verdict).toBe('unknown')
    expect(d.summary).toBe('pve-b accepted SSH but the check did not complete, so whether its services run is not known.')
  })

  it('names the stopped API services when SSH answers (systemctl exits 3 then)', () => {
    const d = judgeDiagnosis('pve-b', { kind: 'answered', stdout: 'inactive\nactive\nactive\nactive\n', code: 3 }, false, AT)
    expect(d.verdict).toBe('ssh-only')
    expect(d.summary).toBe('pve-b answers over SSH but its Proxmox API does not (pveproxy stopped).')
    expect(d.services).toEqual([
      { unit: 'pveproxy', state: 'inactive' },
      { unit: 'pvedaemon', state: 'active' },
      { unit: 'pve-cluster', state: 'active' },
      { unit: 'corosync', state: 'active' }
    ])
    expect(d.reason).toBe('Not running: pveproxy.')
    const both = judgeDiagnosis('pve-b', { kind: 'answered', stdout: 'failed\nactive\ninactive\nactive\n', code: 3 }, false, AT)
    expect(both.summary).toBe('pve-b answers over SSH but its Proxmox API does not (pveproxy and pve-cluster stopped).')
  })

  it('says what it cannot read, and what running services with an offline node suggest', () => {
    const odd = judgeDiagnosis('pve-b', { kind: 'answered', stdout: 'bash: systemctl: command not found\n', code: 127 }, false, AT)
    expect(odd.verdict).toBe('unknown')
    expect(odd.summary).toBe('pve-b answers over SSH, but the states of its Proxmox services could not be read (systemctl exit 127).')
    expect(odd.services).toEqual([])
    const all = 'active\nactive\nactive\nactive\n'
    expect(judgeDiagnosis('pve-b', { kind: 'answered', stdout: all, code: 0 }, true, AT).summary).toMatch(
      /services run, but the cluster reports it offline \(corosync link/
    )
    expect(judgeDiagnosis('pve-b', { kind: 'answered', stdout: all, code: 0 }, false, AT).summary).toMatch(/services run, but its API did not answer/)
  })
})
