import { AppError } from '../../errors/app-error'
import { storedPin } from '../../settings/stored-pin'
import type { HandlerContext, HandlerGroup } from '../handler-types'
import { runtimeCluster } from './lookup'

type SshChannel =
  | 'nodes:health'
  | 'nodes:diagnose'
  | 'nodes:restart-pveproxy'
  | 'ssh:trust-host-key'
  | 'ssh:state'
  | 'ssh:forget-host-key'
  | 'ssh:test'
  | 'ssh:known-hosts'
  | 'ssh:import-known-host'

type SshContext = Pick<HandlerContext, 'settings' | 'clusters' | 'ssh' | 'nodeDiagnosis'>

/** The nodes a cluster's SSH settings are about: those it reports now, those its endpoints name, and overrides. */
function nodesOf(ctx: Pick<SshContext, 'settings' | 'clusters'>, clusterId: string): string[] {
  const stored = ctx.settings.cluster(clusterId)
  if (stored === undefined) throw new AppError('not-found', 'Known hosts can only be read for a configured cluster.')
  const live = ctx.clusters.snapshot(clusterId)?.nodes.map((n) => n.name) ?? []
  const named = stored.endpoints.flatMap((e) => (e.node === null || e.node === undefined ? [] : [e.node]))
  return [...new Set([...live, ...named, ...Object.keys(stored.ssh?.hostOverrides ?? {})])]
}

export const sshHandlers: HandlerGroup<SshChannel, SshContext> = {
  // SSH failures (unknown or changed host key, login refused, node unreachable) reach the renderer as
  // ssh-unknown-host / ssh-host-key-changed / ssh-auth / unreachable through ipc/map-ssh-error.
  'nodes:health': async (input, ctx) => {
    runtimeCluster(ctx, input.clusterId)
    return ctx.ssh.nodeHealth(input.clusterId, input.node)
  },

  'nodes:diagnose': async (input, ctx) => {
    const cluster = runtimeCluster(ctx, input.clusterId)
    if (ctx.clusters.snapshot(input.clusterId)?.nodes.some((n) => n.name === input.node) !== true) {
      throw new AppError('not-found', `${input.node} is not a node of ${cluster.name}.`)
    }
    return ctx.nodeDiagnosis.get(input.clusterId, input.node, input.fresh)
  },

  // A change on the node: control mode only, like guest power actions; the renderer confirmed first.
  'nodes:restart-pveproxy': async (input, ctx) => {
    const cluster = runtimeCluster(ctx, input.clusterId)
    if (cluster.mode !== 'control')
      throw new AppError('refused', `${cluster.name} is watched in monitor-only mode: switch it to monitor and control in the settings to restart services.`)
    if (ctx.clusters.snapshot(input.clusterId)?.nodes.some((n) => n.name === input.node) !== true)
      throw new AppError('not-found', `${input.node} is not a node of ${cluster.name}.`)
    return ctx.nodeDiagnosis.restartPveproxy(input.clusterId, input.node)
  },

  'ssh:trust-host-key': async (input, ctx) => {
    const stored = ctx.settings.cluster(input.clusterId)
    if (stored === undefined) throw new AppError('not-found', 'SSH host keys can only be trusted for a configured cluster.')
    // Only the key the node itself just presented as unknown can be pinned: a changed key is never replaced here.
    const pending = ctx.ssh.pendingHostKey(input.clusterId, input.node, input.fingerprint)
    if (pending === null)
      throw new AppError('refused', 'This fingerprint was not offered by that node. Check the node health again and compare the fingerprint.')
    ctx.settings.pinSshHostKey(input.clusterId, pending.hostPort, { fingerprint: input.fingerprint, keyType: pending.keyType })
    return null
  },

  'ssh:state': async (_input, ctx) => ctx.ssh.state(),

  // After a node reinstall its new key can only be trusted once the old pin is gone. Only the pin the
  // node's last check failed to match is dropped (never one picked by the renderer), and nothing new is
  // trusted here: the next check reports ssh-unknown-host and the user confirms the new fingerprint.
  'ssh:forget-host-key': async (input, ctx) => {
    const stored = ctx.settings.cluster(input.clusterId)
    if (stored === undefined) throw new AppError('not-found', 'SSH host keys can only be forgotten for a configured cluster.')
    const seen = ctx.ssh.changedHostKey(input.clusterId, input.node)
    if (seen === null) throw new AppError('refused', `No changed SSH host key was seen for ${input.node}. Run the health check again first.`)
    const pinned = storedPin(ctx.settings, input.clusterId, seen.hostPort)?.fingerprint ?? null
    if (pinned !== seen.pinnedFingerprint) {
      // The old key came from known_hosts (or the pin changed meanwhile): nothing the app stores to drop.
      throw new AppError(
        'refused',
        `The old key of ${seen.hostPort} is not pinned by this app${pinned === null ? ' (it comes from your known_hosts file: remove it there with ssh-keygen -R)' : ''}. Run the health check again.`
      )
    }
    ctx.settings.forgetSshHostKey(input.clusterId, seen.hostPort)
    return null
  },

  // Tests the SAVED settings (the form says so): a login with what the app would really use.
  'ssh:test': async (input, ctx) => {
    runtimeCluster(ctx, input.clusterId)
    return ctx.ssh.testNode(input.clusterId, input.node)
  },

  'ssh:known-hosts': async (input, ctx) => ctx.ssh.knownHosts(input.clusterId, nodesOf(ctx, input.clusterId)),

  // The fingerprint is only a choice among the entries main reads again from known_hosts; nothing the
  // renderer sends becomes a pin by itself.
  'ssh:import-known-host': async (input, ctx) => {
    const nodes = nodesOf(ctx, input.clusterId)
    if (!nodes.includes(input.node)) throw new AppError('not-found', `${input.node} is not a node of this cluster.`)
    await ctx.ssh.importKnownHost(input.clusterId, input.node, input.fingerprint)
    return ctx.ssh.knownHosts(input.clusterId, nodes)
  }
}
