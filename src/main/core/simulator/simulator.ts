import { AccessControl } from './acl'
import { BackupBook } from './backup-book'
import { runBackup } from './backups'
import { type CertPair, createClusterCa, createNodeCert } from './certs'
import { ClusterState } from './cluster-state'
import type { ResolvedOptions, SimContext } from './context'
import { demoCluster } from './demo-cluster'
import { FaultBook } from './faults'
import { PveHttpsListener } from './http-server'
import { createDispatcher } from './router'
import { SimSshSide } from './ssh/sim-ssh'
import { TaskRegistry } from './tasks'
import type { SimClusterControl, SimToken, Simulator, SimulatorOptions } from './types'
import type { SimFaults, SimService } from './types-faults'
import { SimUpkeep } from './upkeep-state'

interface NodeEndpoint {
  readonly node: string
  readonly listener: PveHttpsListener
  port: number
  cert: CertPair
  listening: boolean
}

function resolveOptions(o: SimulatorOptions): ResolvedOptions {
  return {
    authDelayMs: o.authDelayMs ?? 3000,
    idleTimeoutMs: o.idleTimeoutMs ?? 5000,
    maxRequestsPerConnection: o.maxRequestsPerConnection ?? 100,
    offlineAfterMs: o.offlineAfterMs ?? 2000,
    rrdGraceMs: o.rrdGraceMs ?? 300_000,
    taskDurationMs: o.taskDurationMs ?? 1500,
    statsIntervalMs: o.statsIntervalMs ?? 10_000,
    proxyTimeoutMs: o.proxyTimeoutMs ?? 30_000,
    errorBodies: o.errorBodies ?? 'message',
    seed: o.seed ?? 1
  }
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const opts = resolveOptions(options)
  const now = (): number => Date.now()
  const spec = options.cluster ?? demoCluster(opts.seed)
  const state = new ClusterState(spec, {
    offlineAfterMs: opts.offlineAfterMs,
    rrdGraceMs: opts.rrdGraceMs,
    statsIntervalMs: opts.statsIntervalMs,
    seed: opts.seed,
    now
  })
  const tasks = new TaskRegistry(now, opts.seed, (node) => state.nodes.get(node)?.bootAt ?? 0)
  for (const t of spec.tasks ?? []) tasks.addHistoric(t)
  const acl = new AccessControl(
    (vmid) => state.guests.get(vmid)?.pool,
    () => state.poolMembers()
  )
  const tokens = {
    admin: acl.add({ id: 'root@pam!pvetray', privsep: false, acls: [{ path: '/', privs: ['Administrator'] }] }),
    auditor: acl.add({ id: 'auditor@pve!monitor', acls: [{ path: '/', privs: ['PVEAuditor'] }] }),
    noPrivs: acl.add({ id: 'nobody@pve!empty', acls: [] }),
    operator: acl.add({
      id: 'operator@pve!ops',
      acls: [
        { path: '/vms', privs: ['PVEVMUser'] },
        { path: '/nodes', privs: ['Sys.Audit'] },
        { path: '/storage', privs: ['Datastore.Audit'] }
      ]
    })
  }

  const ca = await createClusterCa()
  const certs = await Promise.all(spec.nodes.map((n) => createNodeCert(ca, n.name)))
  const endpoints = new Map<string, NodeEndpoint>()
  const backups = new BackupBook(spec.backups, now, (vmid) => state.guests.get(vmid)?.type)
  const upkeep = new SimUpkeep(spec.nodes, (node) => endpoints.get(node)?.cert.cert, ca.cert)
  const ctx: SimContext = { state, tasks, acl, opts, now, backups, fingerprintOf: (node) => endpoints.get(node)?.cert.fingerprint256 ?? '', upkeep }
  const faultBook = new FaultBook()
  const dispatcher = createDispatcher(ctx, faultBook)
  let accepted = 0

  try {
    for (const [i, n] of spec.nodes.entries()) {
      const cert = certs[i] as CertPair
      const listener = new PveHttpsListener(
        opts,
        cert,
        (req) => dispatcher.handle(n.name, req),
        () => accepted++
      )
      const ep: NodeEndpoint = { node: n.name, listener, port: 0, cert, listening: false }
      endpoints.set(n.name, ep)
      ep.port = await listener.listen(0)
      ep.listening = true
    }
  } catch (e) {
    await Promise.all([...endpoints.values()].map((ep) => ep.listener.close()))
    throw e
  }
  let ssh: SimSshSide | null = null
  if (options.ssh !== undefined) {
    try {
      ssh = await SimSshSide.start(state, options.ssh)
    } catch (e) {
      await Promise.all([...endpoints.values()].map((ep) => ep.listener.close()))
      throw e
    }
  }

  const mustEp = (node: string): NodeEndpoint => {
    const ep = endpoints.get(node)
    if (!ep) throw new Error(`unknown node '${node}'`)
    return ep
  }

  // The node's API port: pveproxy listening or not (a node down, or pveproxy stopped).
  const closeApi = async (ep: NodeEndpoint): Promise<void> => {
    if (!ep.listening) return
    ep.listening = false
    await ep.listener.close()
  }
  const openApi = async (ep: NodeEndpoint): Promise<void> => {
    if (ep.listening) return
    await ep.listener.listen(ep.port)
    ep.listening = true
  }

  const faults: SimFaults = {
    async nodeDown(node, mode = 'refuse') {
      const ep = mustEp(node)
      state.markDown(node, mode)
      tasks.freezeNode(node)
      if (mode === 'refuse') await closeApi(ep)
      await ssh?.nodeDown(node, mode)
    },
    async nodeUp(node) {
      const ep = mustEp(node)
      // A stopped pveproxy stays stopped across a node's return (faults.startService brings it back).
      if (!state.mustNode(node).stoppedServices.has('pveproxy')) await openApi(ep)
      state.markUp(node)
      tasks.reviveNode(node)
      await ssh?.nodeUp(node)
    },
    rotateSshHostKey(node) {
      mustEp(node)
      if (ssh === null) throw new Error('rotateSshHostKey: the simulator was started without the ssh option')
      ssh.rotateHostKey(node)
    },
    async stopService(node, service: SimService) {
      const ep = mustEp(node)
      state.mustNode(node).stoppedServices.add(service)
      if (service === 'pveproxy') await closeApi(ep)
    },
    async startService(node, service: SimService) {
      const ep = mustEp(node)
      const n = state.mustNode(node)
      n.stoppedServices.delete(service)
      if (service === 'pveproxy' && n.up) await openApi(ep)
    },
    slow: (ms, match) => faultBook.add({ kind: 'slow', ms, ...(match ? { match } : {}) }),
    serverError: (status, match, message) => {
      if (status < 500 || status > 599) throw new Error('serverError: status must be 5xx')
      return faultBook.add({
        kind: 'serverError',
        status,
        message: message ?? (status === 500 ? 'Internal Server Error' : 'Service Unavailable'),
        ...(match ? { match } : {})
      })
    },
    malformedJson: (match) => faultBook.add({ kind: 'malformedJson', ...(match ? { match } : {}) }),
    truncatedJson: (match) => faultBook.add({ kind: 'truncatedJson', ...(match ? { match } : {}) }),
    async rotateCertificate(node) {
      const targets = node === undefined ? [...endpoints.values()] : [mustEp(node)]
      for (const ep of targets) {
        ep.cert = await createNodeCert(ca, ep.node)
        ep.listener.setCertificate(ep.cert)
      }
    },
    revokeToken: (id) => acl.revoke(id),
    restoreToken: (id) => acl.restore(id),
    dropAfterRequest: (match) => faultBook.add({ kind: 'drop', match }),
    loseQuorum: () => void (state.forcedNoQuorum = true),
    regainQuorum: () => void (state.forcedNoQuorum = false),
    clear: () => faultBook.clear()
  }
  // `systemctl restart pveproxy` over the simulated SSH starts the service like an admin's restart would.
  ssh?.onRestart((node, service) => faults.startService(node, service))

  const cluster: SimClusterControl = {
    guests: () => [...state.guests.values()].map((g) => state.guestView(g)),
    guest: (vmid) => {
      const g = state.guests.get(vmid)
      return g && state.guestView(g)
    },
    updateGuest: (vmid, patch) => state.updateGuest(vmid, patch),
    addGuest: (g) => state.addGuest(g),
    removeGuest: (vmid) => void state.guests.delete(vmid),
    nodes: () => [...state.nodes.values()].map((n) => state.nodeView(n)),
    quorate: () => state.quorate(),
    addToken: (t): SimToken => acl.add(t),
    tasks: () => tasks.all().map((t) => tasks.view(t)),
    ignoreShutdown: (vmid, ignore) => {
      const g = state.guests.get(vmid)
      if (!g) throw new Error(`no guest ${vmid}`)
      g.ignoreShutdown = ignore
    },
    setCeph: (spec) => void (state.ceph = spec === null ? null : { ...spec }),
    runBackup: (vmid, o = {}) => {
      const g = state.guests.get(vmid)
      if (!g) throw new Error(`no guest ${vmid}`)
      const s =
        o.storage === undefined
          ? state.storages.find((x) => x.shared && x.content.split(',').includes('backup'))
          : state.storages.find((x) => x.storage === o.storage)
      if (!s) throw new Error(`no backup storage ${o.storage ?? ''}`)
      return runBackup({ tasks, book: backups, durationMs: opts.taskDurationMs, now }, g, {
        storage: s.storage,
        shared: s.shared,
        ...(o.fail === undefined ? {} : { fail: o.fail })
      })
    },
    setBackupCovered: (vmid, covered) => backups.setCovered(vmid, covered)
  }

  let closed = false
  return {
    get endpoints() {
      return [...endpoints.values()].map((ep) => ({ node: ep.node, host: '127.0.0.1' as const, port: ep.port, fingerprint256: ep.cert.fingerprint256 }))
    },
    get sshEndpoints() {
      return ssh?.endpoints() ?? []
    },
    caPem: ca.cert,
    tokens,
    faults,
    cluster,
    upkeep,
    requests: (filter) => faultBook.requests(filter),
    connectionsAccepted: () => accepted,
    bytesSent: () => [...endpoints.values()].reduce((sum, ep) => sum + ep.listener.bytesSent, 0),
    async close() {
      if (closed) return
      closed = true
      tasks.close()
      await Promise.all([...endpoints.values()].map((ep) => ep.listener.close()))
      await ssh?.close()
    }
  }
}
