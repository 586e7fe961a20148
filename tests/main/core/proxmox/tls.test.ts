import { createServer as createHttpsServer } from 'node:https'
import type { AddressInfo } from 'node:net'

import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import type { PveClusterConfig } from '../../../../src/main/core/proxmox'
import {
  AbortedError,
  fetchCertificate,
  NetworkError,
  PveClient,
  TimeoutError,
  TlsFingerprintMismatchError,
  TlsUntrustedError
} from '../../../../src/main/core/proxmox'
import type { Simulator } from '../../../../src/main/core/simulator'
import { startSimulator } from '../../../../src/main/core/simulator'
import { createClusterCa, createNodeCert } from '../../../../src/main/core/simulator/certs'
import { closedPort, silentTcpServer, testCertificate } from './helpers/test-https-server'

let sim: Simulator
beforeAll(async () => {
  sim = await startSimulator({ authDelayMs: 10 })
})
afterAll(async () => {
  await sim.close()
})

async function withClient<T>(cfg: Partial<PveClusterConfig>, fn: (c: PveClient) => Promise<T>): Promise<T> {
  const c = new PveClient({ id: 't', name: 't', endpoints: [], tokenId: sim.tokens.auditor.id, tokenSecret: sim.tokens.auditor.secret, ...cfg })
  try {
    return await fn(c)
  } finally {
    await c.close()
  }
}

describe('TOFU probe', () => {
  test('fetchCertificate reads the presented certificate without trusting it', async () => {
    const ep = sim.endpoints.find((e) => e.node === 'pve-b')!
    const before = sim.requests().length
    const info = await fetchCertificate(ep.host, ep.port, { timeoutMs: 2000 })
    expect(info.fingerprint256).toBe(ep.fingerprint256)
    expect(info.subject).toContain('pve-b')
    expect(info.issuer).toContain('PVE Cluster Manager CA')
    expect(info.san.some((s) => s.includes('127.0.0.1'))).toBe(true)
    expect(Date.parse(info.validTo)).toBeGreaterThan(Date.parse(info.validFrom))
    expect(info.selfSigned).toBe(false)
    expect(sim.requests().length).toBe(before)
  })

  test('fetchCertificate: refused, timeout and abort are typed errors', async () => {
    await expect(fetchCertificate('127.0.0.1', await closedPort())).rejects.toBeInstanceOf(NetworkError)
    const silent = await silentTcpServer()
    try {
      await expect(fetchCertificate('127.0.0.1', silent.port, { timeoutMs: 150 })).rejects.toBeInstanceOf(TimeoutError)
      const ac = new AbortController()
      setTimeout(() => ac.abort(), 30)
      await expect(fetchCertificate('127.0.0.1', silent.port, { signal: ac.signal })).rejects.toBeInstanceOf(AbortedError)
    } finally {
      await silent.close()
    }
  })
})

describe('trust modes', () => {
  test('no fingerprint and no CA: refused before connecting, with advice to confirm the fingerprint', async () => {
    const ep = sim.endpoints[0]!
    const accepted = sim.connectionsAccepted()
    const err = await withClient({ endpoints: [{ host: ep.host, port: ep.port }] }, (c) => c.version().catch((e: unknown) => e))
    expect(err).toBeInstanceOf(TlsUntrustedError)
    expect(err).toMatchObject({ reason: 'no-trust-configured' })
    expect((err as Error).message).toMatch(/confirm its SHA-256 fingerprint/)
    expect(sim.connectionsAccepted()).toBe(accepted)
  })

  test('cluster CA: verified chain, and the certificate names the IP the endpoint uses', async () => {
    const endpoints = sim.endpoints.map((e) => ({ host: e.host, port: e.port, node: e.node }))
    const v = await withClient({ endpoints, caPem: sim.caPem }, (c) => c.version())
    expect(v.release).toBeTruthy()
  })

  test('cluster CA: a certificate the CA issued for other addresses is refused before anything is sent', async () => {
    const ca = await createClusterCa()
    const other = await createNodeCert(ca, 'elsewhere', ['10.9.9.9'])
    let requests = 0
    const server = createHttpsServer({ key: other.key, cert: other.cert }, (_req, res) => {
      requests++
      res.end('{"data":{"version":"8.2.4","release":"8.2","repoid":"x"}}')
    })
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    const port = (server.address() as AddressInfo).port
    try {
      const err = await withClient({ endpoints: [{ host: '127.0.0.1', port }], caPem: ca.cert }, (c) => c.version().catch((e: unknown) => e))
      expect(err).toBeInstanceOf(TlsUntrustedError)
      expect(err).toMatchObject({ reason: 'name-mismatch' })
      expect((err as Error).message).toMatch(/issued for other names or addresses than 127\.0\.0\.1.*pin the node's fingerprint/)
      expect(requests).toBe(0)
      // The same certificate pinned by fingerprint is accepted (so the refusal above is about the name).
      await expect(withClient({ endpoints: [{ host: '127.0.0.1', port, fingerprint256: other.fingerprint256 }] }, (c) => c.version())).resolves.toBeTruthy()
    } finally {
      await new Promise((r) => server.close(r))
    }
  })

  test('a CA that did not sign the node certificate → TlsUntrustedError, nothing sent', async () => {
    const { cert } = await testCertificate()
    const ep = sim.endpoints[0]!
    const before = sim.requests().length
    const err = await withClient({ endpoints: [{ host: ep.host, port: ep.port }], caPem: cert }, (c) => c.version().catch((e: unknown) => e))
    expect(err).toBeInstanceOf(TlsUntrustedError)
    expect(err).toMatchObject({ reason: 'ca-verification-failed' })
    expect(sim.requests().length).toBe(before)
  })

  test('CA and pin together: both must hold', async () => {
    const ep = sim.endpoints[0]!
    await expect(
      withClient({ endpoints: [{ host: ep.host, port: ep.port, fingerprint256: ep.fingerprint256 }], caPem: sim.caPem }, (c) => c.version())
    ).resolves.toBeTruthy()
    const wrong = ep.fingerprint256.replace(/^../, ep.fingerprint256.startsWith('00') ? '11' : '00')
    await expect(
      withClient({ endpoints: [{ host: ep.host, port: ep.port, fingerprint256: wrong }], caPem: sim.caPem }, (c) => c.version())
    ).rejects.toBeInstanceOf(TlsFingerprintMismatchError)
  })

  test('pins are accepted in lower case without colons', async () => {
    const ep = sim.endpoints[0]!
    const loose = ep.fingerprint256.replace(/:/g, '').toLowerCase()
    await expect(withClient({ endpoints: [{ host: ep.host, port: ep.port, fingerprint256: loose }] }, (c) => c.version())).resolves.toBeTruthy()
    expect(
      () => new PveClient({ id: 'x', name: 'x', endpoints: [{ host: ep.host, port: ep.port, fingerprint256: 'abc' }], tokenId: 'a@pve!t', tokenSecret: 's' })
    ).toThrow(/64 hex digits/)
  })

  test('certificate changed on a pinned node → TlsFingerprintMismatchError with expected and presented', async () => {
    const own = await startSimulator({ authDelayMs: 10 })
    const ep = own.endpoints[0]!
    const c = new PveClient({
      id: 'r',
      name: 'r',
      endpoints: [{ host: ep.host, port: ep.port, fingerprint256: ep.fingerprint256 }],
      tokenId: own.tokens.auditor.id,
      tokenSecret: own.tokens.auditor.secret,
      keepAliveTimeoutMs: 100
    })
    try {
      await c.version()
      await own.faults.rotateCertificate(ep.node)
      await new Promise((r) => setTimeout(r, 1300)) // let the pooled connection (old certificate) expire
      const presented = own.endpoints[0]!.fingerprint256
      expect(presented).not.toBe(ep.fingerprint256)
      const err = await c.version().catch((e: unknown) => e)
      expect(err).toBeInstanceOf(TlsFingerprintMismatchError)
      expect(err).toMatchObject({ expected: ep.fingerprint256, presented })
    } finally {
      await c.close()
      await own.close()
    }
  })
})
