// What may be used as a "cluster CA": the cluster's own certificate authority (/etc/pve/pve-root-ca.pem),
// nothing wider. A CA the operating system trusts for the whole web would make "verified against the
// cluster CA" mean "any website's certificate", so it is refused with the way out (pin the fingerprints);
// a server certificate pasted by mistake is refused with the file to paste instead.
import { X509Certificate } from 'node:crypto'
import tls from 'node:tls'

let publicRoots: readonly X509Certificate[] | null = null

/** The roots Node bundles (Mozilla's) and, where Node can read them, the operating system's. */
function webRoots(): readonly X509Certificate[] {
  if (publicRoots !== null) return publicRoots
  const pems = new Set<string>(tls.rootCertificates)
  const getCa = (tls as { getCACertificates?: (type: 'system' | 'bundled') => string[] }).getCACertificates
  if (typeof getCa === 'function') {
    try {
      for (const p of getCa('system')) pems.add(p)
    } catch {
      // No readable system store: the bundled roots still apply.
    }
  }
  const out: X509Certificate[] = []
  for (const p of pems) {
    try {
      out.push(new X509Certificate(p))
    } catch {
      // An unparsable entry in the system store is not ours to judge.
    }
  }
  publicRoots = out
  return out
}

function certificatesIn(pem: string): X509Certificate[] | null {
  const blocks = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g)
  if (blocks === null) return null
  try {
    return blocks.map((b) => new X509Certificate(b))
  } catch {
    return null
  }
}

const nameOf = (c: X509Certificate): string => /CN=([^\n,]+)/.exec(c.subject)?.[1]?.trim() ?? c.subject.split('\n')[0] ?? 'unnamed'

/** Why `caPem` cannot serve as this cluster's CA, in words with what to do; null when it can. */
export function clusterCaProblem(caPem: string): string | null {
  const certs = certificatesIn(caPem)
  if (certs === null || certs.length === 0) {
    return "This is not a PEM certificate. Paste the whole content of /etc/pve/pve-root-ca.pem from a node, or pin the nodes' fingerprints instead."
  }
  const roots = webRoots()
  for (const c of certs) {
    if (!c.ca) {
      return `"${nameOf(c)}" is a server certificate, not a certificate authority. Paste /etc/pve/pve-root-ca.pem (not pve-ssl.pem), or pin the node's fingerprint instead.`
    }
    const publicRoot = roots.find((r) => r.fingerprint256 === c.fingerprint256 || (c.checkIssued(r) && c.verify(r.publicKey)))
    if (publicRoot !== undefined) {
      return (
        `"${nameOf(c)}" is a certificate authority your operating system trusts for the whole web, not your cluster's own CA: ` +
        "as cluster CA it would accept any website's certificate for your nodes. Pin the nodes' certificate fingerprints instead " +
        "(or paste /etc/pve/pve-root-ca.pem if the nodes use Proxmox's own certificates)."
      )
    }
  }
  return null
}
