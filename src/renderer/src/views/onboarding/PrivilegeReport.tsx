// What the token can do, feature by feature, and exactly what is missing where.
import type { ConnectionTestResult } from '@shared/views'

export function PrivilegeReport({ result }: { result: ConnectionTestResult }): React.JSX.Element {
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
        {result.privileges.map((p) => (
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
      {result.discoveredEndpoints.length > 0 ? (
        <p className="muted-text">
          Other nodes found: {result.discoveredEndpoints.map((e) => `${e.node ?? e.host} (${e.host}:${e.port})`).join(', ')}. They are saved as fallback endpoints.
        </p>
      ) : null}
    </section>
  )
}
