// Search and filters above the guests table. Memoized: a poll that adds no node or tag and changes
// no count leaves it as it is (its selects would otherwise re-apply their value over every option).
import { memo } from 'react'

import type { GuestQuery, StateFilter } from '../../lib/guest-query'

export interface GuestFiltersProps {
  readonly query: GuestQuery
  readonly onChange: (q: GuestQuery) => void
  readonly nodes: readonly string[]
  readonly tags: readonly string[]
  readonly shown: number
  readonly total: number
}

function GuestFiltersInner({ query, onChange, nodes, tags, shown, total }: GuestFiltersProps): React.JSX.Element {
  const set = <K extends keyof GuestQuery>(k: K, v: GuestQuery[K]): void => onChange({ ...query, [k]: v })
  return (
    <div className="filters" role="search">
      <input
        type="search"
        className="input"
        placeholder="Search name, VMID or tag"
        aria-label="Search guests"
        value={query.search}
        onChange={(e) => set('search', e.target.value)}
      />
      <label>
        Node
        <select className="input" value={query.node} onChange={(e) => set('node', e.target.value)}>
          <option value="">All nodes</option>
          {nodes.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
      <label>
        State
        <select className="input" value={query.state} onChange={(e) => set('state', e.target.value as StateFilter)}>
          <option value="all">Any state</option>
          <option value="running">Running</option>
          <option value="stopped">Stopped</option>
          <option value="paused">Paused or suspended</option>
          <option value="other">Unknown or other</option>
        </select>
      </label>
      <label>
        Type
        <select className="input" value={query.kind} onChange={(e) => set('kind', e.target.value as GuestQuery['kind'])}>
          <option value="all">VMs and containers</option>
          <option value="qemu">VMs</option>
          <option value="lxc">Containers</option>
        </select>
      </label>
      <label>
        Tag
        <select className="input" value={query.tag} onChange={(e) => set('tag', e.target.value)}>
          <option value="">Any tag</option>
          {tags.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
      </label>
      <span className="filter-count" aria-live="polite" data-testid="guest-count">
        {shown === total ? `${total} guests` : `${shown} of ${total} guests`}
      </span>
    </div>
  )
}

export const GuestFilters = memo(GuestFiltersInner)
