// Failure reasons in plain words: the request (address, method, path, status) split off the core's message.
import { describe, expect, it } from 'vitest'

import { plainReason } from '../../src/renderer/src/lib/plain-reason'

describe('plainReason', () => {
  it("keeps Proxmox's reason of an HTTP error and moves the request into the details", () => {
    const r = plainReason("Proxmox at 127.0.0.1:43531 (POST /nodes/pve-a/qemu/108/status/start) answered 500 storage 'old-nfs' is not online.")
    expect(r.text).toBe("storage 'old-nfs' is not online")
    expect(r.details).toBe('POST /nodes/pve-a/qemu/108/status/start, 127.0.0.1:43531, HTTP 500')
  })

  it('takes the lead-in the core adds (the node) into the details too', () => {
    const r = plainReason(
      'Node pve-a: Proxmox at 127.0.0.1:43727 (POST /nodes/pve-a/qemu/100/status/shutdown) answered 500 VM quit/powerdown failed - got timeout.'
    )
    expect(r).toEqual({
      text: 'VM quit/powerdown failed - got timeout',
      details: 'Node pve-a, POST /nodes/pve-a/qemu/100/status/shutdown, 127.0.0.1:43727, HTTP 500'
    })
  })

  it('says so when Proxmox gave no reason', () => {
    expect(plainReason('Proxmox at pve1:8006 (POST /x) answered 500 (no reason given).').text).toBe(
      'Proxmox answered with an error (HTTP 500) and gave no reason.'
    )
  })

  it('other messages keep their words with "Proxmox" for the address', () => {
    const r = plainReason(
      'Proxmox at [fd00::1]:8006 (POST /nodes/a/qemu/1/status/stop): permission denied (403 Permission check failed (/vms/1, VM.PowerMgmt)).'
    )
    expect(r.text).toBe('Proxmox: permission denied (403 Permission check failed (/vms/1, VM.PowerMgmt)).')
    expect(r.details).toBe('POST /nodes/a/qemu/1/status/stop, [fd00::1]:8006')
  })

  it('leaves a message that names no request alone', () => {
    expect(plainReason('VM is locked (backup)')).toEqual({ text: 'VM is locked (backup)', details: null })
    expect(plainReason('Proxmox task qmstart on node "pve-a" failed: x')).toEqual({ text: 'Proxmox task qmstart on node "pve-a" failed: x', details: null })
  })
})
