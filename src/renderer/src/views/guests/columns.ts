import type { SortKey } from '../../lib/guest-query'

export interface Column {
  readonly id: string
  readonly label: string
  readonly sort: SortKey | null
}

/** Column order; widths live in guests.css (grid-template-columns) so header and rows line up. */
export const COLUMNS: readonly Column[] = [
  // The bulk selection's checkboxes (the header's selects every shown row).
  { id: 'select', label: 'Select', sort: null },
  { id: 'status', label: 'Status', sort: 'status' },
  { id: 'name', label: 'Name', sort: 'name' },
  { id: 'vmid', label: 'VMID', sort: 'vmid' },
  { id: 'kind', label: 'Type', sort: 'kind' },
  { id: 'node', label: 'Node', sort: 'node' },
  { id: 'tags', label: 'Tags', sort: null },
  { id: 'cpu', label: 'CPU', sort: 'cpu' },
  { id: 'mem', label: 'Memory', sort: 'mem' },
  { id: 'uptime', label: 'Uptime', sort: 'uptime' },
  // Hidden below 1440 px (guests.css): the table has no room for them beside the sidebar.
  { id: 'diskio', label: 'Disk I/O', sort: 'diskio' },
  { id: 'netio', label: 'Net I/O', sort: 'netio' },
  { id: 'actions', label: 'Actions', sort: null }
]

export const ROW_HEIGHT = 40
