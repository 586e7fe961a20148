// Onboarding: look at a server's certificate without trusting it, then test a token against it and
// report, in plain words and per form field, what works and what is missing.
import type { ChannelParsedInput } from '../../../../shared/ipc/contract'
import type { CertificateInfo, ConnectionTestResult, EndpointView } from '../../../../shared/views'
import type { ClusterApi } from '../../clusters/types'
import { AppError } from '../../errors/app-error'
import { isEmptyView } from '../../monitor/empty-view'
import { parseResources } from '../../monitor/parse-resources'
import { clusterCaProblem } from '../../proxmox/cluster-ca'
import { REENTER_TOKEN_SECRET } from '../../settings/bound-secrets'
import type { HandlerContext, HandlerGroup } from '../handler-types'
import { errorCodeOf } from '../map-error'
import { privilegeReport } from '../privilege-report'

type TestInput = ChannelParsedInput<'onboarding:test-connection'>
type OnboardingContext = Pick<HandlerContext, 'settings' | 'probeCertificate' | 'timings' | 'createApi'>

function result(partial: Partial<ConnectionTestResult>): ConnectionTestResult {
  return {
    ok: false,
    version: null,
    certificate: null,
    needsTrust: false,
    privileges: [],
    emptyView: false,
    fieldErrors: {},
    message: null,
    discoveredEndpoints: [],
    ...partial
  }
}

async function probe(ctx: OnboardingContext, host: string, port: number): Promise<CertificateInfo> {
  return ctx.probeCertificate(host, port, ctx.timings.connectTimeoutMs)
}

function fieldErrorsFor(code: string, host: string, port: number): { fieldErrors: Record<string, string>; message: string } {
  switch (code) {
    case 'auth':
      return {
        fieldErrors: { tokenId: 'Proxmox rejected this token ID or secret', tokenSecret: 'Proxmox rejected this token ID or secret' },
        message:
          'Proxmox rejected the token. Check the token ID (user@realm!name) and paste the secret again; the token and its user must exist and not be expired.'
      }
    case 'tls':
      return {
        fieldErrors: { fingerprint: 'The server presented a different certificate' },
        message: `The certificate of ${host}:${port} does not match the pinned fingerprint. If the certificate was renewed on purpose, trust the new one; otherwise do not connect.`
      }
    case 'timeout':
      return {
        fieldErrors: { host: `No answer from ${host}:${port} in time` },
        message: `${host}:${port} did not answer in time. Check the address and that port ${port} is reachable.`
      }
    case 'unreachable':
      return {
        fieldErrors: { host: `Could not connect to ${host}`, port: `Nothing answered on port ${port}` },
        message: `Could not connect to ${host}:${port}. Check the host name or IP, the port (normally 8006) and your network.`
      }
    default:
      return { fieldErrors: {}, message: 'The server answered with an error. Check that this is a Proxmox VE node.' }
  }
}

/**
 * Other nodes' addresses from /cluster/status, offered (never saved silently) only when they answered here
 * with the certificate the cluster reports for them: an address behind NAT, on another VLAN, or presenting
 * another certificate would only cost a timeout (or worse) on every failover.
 */
async function discover(ctx: OnboardingContext, api: ClusterApi, port: number, tested: { host: string; port: number }): Promise<EndpointView[]> {
  const [status, nodes] = await Promise.all([api.clusterStatus().catch(() => []), api.nodes().catch(() => [])])
  const fp = new Map(nodes.map((n) => [n.node, n.ssl_fingerprint?.toUpperCase() ?? null]))
  const candidates: EndpointView[] = []
  for (const r of status) {
    if (r.type !== 'node' || r.ip === undefined) continue
    if (r.ip === tested.host && port === tested.port) continue
    const fingerprint256 = fp.get(r.name) ?? null
    if (fingerprint256 !== null) candidates.push({ host: r.ip, port, node: r.name, fingerprint256 })
  }
  const limit = Math.min(ctx.timings.connectTimeoutMs, 3000)
  const answered = await Promise.all(
    candidates.map(async (e) => {
      const cert = await ctx.probeCertificate(e.host, e.port, limit).catch(() => null)
      return cert !== null && cert.fingerprint256.toUpperCase() === e.fingerprint256 ? e : null
    })
  )
  return answered.filter((e): e is EndpointView => e !== null)
}

async function testConnection(input: TestInput, ctx: OnboardingContext): Promise<ConnectionTestResult> {
  const stored = input.clusterId === undefined ? undefined : ctx.settings.cluster(input.clusterId)
  if (input.clusterId !== undefined && stored === undefined) throw new AppError('not-found', 'This cluster is not configured (it may have been removed).')
  const { host, port } = input.endpoint
  const pinned =
    input.endpoint.fingerprint256 ?? stored?.endpoints.find((e) => e.host.toLowerCase() === host.toLowerCase() && e.port === port)?.fingerprint256 ?? null
  const caPem = input.caPem === undefined ? (stored?.caPem ?? null) : input.caPem
  if (typeof input.caPem === 'string') {
    const problem = clusterCaProblem(input.caPem)
    if (problem !== null) return result({ fieldErrors: { caPem: problem }, message: problem })
  }
  // A stored secret is tested only against an endpoint it was saved for (same token id, pin and CA).
  const storedSecret =
    stored === undefined ? null : ctx.settings.tokenSecretFor(stored.id, { tokenId: input.tokenId, caPem, endpoint: { host, port, fingerprint256: pinned } })
  const secret = input.tokenSecret ?? storedSecret
  if (secret === null) {
    if (stored !== undefined && ctx.settings.tokenSecret(stored.id) !== null) {
      return result({ fieldErrors: { tokenSecret: 'Enter the token secret again for this endpoint' }, message: REENTER_TOKEN_SECRET })
    }
    return result({ fieldErrors: { tokenSecret: 'Paste the token secret' }, message: 'Paste the token secret shown once when the token was created.' })
  }

  if (pinned === null && caPem === null) {
    try {
      const certificate = await probe(ctx, host, port)
      return result({
        certificate,
        needsTrust: true,
        message: 'Compare this fingerprint with the one shown by the node (pvenode cert info) and trust it to continue.'
      })
    } catch (e) {
      return result(fieldErrorsFor(errorCodeOf(e), host, port))
    }
  }

  const api = ctx.createApi({
    id: stored?.id ?? 'onboarding',
    name: 'onboarding',
    endpoints: [{ host, port, node: input.endpoint.node, fingerprint256: pinned }],
    tokenId: input.tokenId,
    tokenSecret: secret,
    caPem
  })
  // The whole test has a deadline of its own, like a poll: a server that answers each call just in time (or
  // trickles) must not leave "Testing…" on screen for minutes. Closing the client cancels what is in flight.
  const deadlineMs = ctx.timings.testConnectionDeadlineMs ?? 30_000
  let timer: NodeJS.Timeout | undefined
  const overran = new Promise<ConnectionTestResult>((resolve) => {
    timer = setTimeout(() => {
      const s = Math.round(deadlineMs / 1000)
      resolve(
        result({
          fieldErrors: { host: `No complete answer from ${host}:${port} within ${s} s` },
          message: `${host}:${port} did not finish answering the test within ${s} s. The node may be overloaded, or something between you and it is slow: check it and test again.`
        })
      )
    }, deadlineMs)
  })
  try {
    return await Promise.race([runTest(ctx, api, stored?.ssh != null, host, port), overran])
  } finally {
    clearTimeout(timer)
    await api.close().catch(() => undefined)
  }
}

async function runTest(ctx: OnboardingContext, api: ClusterApi, sshConfigured: boolean, host: string, port: number): Promise<ConnectionTestResult> {
  let version: string
  try {
    const v = await api.version()
    version = `${v.version}${v.release ? ` (${v.release})` : ''}`
  } catch (e) {
    const code = errorCodeOf(e)
    const certificate = code === 'tls' ? await probe(ctx, host, port).catch(() => null) : null
    return result({ ...fieldErrorsFor(code, host, port), certificate })
  }
  const perms = await api.permissions().catch(() => null)
  const privileges = privilegeReport(perms ?? {}, { configured: sshConfigured })
  const resources = await api.clusterResources().catch(() => null)
  // The monitor's rule, so onboarding and the running app agree on what "sees nothing" means.
  const emptyView = resources !== null && isEmptyView(parseResources(resources))
  const discoveredEndpoints = await discover(ctx, api, port, { host, port })
  const missing = privileges.filter((p) => !p.ok && p.feature !== 'ssh-health')
  const message = emptyView
    ? 'The token works but sees nothing. A privilege-separated token has only the permissions given to the token itself: add an ACL for the token (see the pveum commands).'
    : missing.length === 0
      ? `Connected to Proxmox VE ${version}. Everything the app needs is allowed.`
      : `Connected to Proxmox VE ${version}. Some features are not allowed for this token: ${missing.map((m) => m.label).join(', ')}.`
  return result({ ok: true, version, privileges, emptyView, message, discoveredEndpoints })
}

export const onboardingHandlers: HandlerGroup<'onboarding:probe-certificate' | 'onboarding:test-connection', OnboardingContext> = {
  'onboarding:probe-certificate': async (input, ctx) => {
    try {
      return await probe(ctx, input.host, input.port)
    } catch (e) {
      const { message, fieldErrors } = fieldErrorsFor(errorCodeOf(e), input.host, input.port)
      throw new AppError(errorCodeOf(e), message, { fields: fieldErrors })
    }
  },
  'onboarding:test-connection': testConnection
}
