import { X509Certificate } from 'node:crypto'

import { generate } from 'selfsigned'

/** PEM key + certificate of one TLS identity. */
export interface CertPair {
  readonly key: string
  readonly cert: string
  /** colon-separated upper-case hex SHA-256, as node:tls `fingerprint256` */
  readonly fingerprint256: string
}

const DAY = 24 * 3600 * 1000

// ECDSA P-256 instead of PVE's RSA-2048: generation is milliseconds instead of seconds in pure JS,
// and no client can tell the difference beyond the key type.
export async function createClusterCa(): Promise<CertPair> {
  const now = new Date()
  const res = await generate(
    [
      { name: 'commonName', value: 'Proxmox Virtual Environment' },
      { shortName: 'OU', value: cryptoRandomHexId() },
      { name: 'organizationName', value: 'PVE Cluster Manager CA' }
    ],
    {
      keyType: 'ec',
      curve: 'P-256',
      algorithm: 'sha256',
      notBeforeDate: new Date(now.getTime() - DAY),
      notAfterDate: new Date(now.getTime() + 3650 * DAY),
      extensions: [
        { name: 'basicConstraints', cA: true, critical: true },
        { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true }
      ]
    }
  )
  return { key: res.private, cert: res.cert, fingerprint256: fingerprintOf(res.cert) }
}

/** Node certificate as pve-ssl.pem: signed by the cluster CA, SAN with localhost/127.0.0.1 and the node name. */
export async function createNodeCert(ca: CertPair, node: string, ips: readonly string[] = ['127.0.0.1', '::1']): Promise<CertPair> {
  const now = new Date()
  const res = await generate(
    [
      { name: 'commonName', value: `${node}.sim.invalid` },
      { shortName: 'OU', value: 'PVE Cluster Node' },
      { name: 'organizationName', value: 'Proxmox Virtual Environment' }
    ],
    {
      keyType: 'ec',
      curve: 'P-256',
      algorithm: 'sha256',
      notBeforeDate: new Date(now.getTime() - DAY),
      notAfterDate: new Date(now.getTime() + 700 * DAY),
      ca: { key: ca.key, cert: ca.cert },
      extensions: [
        { name: 'basicConstraints', cA: false },
        { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
        { name: 'extKeyUsage', serverAuth: true },
        {
          name: 'subjectAltName',
          altNames: [
            ...ips.map((ip) => ({ type: 7 as const, ip })),
            ...(ips.includes('127.0.0.1') ? [{ type: 2 as const, value: 'localhost' }] : []),
            { type: 2, value: node },
            { type: 2, value: `${node}.sim.invalid` }
          ]
        }
      ]
    }
  )
  return { key: res.private, cert: res.cert, fingerprint256: fingerprintOf(res.cert) }
}

export function fingerprintOf(certPem: string): string {
  return new X509Certificate(certPem).fingerprint256
}

function cryptoRandomHexId(): string {
  return Array.from(globalThis.crypto.getRandomValues(new Uint8Array(8)), (b) => b.toString(16).padStart(2, '0')).join('')
}
