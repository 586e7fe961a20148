// This node's SSH connection as the pool sees it (ssh:state), and the host key pinned for it. Before the
// first check there is no connection to show, and the panel says exactly that.
import type { PveTrayApi } from '@shared/ipc/contract'
import type { SshHostState } from '@shared/views'
import { useEffect, useRef, useState } from 'react'

import { call } from '../../api/api-context'

const STATUS_WORDS: Readonly<Record<SshHostState['status'], string>> = {
  connected: 'Connected',
  connecting: 'Connecting…',
  failed: 'Failed',
  idle: 'Not connected'
}

/**
 * The pool's state for this node: asked for on mount and after every check (`refresh` changes), and kept
 * current by the ssh:state event. An answer that was asked for before the latest event is older than it
 * (the event and the answer travel separately), so it is dropped.
 */
export function useSshHostState(api: PveTrayApi, clusterId: string, node: string, refresh: number): SshHostState | null {
  const [hosts, setHosts] = useState<readonly SshHostState[]>([])
  const events = useRef(0)
  useEffect(
    () =>
      api.on('ssh:state', (s) => {
        events.current++
        setHosts(s)
      }),
    [api]
  )
  useEffect(() => {
    let live = true
    const asked = events.current
    void call(api, 'ssh:state', {}).then((r) => {
      if (live && r.ok && events.current === asked) setHosts(r.value)
    })
    return () => {
      live = false
    }
  }, [api, refresh])
  return hosts.find((h) => h.clusterId === clusterId && h.nodes.includes(node)) ?? null
}

export function SshConnection({ api, clusterId, node, refresh }: { api: PveTrayApi; clusterId: string; node: string; refresh: number }): React.JSX.Element {
  const host = useSshHostState(api, clusterId, node, refresh)
  if (host === null) {
    return (
      <section className="ssh-connection" aria-label="SSH connection" data-testid="connection-state" data-status="none">
        <p className="muted-text">No SSH connection to {node} yet: it is opened by the first health check.</p>
      </section>
    )
  }
  const words = STATUS_WORDS[host.status]
  return (
    <section className="ssh-connection" aria-label="SSH connection" data-testid="connection-state" data-status={host.status}>
      <dl className="fingerprints">
        <dt>Connection</dt>
        <dd className={host.status === 'failed' ? 'error-text' : undefined} data-testid="connection-status">
          {words} ({host.host}){host.reason !== null && host.status !== 'connected' ? `: ${host.reason}` : ''}
        </dd>
        <dt>Channels</dt>
        <dd data-testid="connection-channels">
          {host.activeChannels} active, {host.queued} queued
        </dd>
        <dt>Host key</dt>
        <dd>
          {host.pinnedFingerprint !== null ? (
            <code data-testid="connection-pinned-key">{host.pinnedFingerprint}</code>
          ) : (
            <span className="muted-text">none pinned yet</span>
          )}
        </dd>
      </dl>
    </section>
  )
}
