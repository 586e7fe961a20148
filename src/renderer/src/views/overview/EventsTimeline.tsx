// What happened, newest first: node down/up, failed tasks, quorum, storage. Messages are text only.
import type { MonitorEvent } from '@shared/snapshot'

import { formatDateTime } from '../../lib/format'

export function EventsTimeline({ events }: { events: readonly MonitorEvent[] }): React.JSX.Element {
  const list = [...events].sort((a, b) => b.at - a.at).slice(0, 200)
  return (
    <section className="panel" aria-labelledby="events-title">
      <h2 id="events-title">Events</h2>
      {list.length === 0 ? (
        <p className="muted-text">Nothing has happened since the app started.</p>
      ) : (
        <ol className="timeline">
          {list.map((e) => (
            <li key={e.id} className={`timeline-item sev-${e.severity}`} data-kind={e.kind}>
              <time dateTime={new Date(e.at).toISOString()}>{formatDateTime(e.at)}</time>
              <span className="timeline-cluster">{e.clusterName}</span>
              {/* A failed task reads as one sentence: "Start of VM 114 (old-erp) …, failed: <Proxmox's exit status>". */}
              {e.kind === 'task-failed' && e.detail !== null ? (
                <span className="timeline-message">
                  {e.message}: {e.detail}
                </span>
              ) : (
                <>
                  <span className="timeline-message">{e.message}</span>
                  {e.detail !== null ? <span className="timeline-detail">{e.detail}</span> : null}
                </>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}
