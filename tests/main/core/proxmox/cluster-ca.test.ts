// Only a cluster's own CA may be a "cluster CA": a CA the OS trusts for the web is refused (it would accept any
// website's certificate), and so is a server certificate pasted by mistake, each with what to do instead.
import { rootCertificates } from 'node:tls'

import { describe, expect, it } from 'vitest'

import { clusterCaProblem } from '../../../../src/main/core/proxmox/cluster-ca'
import { createClusterCa, createNodeCert } from '../../../../src/main/core/simulator/certs'

describe('clusterCaProblem', () => {
  it("accepts a cluster's own CA (pve-root-ca.pem)", async () => {
    const ca = await createClusterCa()
    expect(clusterCaProblem(ca.cert)).toBeNull()
  })

  it('refuses a public web root, with the way out', () => {
    const root = rootCertificates[0] ?? ''
    const problem = clusterCaProblem(root)
    expect(problem).toMatch(/trusts for the whole web.*Pin the nodes' certificate fingerprints instead/)
    // Also when it comes after the cluster's own CA in one paste.
    expect(clusterCaProblem(`${root}\n${rootCertificates[1] ?? ''}`)).toMatch(/whole web/)
  })

  it('refuses a server certificate and text that is no certificate', async () => {
    const ca = await createClusterCa()
    const node = await createNodeCert(ca, 'pve-a')
    expect(clusterCaProblem(node.cert)).toMatch(/server certificate, not a certificate authority.*pve-root-ca\.pem/)
    expect(clusterCaProblem('hello')).toMatch(/not a PEM certificate/)
    expect(clusterCaProblem('-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----')).toMatch(/not a PEM certificate/)
  })
})
