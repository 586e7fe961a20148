// Which power actions a guest offers right now. ONE rule shared by the snapshot, the tray menu
// and the main-process refusal of an action, so the UI never offers what main would refuse.
import type { ClusterMode, GuestKind, GuestState, PowerAction } from '../../../shared/snapshot'
import { missingPowerPrivilege, type PowerTarget } from '../clusters/privileges'

export interface GuestActionSubject {
  readonly vmid: number
  /** Its resource pool, if any: VM.PowerMgmt granted there counts too. */
  readonly pool: string | null
  readonly kind: GuestKind
  readonly state: GuestState
  readonly template: boolean
  readonly lock: string | null
  /** The guest's node is online (an offline node cannot act). */
  readonly nodeOnline: boolean
}

export interface GuestActionContext {
  readonly mode: ClusterMode
  /** clusters/privileges' canPowerGuest: true/false when known, null when not checked yet (the server decides). */
  readonly canPowerMgmt: (g: PowerTarget) => boolean | null
}

export interface GuestActionsResult {
  readonly actions: readonly PowerAction[]
  readonly reason: string | null
}

const NONE: readonly PowerAction[] = Object.freeze([])
const RUNNING_QEMU: readonly PowerAction[] = Object.freeze(['shutdown', 'stop', 'reboot', 'suspend'])
const RUNNING_LXC: readonly PowerAction[] = Object.freeze(['shutdown', 'stop', 'reboot'])
const STOPPED: readonly PowerAction[] = Object.freeze(['start'])
const PAUSED: readonly PowerAction[] = Object.freeze(['resume', 'stop'])
// Hibernated (state saved to disk, no process): resuming is the only meaningful step.
const HIBERNATED: readonly PowerAction[] = Object.freeze(['resume'])

function none(reason: string | null): GuestActionsResult {
  return { actions: NONE, reason }
}

function byState(g: GuestActionSubject): readonly PowerAction[] {
  switch (g.state) {
    case 'running':
      return g.kind === 'qemu' ? RUNNING_QEMU : RUNNING_LXC
    case 'stopped':
      return STOPPED
    case 'paused':
      return g.kind === 'qemu' ? PAUSED : NONE
    case 'suspended':
      if (g.kind !== 'qemu') return NONE
      return g.lock === 'suspended' ? HIBERNATED : PAUSED
    default:
      return NONE
  }
}

export function guestActions(g: GuestActionSubject, ctx: GuestActionContext): GuestActionsResult {
  if (ctx.mode === 'monitor') return none('monitor-only cluster')
  if (g.template) return none('template')
  if (!g.nodeOnline) return none('node offline')
  // The hibernation lock is part of the suspended state, not an operation in progress.
  if (g.lock !== null && g.lock !== '' && !(g.lock === 'suspended' && g.state === 'suspended')) {
    return none(`locked (${g.lock})`)
  }
  const actions = byState(g)
  if (actions.length === 0) return none(g.state === 'unknown' ? 'state unknown' : null)
  if (ctx.canPowerMgmt(g) === false) return none(`token lacks ${missingPowerPrivilege(g)}`)
  return { actions, reason: null }
}
