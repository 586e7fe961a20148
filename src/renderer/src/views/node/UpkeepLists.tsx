// The two lists of the node's upkeep: the packages an upgrade would bring (name, installed → new version), and
// the replication jobs with the failing ones first, each with Proxmox's error text.
import { type ReplicationFact, replicationFailing, type UpdatesFact } from '@shared/upkeep'

import { formatDuration } from '../../lib/format'
import { ToneText } from './ToneText'
import { replicationLine, updatesLine } from './upkeep-words'

export function UpkeepUpdates({ fact }: { fact: UpdatesFact }): React.JSX.Element {
  const line = updatesLine(fact)
  if (!fact.known || fact.packages.length === 0) return <ToneText line={line} testId="upkeep-updates" />
  return (
    <details>
      <summary>
        <ToneText line={line} testId="upkeep-updates" /> Show the packages
      </summary>
      <table className="data-table" aria-label="Updates available">
        <thead>
          <tr>
            <th scope="col">Package</th>
            <th scope="col">Installed</th>
            <th scope="col">New version</th>
            <th scope="col">Origin</th>
          </tr>
        </thead>
        <tbody>
          {fact.packages.map((p) => (
            <tr key={p.name} data-testid="upkeep-package">
              <th scope="row">{p.name}</th>
              <td>{p.oldVersion ?? 'not installed (new)'}</td>
              <td>{p.newVersion}</td>
              <td>{p.origin ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  )
}

export function UpkeepReplication({ fact, now }: { fact: ReplicationFact; now: number }): React.JSX.Element {
  const line = <ToneText line={replicationLine(fact)} testId="upkeep-replication" />
  if (!fact.known || fact.jobs.length === 0) return line
  const jobs = [...fact.jobs].sort((a, b) => Number(replicationFailing(b)) - Number(replicationFailing(a)) || a.id.localeCompare(b.id))
  return (
    <>
      {line}
      <ul className="plain-list">
        {jobs.map((j) => (
          <li key={j.id} data-testid="upkeep-job" data-failing={replicationFailing(j) ? 'true' : 'false'}>
            <strong>{j.id}</strong> → {j.target ?? '?'}
            {j.disabled ? <span className="badge badge-muted">disabled</span> : null}
            {replicationFailing(j) ? <span className="badge badge-warn">failing{j.failCount > 1 ? ` ×${j.failCount}` : ''}</span> : null}
            <span className="upkeep-detail">
              {j.lastSync === null ? 'Never synced.' : `Last sync ${formatDuration((now - j.lastSync) / 1000)} ago.`}
              {j.error !== null ? ` ${j.error}` : ''}
            </span>
          </li>
        ))}
      </ul>
    </>
  )
}
