import { AppError } from '../app-error'
import type { HandlerGroup } from '../handler-types'
import { runtimeCluster } from './lookup'

export const sshHandlers: HandlerGroup<'nodes:health' | 'ssh:trust-host-key' | 'ssh:state'> = {
  // SSH failures (unknown or changed host key, login refused, node unreachable) reach the renderer as
  // ssh-unknown-host / ssh-host-key-changed / ssh-auth / unreachable through ipc/map-ssh-error.
  'nodes:health': async (input, ctx) => {
    runtimeCluster(ctx, input.clusterId)
    return ctx.ssh.nodeHealth(input.clusterId, input.node)
  },

  'ssh:trust-host-key': async (input, ctx) => {
    const stored = ctx.settings.cluster(input.clusterId)
    if (stored === undefined) throw new AppError('not-found', 'SSH host keys can only be trusted for a configured cluster.')
    // Only the key the node itself just presented as unknown can be pinned: a changed key is never replaced here.
    const pending = ctx.ssh.pendingHostKey(input.clusterId, input.node, input.fingerprint)
    if (pending === null) throw new AppError('refused', 'This fingerprint was not offered by that node. Check the node health again and compare the fingerprint.')
    ctx.settings.pinSshHostKey(input.clusterId, pending.hostPort, { fingerprint: input.fingerprint, keyType: pending.keyType })
    return null
  },

  'ssh:state': async (_input, ctx) => ctx.ssh.state()
}
