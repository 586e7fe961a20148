// Guests across all clusters: filters, the virtualized table, the selected guest, and confirmations.
import { haResourceOf } from '@shared/ha-ceph'
import type { PveTrayApi } from '@shared/ipc/contract'
import type { ClusterSnapshot, PowerAction } from '@shared/snapshot'
import { useCallback, useMemo, useRef, useState } from 'react'

import { call } from '../../api/api-context'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import type { BulkPlan } from '../../lib/bulk-plan'
import { CONFIRM_ACTIONS, createGuestRowCache, defaultGuestQuery, type GuestQuery, type GuestRow, guestRows, type SortKey } from '../../lib/guest-query'
import { type GuestQueryMemo, updateGuestQuery } from '../../lib/guest-query-memo'
import { plainReason } from '../../lib/plain-reason'
import type { TaskProgressHandle } from '../../state/use-task-progress'
import { BulkBar } from './BulkBar'
import { BulkConfirmDialog } from './BulkConfirmDialog'
import { BulkProgress } from './BulkProgress'
import { confirmText } from './confirm-text'
import { GuestDetailPanel } from './GuestDetailPanel'
import { GuestFilters } from './GuestFilters'
import { GuestTable } from './GuestTable'
import { RecentTasks } from './RecentTasks'
import { runEnded, useBulkRun } from './use-bulk-run'
import { useDetailFocus } from './use-detail-focus'
import { useFiguresDemand } from './use-figures-demand'
import { useGuestSelection } from './use-guest-selection'
import { useNeverBackedUp } from './use-never-backed-up'

export interface GuestsViewProps {
  readonly api: PveTrayApi
  readonly clusters: readonly ClusterSnapshot[]
  readonly tasks: TaskProgressHandle
  readonly focusVmid: number | null
  readonly focusClusterId: string | null
  /** Opened for one node ("Show guests" on a node page): the node filter starts on it. */
  readonly focusNode: string | null
}

export function GuestsView({ api, clusters, tasks, focusVmid, focusClusterId, focusNode }: GuestsViewProps): React.JSX.Element {
  performance.mark('pve-tray:guests-render')
  const [query, setQuery] = useState<GuestQuery>(() => (focusNode === null ? defaultGuestQuery : { ...defaultGuestQuery, node: focusNode }))
  // A later link to another node (tray "More in dashboard…") while this view is already open: adjusted while
  // rendering (React's pattern for state that follows a prop), not in an effect after a first wrong paint.
  const [seenFocusNode, setSeenFocusNode] = useState(focusNode)
  if (focusNode !== seenFocusNode) {
    setSeenFocusNode(focusNode)
    if (focusNode !== null) setQuery((q) => (q.node === focusNode ? q : { ...q, node: focusNode }))
  }
  const focusKey = focusVmid === null ? null : `${focusClusterId ?? clusters[0]?.clusterId ?? ''}/${focusVmid}`
  const [selectedKey, setSelectedKey] = useState<string | null>(focusKey)
  const [confirm, setConfirm] = useState<{ row: GuestRow; action: PowerAction } | null>(null)
  const [actionErrors, setActionErrors] = useState<ReadonlyMap<string, string>>(new Map())

  const [rowCache] = useState(createGuestRowCache)
  const neverBackedUp = useNeverBackedUp(api, clusters)
  const all = useMemo(() => guestRows(clusters, rowCache), [clusters, rowCache])
  // Kept across polls: a poll that moves no row reuses the last order instead of sorting again.
  const memo = useRef<GuestQueryMemo | null>(null)
  // eslint-disable-next-line react-hooks/refs -- a cache that outlives renders on purpose; it never decides what is drawn
  const { shown, keys, nodes, tags } = useMemo(() => (memo.current = updateGuestQuery(memo.current, all, query)), [all, query])
  const selected = selectedKey === null ? undefined : all.find((r) => r.key === selectedKey)
  const selection = useGuestSelection(all, keys)
  const onRange = useFiguresDemand(api, shown, keys, query.sort, selected)
  const bulk = useBulkRun(api)
  const [bulkConfirm, setBulkConfirm] = useState<BulkPlan | null>(null)
  const {
    bodyRef,
    onKeyDown,
    open: openDetail,
    close: closeDetail,
    panelRef,
    actionsCovered
  } = useDetailFocus(selectedKey, selected !== undefined, setSelectedKey)

  const run = useCallback(
    async (row: GuestRow, action: PowerAction) => {
      const g = row.guest
      setActionErrors((m) => {
        const next = new Map(m)
        next.delete(row.key)
        return next
      })
      const r = await call(api, 'guests:action', { clusterId: row.clusterId, node: g.node, kind: g.kind, vmid: g.vmid, action })
      if (!r.ok) setActionErrors((m) => new Map(m).set(row.key, r.error.message))
    },
    [api]
  )
  const onAction = useCallback(
    (row: GuestRow, action: PowerAction) => {
      if (CONFIRM_ACTIONS.has(action)) setConfirm({ row, action })
      else void run(row, action)
    },
    [run]
  )
  const onSort = useCallback((key: SortKey) => setQuery((q) => ({ ...q, sort: key, desc: q.sort === key ? !q.desc : false })), [])
  const names = useCallback(
    (clusterId: string, vmid: number) => all.find((r) => r.clusterId === clusterId && r.guest.vmid === vmid)?.guest.name ?? String(vmid),
    [all]
  )

  const dialog = confirm === null ? null : confirmText(confirm.row, confirm.action)
  return (
    <div className="view view-guests" data-view="guests">
      <h1 className="view-title">Guests</h1>
      <GuestFilters query={query} onChange={setQuery} nodes={nodes} tags={tags} shown={shown.length} total={all.length} />
      <BulkBar selection={selection} running={bulk.run !== null && !runEnded(bulk.run, bulk.progress)} onChoose={setBulkConfirm} />
      <BulkProgress bulk={bulk} nameOf={names} />
      {/* Escape closes the details from the table as well as from the panel (see useDetailFocus). */}
      <div className="guests-body" ref={bodyRef} onKeyDown={onKeyDown}>
        <GuestTable
          rows={shown}
          rowKeys={keys}
          query={query}
          onSort={onSort}
          selectedKey={selectedKey}
          onSelect={openDetail}
          onAction={onAction}
          progress={tasks.byGuest}
          onDismissTask={tasks.dismiss}
          revealKey={focusKey}
          actionsCovered={actionsCovered}
          neverBackedUp={neverBackedUp}
          checkedKeys={selection.keys}
          onCheck={selection.toggle}
          onCheckShown={selection.setShown}
          onRange={onRange}
        />
        {selected !== undefined ? (
          <GuestDetailPanel
            row={selected}
            progress={tasks.byGuest.get(selected.key)}
            actionError={actionErrors.get(selected.key) ?? null}
            onAction={onAction}
            onClose={closeDetail}
            panelRef={panelRef}
            ha={haResourceOf(clusters.find((c) => c.clusterId === selected.clusterId)?.ha ?? null, selected.guest.vmid)}
          />
        ) : null}
      </div>
      {/* A request that failed before any task existed; a failure the task line reports is not said twice. */}
      {[...actionErrors]
        .filter(([key, message]) => !(tasks.byGuest.get(key)?.message ?? '').includes(message))
        .map(([key, message]) => (
          <p key={key} className="error-text" role="alert" data-testid="action-error" title={plainReason(message).details ?? undefined}>
            {names(key.slice(0, key.lastIndexOf('/')), Number(key.slice(key.lastIndexOf('/') + 1)))}: {plainReason(message).text}
          </p>
        ))}
      <RecentTasks tasks={tasks.recent} names={names} />
      {bulkConfirm !== null ? (
        <BulkConfirmDialog
          plan={bulkConfirm}
          onConfirm={() => {
            setBulkConfirm(null)
            void bulk.start(
              bulkConfirm.action,
              bulkConfirm.apply.map((r) => ({ clusterId: r.clusterId, node: r.guest.node, kind: r.guest.kind, vmid: r.guest.vmid }))
            )
          }}
          onCancel={() => setBulkConfirm(null)}
        />
      ) : null}
      {confirm !== null && dialog !== null ? (
        <ConfirmDialog
          title={dialog.title}
          body={dialog.body}
          confirmLabel={dialog.label}
          danger={confirm.action === 'stop'}
          onConfirm={() => {
            setConfirm(null)
            void run(confirm.row, confirm.action)
          }}
          onCancel={() => setConfirm(null)}
        />
      ) : null}
    </div>
  )
}
