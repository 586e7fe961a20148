// Mutes from settings: a muted node or guest still shows its state but raises no events.
// `hour` mutes lapse by time; `until-up` mutes are cleared by the monitor when the item is up again.
import type { MuteInfo, MuteMode } from '../../../shared/snapshot'

export type MuteTarget = { readonly node: string; readonly vmid?: undefined } | { readonly vmid: number; readonly node?: undefined }

export interface MuteEntry {
  readonly target: MuteTarget
  readonly mode: MuteMode
  /** Epoch ms for `hour`; null otherwise. */
  readonly until: number | null
}

export class MuteBook {
  private nodes = new Map<string, MuteInfo>()
  private guests = new Map<number, MuteInfo>()

  set(entries: readonly MuteEntry[]): void {
    this.nodes = new Map()
    this.guests = new Map()
    for (const e of entries) {
      const info: MuteInfo = Object.freeze({ mode: e.mode, until: e.mode === 'hour' ? e.until : null })
      if (e.target.node !== undefined) this.nodes.set(e.target.node, info)
      else this.guests.set(e.target.vmid, info)
    }
  }

  node(name: string, now: number): MuteInfo | null {
    return live(this.nodes.get(name), now)
  }

  /** Some guest is muted (a lapsed `hour` mute counts until the settings drop it). */
  get anyGuestMuted(): boolean {
    return this.guests.size > 0
  }

  guest(vmid: number, now: number): MuteInfo | null {
    return live(this.guests.get(vmid), now)
  }

  /** Clears an `until-up` mute; returns the entry that was cleared so settings can forget it too. */
  nodeUp(name: string): MuteEntry | null {
    const m = this.nodes.get(name)
    if (m?.mode !== 'until-up') return null
    this.nodes.delete(name)
    return { target: { node: name }, mode: m.mode, until: null }
  }

  guestUp(vmid: number): MuteEntry | null {
    const m = this.guests.get(vmid)
    if (m?.mode !== 'until-up') return null
    this.guests.delete(vmid)
    return { target: { vmid }, mode: m.mode, until: null }
  }
}

function live(m: MuteInfo | undefined, now: number): MuteInfo | null {
  if (!m) return null
  if (m.mode === 'hour' && (m.until === null || m.until <= now)) return null
  return m
}
