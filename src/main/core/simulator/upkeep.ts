// A node's upkeep as pve-manager answers it: the updates apt already knows of (`GET apt/update` lists the
// cached package status; the simulator, like the app, has no POST that refreshes it), the certificates
// (pve-root-ca.pem and the node's pve-ssl.pem, read from the listener's real certificates, the expiry
// overridable), pvesr's replication job states (only jobs of guests the token may VM.Audit) and the
// subscription (status and message for everyone; level, key and dates only with Sys.Audit on /nodes/<node>).
import { X509Certificate } from 'node:crypto'

import { type ApiHandler, type CallContext, die } from './context'
import type { NodeUpkeepRec } from './upkeep-state'

/** "CN=a\nO=b" (node:crypto) → "/CN=a/O=b" (OpenSSL's one-line form, as PVE::Certificate reports it). */
const oneLine = (name: string): string => `/${name.split('\n').join('/')}`

function certificateInfo(pem: string, filename: string, notAfterSec: number | null): Record<string, unknown> {
  const x = new X509Certificate(pem)
  const san = (x.subjectAltName ?? '')
    .split(', ')
    .filter((s) => s !== '')
    .map((s) => s.replace(/^(DNS|IP Address):/, ''))
  return {
    filename,
    fingerprint: x.fingerprint256,
    subject: oneLine(x.subject),
    issuer: oneLine(x.issuer),
    notbefore: Math.floor(Date.parse(x.validFrom) / 1000),
    notafter: notAfterSec ?? Math.floor(Date.parse(x.validTo) / 1000),
    'public-key-type': x.publicKey.asymmetricKeyType === 'ec' ? 'id-ecPublicKey' : 'rsaEncryption',
    'public-key-bits': x.publicKey.asymmetricKeyType === 'ec' ? 256 : 2048,
    ...(san.length > 0 ? { san } : {}),
    pem
  }
}

const SHOP_URL = 'https://www.proxmox.com/en/proxmox-virtual-environment/pricing'
const LEVEL_NAMES: Record<string, string> = { c: 'Community', b: 'Basic', s: 'Standard', p: 'Premium' }

const upkeepOf = (c: CallContext): NodeUpkeepRec => c.sim.upkeep.of(c.local)

export const upkeepHandlers: Record<string, ApiHandler> = {
  'GET /nodes/{node}/apt/update': (c) => ({
    data: upkeepOf(c).updates.map((u) => ({
      Package: u.package,
      Title: u.title ?? `${u.package} package`,
      Description: u.title ?? `${u.package} package`,
      Origin: u.origin ?? 'Proxmox',
      Priority: 'optional',
      Section: u.section ?? 'admin',
      Arch: 'amd64',
      Version: u.version,
      ...(u.oldVersion === undefined ? {} : { OldVersion: u.oldVersion })
    }))
  }),

  'GET /nodes/{node}/certificates/info': (c) => {
    const pem = c.sim.upkeep.certPem(c.local) ?? die(`unable to read certificate of node '${c.local}'`)
    const days = upkeepOf(c).certificateDaysLeft
    const notAfter = days === null ? null : Math.floor(c.sim.now() / 1000) + Math.round(days * 86_400)
    return { data: [certificateInfo(c.sim.upkeep.caPem, 'pve-root-ca.pem', null), certificateInfo(pem, 'pve-ssl.pem', notAfter)] }
  },

  // PVE::API2::Replication status: job_status() of the jobs whose guest is here, filtered by VM.Audit.
  'GET /nodes/{node}/replication': (c) => {
    const only = c.params.guest === undefined ? undefined : Number(c.params.guest)
    const nowSec = Math.floor(c.sim.now() / 1000)
    const data = upkeepOf(c)
      .replication.filter((j) => only === undefined || j.guest === only)
      .filter((j) => c.sim.acl.has(c.tokenId, `/vms/${j.guest}`, ['VM.Audit']))
      .map((j) => {
        const jobnum = j.jobnum ?? 0
        const lastSync = j.lastSyncAgoSec === undefined ? 0 : nowSec - j.lastSyncAgoSec
        const failing = (j.failCount ?? 0) > 0
        return {
          id: `${j.guest}-${jobnum}`,
          guest: j.guest,
          jobnum,
          type: 'local',
          target: j.target,
          source: c.local,
          schedule: j.schedule ?? '*/15',
          vmtype: c.sim.state.guests.get(j.guest)?.type ?? 'qemu',
          ...(j.disabled === true ? { disable: 1 } : {}),
          last_sync: lastSync,
          last_try: failing ? nowSec - 120 : lastSync,
          duration: 4.2,
          fail_count: j.failCount ?? 0,
          ...(failing && j.error !== undefined ? { error: j.error } : {}),
          next_sync: nowSec + (failing ? 600 : 900)
        }
      })
    return { data }
  },

  'GET /nodes/{node}/subscription': (c) => {
    const s = upkeepOf(c).subscription
    const mayAudit = c.sim.acl.has(c.tokenId, `/nodes/${c.local}`, ['Sys.Audit'])
    if (s.status === 'notfound') return { data: { status: 'notfound', message: 'There is no subscription key', url: SHOP_URL } }
    const message = s.status === 'active' ? '' : `subscription ${s.status}`
    if (!mayAudit) return { data: { status: s.status, message, url: SHOP_URL } }
    const level = s.level ?? 'c'
    return {
      data: {
        status: s.status,
        message,
        url: SHOP_URL,
        level,
        productname: s.productname ?? `Proxmox VE ${LEVEL_NAMES[level] ?? 'Community'} Subscription 1 CPU/year`,
        key: `pve1${level}-0123456789`,
        serverid: '0123456789ABCDEF0123456789ABCDEF',
        sockets: 1,
        checktime: Math.floor(c.sim.now() / 1000) - 3600,
        regdate: '2025-03-31 00:00:00',
        ...(s.nextduedate === undefined ? {} : { nextduedate: s.nextduedate })
      }
    }
  }
}
