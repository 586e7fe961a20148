/**
 * Trust-on-first-use helper: reads the certificate a server presents WITHOUT trusting it, so the user can compare
 * the fingerprint with the one shown in the node's web UI before it is pinned. No application data is sent.
 */
import { X509Certificate } from 'node:crypto'
import { isIP } from 'node:net'
import tls from 'node:tls'

import { AbortedError, TimeoutError } from './errors'
import { connectError } from './tls-trust'

export interface PveCertificateInfo {
  /** "AB:CD:..." upper-case colon hex, the format endpoints pin */
  fingerprint256: string
  subject: string
  issuer: string
  validFrom: string
  validTo: string
  /** subjectAltName entries, e.g. ["IP Address:10.0.0.1", "DNS:pve1"] */
  san: string[]
  /** issuer == subject: typical for a stand-alone self-signed node */
  selfSigned: boolean
}

export interface FetchCertificateOptions {
  signal?: AbortSignal
  /** Default 10000 */
  timeoutMs?: number
}

export function fetchCertificate(host: string, port = 8006, opts: FetchCertificateOptions = {}): Promise<PveCertificateInfo> {
  const timeoutMs = opts.timeoutMs ?? 10_000
  const ep = { host, port }
  return new Promise((resolve, reject) => {
    if (opts.signal?.aborted === true) {
      reject(new AbortedError({ host, port, cause: opts.signal.reason }))
      return
    }
    const socket = tls.connect({
      host,
      port,
      servername: isIP(host) === 0 ? host : undefined,
      rejectUnauthorized: false // pinned: nothing is sent on this socket; the caller confirms the fingerprint before trusting it
    })
    const finish = (err: Error | null, info?: PveCertificateInfo): void => {
      clearTimeout(timer)
      opts.signal?.removeEventListener('abort', onAbort)
      socket.destroy()
      if (err !== null) reject(err)
      else if (info !== undefined) resolve(info)
    }
    const onAbort = (): void => finish(new AbortedError({ host, port, cause: opts.signal?.reason }))
    const timer = setTimeout(() => finish(new TimeoutError('connect', timeoutMs, { host, port })), timeoutMs)
    opts.signal?.addEventListener('abort', onAbort, { once: true })
    socket.once('error', (err) => finish(connectError(err, ep, timeoutMs)))
    socket.once('secureConnect', () => {
      const raw = socket.getPeerCertificate(false).raw as Buffer | undefined
      if (raw === undefined) {
        finish(new Error(`${host}:${port} presented no certificate.`))
        return
      }
      const cert = new X509Certificate(raw)
      finish(null, {
        fingerprint256: cert.fingerprint256,
        subject: cert.subject.replace(/\n/g, ', '),
        issuer: cert.issuer.replace(/\n/g, ', '),
        validFrom: new Date(cert.validFrom).toISOString(),
        validTo: new Date(cert.validTo).toISOString(),
        san: (cert.subjectAltName ?? '').split(/,\s*/).filter(Boolean),
        selfSigned: cert.issuer === cert.subject
      })
    })
  })
}
