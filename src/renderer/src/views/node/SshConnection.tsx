// This node's SSH connection as the pool sees it (ssh:state), and the host key pinned for it. Before the
// first check there is no connection to show, and the panel says exactly that.
import { useEffect, useState } from 'react'

import type { PveTrayApi } from '@shared/ipc/contract'
import type { SshHostState } from '@shared/views'

import { call } from '../../api/api-context'

const STATUS_WORDS: Readonly<Record<SshHostState['status'], string>> = {
  connected: 'Connected',
  connecting: 'Connecting…',
  failed: 'Failed',
  idle: 'Not connected'
}

export function useSshHostState(api: PveTrayApi, clusterId: string, node: string): SshHostState | null {
  const [hosts, setHosts] = useState<readonly SshHostState[]>([])
  useEffect(() => {
    let live = true
    const off = api.on('ssh:state', (s) => setHosts(s))
    void call(api, 'ssh:state', {}).then((r) => {
      if (live && r.ok) setHosts(r.value)
    })
    return () => {
      live = false
      off()
    }
  }, [api])
  return hosts.find((h) => h.clusterId === clusterId && h.nodes.includes(node)) ?? null
}

export function SshConnection({ api, clusterId, node }: { api: PveTrayApi; clusterId: string; node: string }): React.JSX.Element {
  const host = useSshHostState(api, clusterId, node)
  if (host === null) {
    return (
      <section className="ssh-connection" aria-label="SSH connection" data-testid="ssh-connection" data-status="none">
        <p className="muted-text">No SSH connection to {node} yet: it is opened by the first health check.</p>
      </section>
    )
  }
  const words = STATUS_WORDS[host.status]
  return (
    <section className="ssh-connection" aria-label="SSH connection" data-testid="ssh-connection" data-status={host.status}>
      <dl className="fingerprints">
        <dt>Connection</dt>
        <dd className={host.status === 'failed' ? 'error-text' : undefined} data-testid="ssh-connection-status">
          {words} ({host.host})
          {host.reason !== null && host.status !== 'connected' ? `: ${host.reason}` : ''}
        </dd>
        <dt>Channels</dt>
        <dd data-testid="ssh-channels">
          {host.activeChannels} active, {host.queued} queued
        </dd>
        <dt>Host key</dt>
        <dd>
          {host.pinnedFingerprint !== null ? <code data-testid="ssh-pinned-key">{host.pinnedFingerprint}</code> : <span className="muted-text">none pinned yet</span>}
        </dd>
      </dl>
    </section>
  )
}
