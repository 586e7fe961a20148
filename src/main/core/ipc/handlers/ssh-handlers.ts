import { SshUnknownHostError } from '../../app/ports'
import { AppError } from '../app-error'
import type { HandlerGroup } from '../handler-types'
import { runtimeCluster } from './lookup'

export const sshHandlers: HandlerGroup<'nodes:health' | 'ssh:trust-host-key' | 'ssh:state'> = {
  'nodes:health': async (input, ctx) => {
    runtimeCluster(ctx, input.clusterId)
    try {
      return await ctx.ssh.nodeHealth(input.clusterId, input.node)
    } catch (e) {
      if (e instanceof SshUnknownHostError) {
        // The UI shows the fingerprint and, on confirmation, calls ssh:trust-host-key with it.
        throw new AppError('ssh-unknown-host', `The SSH host key of ${input.node} (${e.host}) is not known yet. Compare its fingerprint with the node's and trust it to continue.`, {
          fields: { fingerprint: e.fingerprint, host: `${e.host}:${e.port}` }
        })
      }
      throw e
    }
  },

  'ssh:trust-host-key': async (input, ctx) => {
    const stored = ctx.settings.cluster(input.clusterId)
    if (stored === undefined) throw new AppError('not-found', 'SSH host keys can only be trusted for a configured cluster.')
    const hostPort = ctx.ssh.pendingHostKey(input.clusterId, input.node, input.fingerprint)
    if (hostPort === null) throw new AppError('refused', 'This fingerprint was not offered by that node. Check the node health again and compare the fingerprint.')
    ctx.settings.pinSshHostKey(input.clusterId, hostPort, input.fingerprint)
    return null
  },

  'ssh:state': async (_input, ctx) => ctx.ssh.state()
}
