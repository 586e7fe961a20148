// What the token can do, feature by feature, and exactly what is missing where.
import type { ConnectionTestResult } from '@shared/views'

export interface PrivilegeReportProps {
  readonly result: ConnectionTestResult
  /** host:port of the discovered endpoints the user chose to add. */
  readonly chosen: ReadonlySet<string>
  readonly onChoose: (key: string, on: boolean) => void
}

export const endpointKey = (e: { host: string; port: number }): string => `${e.host}:${e.port}`

/** SSH health is a cluster setting (an SSH user and key), not something the token lacks: said apart. */
const SSH_FEATURE = 'ssh-health'

export function PrivilegeReport({ result, chosen, onChoose }: PrivilegeReportProps): React.JSX.Element {
  const privileges = result.privileges.filter((p) => p.feature !== SSH_FEATURE)
  const ssh = result.privileges.find((p) => p.feature === SSH_FEATURE)
  return (
    <section className="panel" aria-labelledby="priv-title" data-testid="privilege-report">
      <h2 id="priv-title">What this token can do</h2>
      {result.version !== null ? <p className="muted-text">Connected to Proxmox VE {result.version}.</p> : null}
      {result.emptyView ? (
        <p className="warning-text" role="alert">
          The token logs in but sees no nodes or guests. With privilege separation, grant the role to the token itself (the ACL command above).
        </p>
      ) : null}
      <ul className="privileges">
        {privileges.map((p) => (
          <li key={p.feature} className={p.ok ? 'priv-ok' : 'priv-missing'} data-feature={p.feature} data-ok={p.ok ? 'true' : 'false'}>
            <span className="priv-mark" aria-hidden="true">
              {p.ok ? '✓' : '✗'}
            </span>
            <span>
              <strong>{p.label}</strong>
              <span className="visually-hidden">{p.ok ? ': works' : ': missing privileges'}</span>
              <span className="priv-explanation"> — {p.explanation}</span>
              {p.missing.length > 0 ? (
                <ul className="priv-missing-list">
                  {p.missing.map((m) => (
                    <li key={`${m.path}|${m.privilege}`}>
                      needs <code>{m.privilege}</code> on <code>{m.path}</code>
                    </li>
                  ))}
                </ul>
              ) : null}
            </span>
          </li>
        ))}
      </ul>
      {ssh !== undefined ? (
        <p className="muted-text" data-testid="ssh-setting-note">
          {ssh.ok
            ? ssh.explanation
            : 'Optional, not a token privilege: temperatures, ZFS pools and package versions are read over SSH once you add an SSH user and key in the cluster settings.'}
        </p>
      ) : null}
      {result.discoveredEndpoints.length > 0 ? (
        <fieldset data-testid="discovered-endpoints">
          <legend>Other nodes of this cluster</legend>
          <p className="muted-text">
            These addresses answered with the certificate the cluster reports for each node. Add them as fallback endpoints if this computer can always reach
            them (their fingerprints are pinned then):
          </p>
          {result.discoveredEndpoints.map((e) => (
            <label key={endpointKey(e)} className="check">
              <input type="checkbox" checked={chosen.has(endpointKey(e))} onChange={(ev) => onChoose(endpointKey(e), ev.target.checked)} />
              {e.node ?? e.host} ({e.host}:{e.port}) <code className="fingerprint">{e.fingerprint256}</code>
            </label>
          ))}
        </fieldset>
      ) : null}
    </section>
  )
}
