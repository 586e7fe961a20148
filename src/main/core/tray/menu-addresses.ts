// A running guest's IP addresses in its tray submenu. Never fetched to build the menu (that runs every poll):
// "Show IP addresses" asks main once (guests:addresses), the answer is kept here for a few minutes, and the
// submenu then offers "Copy IP <address>" items (the glue copies with Electron's clipboard) or says why not.
import type { GuestView } from '../../../shared/snapshot'
import type { GuestAddressesView } from '../../../shared/views'
import { menuLabel } from './label-text'
import { info, item, type MenuItemModel } from './menu-model'

/** How long the tray shows an answer before offering to ask again. */
export const TRAY_ADDRESSES_MS = 3 * 60_000
/** A submenu is a glance: a few addresses, the rest in the dashboard. */
const MAX_COPY_ITEMS = 4

/** Answers by `<clusterId>/<vmid>`. */
export type AddressTable = ReadonlyMap<string, GuestAddressesView>

export const addressKey = (clusterId: string, vmid: number): string => `${clusterId}/${vmid}`

export function noteAddresses(table: AddressTable, view: GuestAddressesView): AddressTable {
  return new Map(table).set(addressKey(view.clusterId, view.vmid), view)
}

export function pruneAddresses(table: AddressTable, now: number): AddressTable {
  if ([...table.values()].every((v) => now - v.fetchedAt < TRAY_ADDRESSES_MS)) return table
  return new Map([...table].filter(([, v]) => now - v.fetchedAt < TRAY_ADDRESSES_MS))
}

/** IPv4 first, then routable IPv6; link-local addresses only reach the guest from its own segment. */
export function copyableAddresses(view: GuestAddressesView): string[] {
  const all = view.interfaces.flatMap((i) => i.addresses)
  const v4 = all.filter((a) => a.family === 'ipv4')
  const v6 = all.filter((a) => a.family === 'ipv6' && !/^fe[89ab][0-9a-f]:/i.test(a.address))
  return [...new Set([...v4, ...v6].map((a) => a.address))]
}

/** What the memo key needs to know of a guest's addresses (see GuestMenuMemo). */
export function addressMemoKey(table: AddressTable | undefined, clusterId: string, vmid: number): string {
  const v = table?.get(addressKey(clusterId, vmid))
  return v === undefined ? '' : `${v.fetchedAt}:${v.unavailable ?? copyableAddresses(v).join(',')}`
}

export function addressItems(id: string, clusterId: string, g: GuestView, table: AddressTable | undefined): MenuItemModel[] {
  if (g.state !== 'running' || g.staleReason !== null) return []
  const v = table?.get(addressKey(clusterId, g.vmid))
  if (v === undefined) return [item(`${id}:ips`, 'Show IP addresses', { kind: 'invoke', channel: 'guests:addresses', input: { clusterId, vmid: g.vmid } })]
  if (v.unavailable !== null) return [info(`${id}:ips-none`, menuLabel(`IP addresses: ${v.unavailable}`))]
  const addrs = copyableAddresses(v)
  if (addrs.length === 0) return [info(`${id}:ips-none`, 'IP addresses: only link-local ones (see the dashboard)')]
  return addrs.slice(0, MAX_COPY_ITEMS).map((a, i) => item(`${id}:ip:${i}`, menuLabel(`Copy IP ${a}`), { kind: 'copy', text: a }))
}
