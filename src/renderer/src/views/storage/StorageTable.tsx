// One cluster's storage as a dense table: one line per storage, sortable by use or name.
import type { ClusterSnapshot } from '@shared/snapshot'
import { useState } from 'react'

import { UsageBar } from '../../components/UsageBar'
import { formatBytesOf, formatPercent } from '../../lib/format'
import { sortStorageRows, storageRows, type StorageSort } from './storage-rows'

function SortHeader({
  label,
  by,
  sort,
  desc,
  onSort
}: {
  label: string
  by: StorageSort
  sort: StorageSort
  desc: boolean
  onSort: (by: StorageSort) => void
}): React.JSX.Element {
  const active = sort === by
  return (
    <th scope="col" aria-sort={active ? (desc ? 'descending' : 'ascending') : undefined}>
      <button type="button" className="sort-button" onClick={() => onSort(by)}>
        {label}
        <span aria-hidden="true">{active ? (desc ? ' ▼' : ' ▲') : ''}</span>
      </button>
    </th>
  )
}

export function StorageTable({ cluster, thresholdPct }: { cluster: ClusterSnapshot; thresholdPct: number }): React.JSX.Element {
  // Fullest first: what an admin looks for here.
  const [sort, setSort] = useState<StorageSort>('usage')
  const [desc, setDesc] = useState(true)
  const onSort = (by: StorageSort): void => {
    setDesc(by === sort ? !desc : by === 'usage')
    setSort(by)
  }
  const rows = sortStorageRows(storageRows(cluster, thresholdPct), sort, desc)
  return (
    <table className="data-table storage-table" aria-label={`Storage of ${cluster.clusterName}`}>
      <thead>
        <tr>
          <SortHeader label="Storage" by="name" sort={sort} desc={desc} onSort={onSort} />
          <th scope="col">Node</th>
          <th scope="col">Type</th>
          <th scope="col" className="num">
            Used / total
          </th>
          <SortHeader label="Use" by="usage" sort={sort} desc={desc} onSort={onSort} />
        </tr>
      </thead>
      <tbody>
        {rows.map(({ storage: s, where, warn }) => (
          <tr key={s.id} data-storage={s.storage} data-where={where} data-warn={warn ? 'true' : 'false'} className={warn ? 'storage-warn' : undefined}>
            <th scope="row" title={s.content.length > 0 ? `Holds: ${s.content.join(', ')}` : undefined}>
              {s.storage}
            </th>
            <td>{where}</td>
            <td>{s.plugintype}</td>
            <td className="num">
              {s.usage === null ? (s.status === 'available' ? 'no figures' : `not available (${s.status})`) : formatBytesOf(s.used, s.total)}
            </td>
            <td className="storage-use">
              <UsageBar label={`Use of ${s.storage}${s.shared ? '' : ` on ${s.node}`}`} fraction={s.usage} text={formatPercent(s.usage)} warn={warn} inline />
              {warn ? <span className="badge badge-warn">almost full</span> : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
