// The node upkeep in words: unknown is said with its reason (never "up to date" or "valid"), "notfound" is a
// neutral line, an expired subscription a quiet warning, a certificate's stage by its days left.
import { describe, expect, it } from 'vitest'

import { certificateFlag, certificateLine, replicationLine, subscriptionLine, updatesCount, updatesLine } from '../../src/renderer/src/views/node/upkeep-words'
import type { NotKnown } from '../../src/shared/upkeep'

const DAY = 86_400_000
const NOW = Date.UTC(2026, 11, 6, 12)
const hidden: NotKnown = { known: false, reason: 'hidden: the API token lacks Sys.Modify on /nodes/pve-a', hidden: true, checkedAt: NOW }
const unknown: NotKnown = { known: false, reason: 'not known: the node did not answer', hidden: false, checkedAt: NOW }
const cert = (days: number) => ({
  known: true as const,
  checkedAt: NOW,
  filename: 'pve-ssl.pem',
  notAfter: NOW + days * DAY,
  subject: null,
  issuer: null,
  fingerprint: null
})
const sub = (status: string, level: string | null = 'c', nextDueDate: string | null = null) => ({
  known: true as const,
  checkedAt: NOW,
  status,
  level,
  nextDueDate,
  productName: null,
  message: null
})

describe('upkeep words', () => {
  it('updates: a count, none, or the reason; the card never says 0 for not known', () => {
    expect(updatesLine({ known: true, checkedAt: NOW, packages: [] })).toEqual({ text: 'No updates waiting (as of the last check).', tone: 'ok' })
    expect(updatesLine({ known: true, checkedAt: NOW, packages: [{ name: 'a', oldVersion: '1', newVersion: '2', origin: null }] }).text).toBe(
      '1 update available.'
    )
    expect(updatesLine(hidden)).toEqual({ text: 'Hidden: the API token lacks Sys.Modify on /nodes/pve-a.', tone: 'muted' })
    expect(updatesCount(unknown)).toBeNull()
    expect(updatesCount(hidden)).toBeNull()
  })

  it('certificate: ok, within 30 days, within 7 days, expired; not known is never "valid"', () => {
    expect(certificateLine(cert(200), NOW)).toEqual({ text: 'pve-ssl.pem expires on 2027-06-24 (in 200 days).', tone: 'ok' })
    expect(certificateLine(cert(12.5), NOW)).toMatchObject({ text: expect.stringContaining('(in 12 days)'), tone: 'warning' })
    expect(certificateLine(cert(0.5), NOW)).toMatchObject({ text: expect.stringContaining('(within a day)'), tone: 'warning' })
    expect(certificateLine(cert(-3), NOW)).toEqual({ text: 'pve-ssl.pem expired on 2026-12-03.', tone: 'error' })
    expect(certificateLine(unknown, NOW)).toEqual({ text: 'Not known: the node did not answer.', tone: 'muted' })
    expect(certificateFlag(cert(200), NOW)).toBeNull()
    expect(certificateFlag(cert(6.2), NOW)).toBe('certificate expires in 6 days')
    expect(certificateFlag(cert(-1), NOW)).toBe('certificate expired')
    expect(certificateFlag(unknown, NOW)).toBeNull()
  })

  it('replication: none, fine, failing', () => {
    const job = (failCount: number) => ({
      id: `10${failCount}-0`,
      guest: 100 + failCount,
      target: 'pve-b',
      lastSync: NOW,
      failCount,
      error: failCount > 0 ? 'x' : null,
      disabled: false
    })
    expect(replicationLine({ known: true, checkedAt: NOW, jobs: [] }).text).toBe('No replication jobs run from this node.')
    expect(replicationLine({ known: true, checkedAt: NOW, jobs: [job(0), job(0)] })).toEqual({ text: '2 replication jobs, none failing.', tone: 'ok' })
    expect(replicationLine({ known: true, checkedAt: NOW, jobs: [job(0), job(2)] })).toEqual({ text: '1 replication job failing of 2.', tone: 'error' })
  })

  it('subscription: notfound neutral, active plain, expired a quiet warning', () => {
    expect(subscriptionLine(sub('notfound', null))).toEqual({ text: 'No subscription key (community use).', tone: 'muted' })
    expect(subscriptionLine(sub('active', 'b', '2027-01-01'))).toEqual({ text: 'Basic subscription, active, next due 2027-01-01.', tone: 'muted' })
    expect(subscriptionLine(sub('expired', 'c', '2026-11-30'))).toEqual({ text: 'Community subscription expired, next due 2026-11-30.', tone: 'warning' })
    expect(subscriptionLine(sub('invalid', null))).toEqual({ text: 'Subscription invalid.', tone: 'warning' })
  })
})
