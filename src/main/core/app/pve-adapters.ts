// The real PveClient (it is the handlers' ClusterApi as it is) and certificate probe, from the app's settings.
import type { CertificateInfo } from '../../../shared/views'
import type { ApiConfig } from '../clusters/types'
import { fetchCertificate, PveClient } from '../proxmox'
import type { CertificateProbe } from './ports'

export function createPveClient(
  config: ApiConfig,
  opts: { connectTimeoutMs?: number; responseTimeoutMs?: number; logger?: (line: string) => void } = {}
): PveClient {
  return new PveClient(
    {
      id: config.id,
      name: config.name,
      endpoints: config.endpoints.map((e) => ({
        host: e.host,
        port: e.port,
        ...(e.node === null ? {} : { node: e.node }),
        ...(e.fingerprint256 === null ? {} : { fingerprint256: e.fingerprint256 })
      })),
      tokenId: config.tokenId,
      tokenSecret: config.tokenSecret,
      ...(config.caPem === null ? {} : { caPem: config.caPem }),
      ...(opts.connectTimeoutMs === undefined ? {} : { connectTimeoutMs: opts.connectTimeoutMs }),
      ...(opts.responseTimeoutMs === undefined ? {} : { responseTimeoutMs: opts.responseTimeoutMs })
    },
    { ...(opts.logger === undefined ? {} : { logger: opts.logger }) }
  )
}

export const probeCertificateWithTls: CertificateProbe = async (host, port, timeoutMs): Promise<CertificateInfo> => {
  const c = await fetchCertificate(host, port, { timeoutMs })
  return { host, port, fingerprint256: c.fingerprint256, subject: c.subject, issuer: c.issuer, validFrom: c.validFrom, validTo: c.validTo }
}
