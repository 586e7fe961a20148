/**
 * A node's upkeep reads, all plain GETs that change nothing (the app never POSTs /apt/update, which would refresh
 * the package index): `/nodes/{node}/apt/update` (the updates apt already knows of; Sys.Modify on
 * /nodes/{node}), `/nodes/{node}/certificates/info`, `/nodes/{node}/replication` (the jobs of guests the token
 * may VM.Audit) and `/nodes/{node}/subscription`. The overall shape and the fields a judgement rests on are
 * strict (a malformed answer is an error, never "no updates" or "valid"); the rest is read leniently.
 */
import { z } from 'zod'

import { bool, num, optNum, optStr } from './schemas'

const text = (max: number) => z.string().max(max)
const optText = (max: number) =>
  z
    .union([z.string(), z.number().transform(String)])
    .nullish()
    .transform((v) => (v === undefined || v === null || v === '' ? null : v.slice(0, max)))

/** A node has a few hundred packages at most; an answer longer than this is not a package list. */
const MAX_PACKAGES = 5000
const MAX_JOBS = 2000

export interface PvePackageUpdate {
  readonly name: string
  readonly oldVersion: string | null
  readonly newVersion: string
  readonly origin: string | null
}

export const aptUpdatesSchema = z
  .array(
    z.object({
      Package: text(200).min(1),
      Version: text(200).min(1),
      OldVersion: optText(200),
      Origin: optText(200)
    })
  )
  .max(MAX_PACKAGES)
  .transform((items): PvePackageUpdate[] => items.map((p) => ({ name: p.Package, newVersion: p.Version, oldVersion: p.OldVersion, origin: p.Origin })))

export interface PveNodeCertificate {
  readonly filename: string
  /** Epoch ms. */
  readonly notAfter: number
  readonly subject: string | null
  readonly issuer: string | null
  readonly fingerprint: string | null
}

const certificateItem = z.object({
  filename: optText(200),
  notafter: optNum,
  subject: optText(1000),
  issuer: optText(1000),
  fingerprint: optText(200)
})

/**
 * The certificate pveproxy presents: pveproxy-ssl.pem (a custom or ACME one) when the node has it, else
 * pve-ssl.pem. The cluster CA (pve-root-ca.pem) is listed too, but is not what a browser or this app meets.
 * Null when the node lists neither with an expiry.
 */
export const nodeCertificatesSchema = z
  .array(certificateItem)
  .max(50)
  .transform((items): PveNodeCertificate | null => {
    const served = items.find((c) => c.filename === 'pveproxy-ssl.pem') ?? items.find((c) => c.filename === 'pve-ssl.pem')
    if (served === undefined || served.notafter === undefined || served.filename === null) return null
    return { filename: served.filename, notAfter: served.notafter * 1000, subject: served.subject, issuer: served.issuer, fingerprint: served.fingerprint }
  })

export interface PveReplicationJob {
  readonly id: string
  readonly guest: number | null
  readonly target: string | null
  readonly lastSync: number | null
  readonly failCount: number
  readonly error: string | null
  readonly disabled: boolean
}

export const replicationStatusSchema = z
  .array(
    z.object({
      id: text(64).min(1),
      guest: optNum,
      target: optStr,
      last_sync: optNum,
      fail_count: num.nullish(),
      error: optText(2000),
      disable: bool.nullish()
    })
  )
  .max(MAX_JOBS)
  .transform((items): PveReplicationJob[] =>
    items.map((j) => ({
      id: j.id,
      guest: j.guest ?? null,
      target: j.target ?? null,
      // 0 is pvesr's "never synced".
      lastSync: j.last_sync === undefined || j.last_sync === 0 ? null : j.last_sync * 1000,
      failCount: j.fail_count ?? 0,
      error: j.error,
      disabled: j.disable ?? false
    }))
  )

export interface PveSubscription {
  readonly status: string
  readonly level: string | null
  readonly productName: string | null
  readonly nextDueDate: string | null
  readonly message: string | null
}

export const subscriptionSchema = z
  .object({
    // PVE 6 said "NotFound"/"Active"; the schema's enum is lower case.
    status: text(40)
      .min(1)
      .transform((s) => s.toLowerCase()),
    level: optText(40),
    productname: optText(200),
    nextduedate: optText(40),
    message: optText(500)
  })
  .transform((s): PveSubscription => ({ status: s.status, level: s.level, productName: s.productname, nextDueDate: s.nextduedate, message: s.message }))

/** The reads by name: their path under /nodes/{node} and their schema. */
export const NODE_UPKEEP_READS = {
  updates: { path: 'apt/update', schema: aptUpdatesSchema },
  certificate: { path: 'certificates/info', schema: nodeCertificatesSchema },
  replication: { path: 'replication', schema: replicationStatusSchema },
  subscription: { path: 'subscription', schema: subscriptionSchema }
} as const

export type NodeUpkeepRead = keyof typeof NODE_UPKEEP_READS
export type NodeUpkeepAnswer<K extends NodeUpkeepRead> = z.output<(typeof NODE_UPKEEP_READS)[K]['schema']>
