import type { GuestRec } from './cluster-state'
import { type CallContext, die, type HandlerResult, PveError, str } from './context'
import { boolParam, intParam } from './param-check'
import type { TaskOutcome } from './tasks'

type Kind = 'qemu' | 'lxc'

const ROOT_ONLY: Record<Kind, readonly string[]> = {
  qemu: [
    'stateuri',
    'skiplock',
    'migratedfrom',
    'migration_type',
    'migration_network',
    'targetstorage',
    'force-cpu',
    'with-conntrack-state',
    'keepActive',
    'nocheck',
    'machine'
  ],
  lxc: ['skiplock']
}

const confMissing = (kind: Kind, node: string, vmid: number): string =>
  `Configuration file 'nodes/${node}/${kind === 'qemu' ? 'qemu-server' : 'lxc'}/${vmid}.conf' does not exist`
const noConfigFile = (node: string, vmid: number): string => `unable to find configuration file for VM ${vmid} on node '${node}'`

/** POST .../{qemu|lxc}/{vmid}/status/{action}: qemu-server API2/Qemu.pm and pve-container API2/LXC/Status.pm semantics. */
export function powerAction(c: CallContext, kind: Kind, action: string): HandlerResult {
  // tokens are never root@pam, so root-only parameters are always refused (truthy values only, as $get_root_param)
  for (const p of ROOT_ONLY[kind]) {
    if (c.params[p] !== undefined && c.params[p] !== '0' && c.params[p] !== 0 && c.params[p] !== false && c.params[p] !== '') {
      throw new PveError(400, 'Parameter verification failed.', { [p]: 'Only root may use this option.' })
    }
  }
  const vmid = Number(str(c, 'vmid'))
  const found = c.sim.state.guests.get(vmid)
  const g = found && found.type === kind && found.node === c.local ? found : undefined
  return { data: kind === 'qemu' ? qemu(c, action, vmid, g) : lxc(c, action, vmid, g) }
}

const locked = (kind: Kind, g: GuestRec, skip: boolean): string | undefined =>
  g.lock !== undefined && !skip ? `${kind === 'qemu' ? 'VM' : 'CT'} is locked (${g.lock})` : undefined

function qemu(c: CallContext, action: string, vmid: number, g: GuestRec | undefined): string {
  const node = c.local
  const st = c.sim.state
  const running = g !== undefined && g.status !== 'stopped'
  switch (action) {
    case 'start': {
      if (!st.quorate()) die('cluster not ready - no quorum?')
      if (g?.hastate !== undefined) return haRequest(c, g, 'start')
      return task(c, 'qmstart', vmid, () => {
        if (!g) return { error: confMissing('qemu', node, vmid) }
        if (g.template) return { error: "you can't start a vm if it's a template" }
        const hibernated = g.lock === 'suspended'
        const l = hibernated ? undefined : locked('qemu', g, false)
        if (l) return { error: l }
        if (running) return { error: `VM ${vmid} already running` }
        return {
          apply: () => {
            if (hibernated) delete g.lock
            st.setStatus(g, 'running')
          }
        }
      })
    }
    case 'stop':
      if (g?.hastate !== undefined) return haRequest(c, g, 'stop')
      return task(c, 'qmstop', vmid, () => {
        if (!g) return { error: noConfigFile(node, vmid) }
        const l = locked('qemu', g, false)
        if (l) return { error: l }
        return running ? { apply: () => st.setStatus(g, 'stopped') } : {}
      })
    case 'shutdown': {
      const force = boolParam(c.params.forceStop)
      if (g?.status === 'paused' && !force) die('VM is paused - cannot shutdown')
      if (g?.hastate !== undefined) return haRequest(c, g, 'stop')
      return task(c, 'qmshutdown', vmid, () => {
        if (!g) return { error: noConfigFile(node, vmid) }
        const l = locked('qemu', g, false)
        if (l) return { error: l }
        if (!running) return {}
        if (g.ignoreShutdown) {
          const waitMs = intParam(c.params.timeout, 60) * 1000
          return force
            ? { waitMs, log: ['VM quit/powerdown failed - terminating now with SIGTERM'], apply: () => st.setStatus(g, 'stopped') }
            : { waitMs, error: 'VM quit/powerdown failed - got timeout' }
        }
        return { apply: () => st.setStatus(g, 'stopped') }
      })
    }
    case 'reboot':
    case 'reset':
    case 'suspend': {
      if (!g) return die(noConfigFile(node, vmid))
      if (!running) die(`VM ${vmid} not running`)
      const todisk = action === 'suspend' && boolParam(c.params.todisk)
      const type = action === 'reboot' ? 'qmreboot' : action === 'reset' ? 'qmreset' : todisk ? 'qmsuspend' : 'qmpause'
      return task(c, type, vmid, () => {
        const l = locked('qemu', g, false)
        if (l) return { error: l }
        if (action === 'suspend') {
          return todisk
            ? {
                apply: () => {
                  st.setStatus(g, 'stopped')
                  g.lock = 'suspended'
                }
              }
            : { apply: () => st.setStatus(g, 'paused') }
        }
        return {
          apply: () => {
            st.setStatus(g, 'stopped')
            st.setStatus(g, 'running')
          }
        }
      })
    }
    case 'resume': {
      if (!g) die(confMissing('qemu', node, vmid))
      const hibernated = g?.lock === 'suspended'
      if (!running && !hibernated) die(`VM ${vmid} not running`)
      return task(c, 'qmresume', vmid, () => {
        if (!g) return {}
        if (hibernated)
          return {
            apply: () => {
              delete g.lock
              st.setStatus(g, 'running')
            }
          }
        const l = locked('qemu', g, false)
        if (l) return { error: l }
        return { apply: () => st.setStatus(g, 'running') }
      })
    }
    default:
      return die(`Method 'POST /nodes/${node}/qemu/${vmid}/status/${action}' not implemented`, 501)
  }
}

function lxc(c: CallContext, action: string, vmid: number, g: GuestRec | undefined): string {
  const node = c.local
  const st = c.sim.state
  if (action === 'start' && !st.quorate()) die('cluster not ready - no quorum?')
  if (!g) die(confMissing('lxc', node, vmid))
  const ct = g as GuestRec
  const running = ct.status !== 'stopped'
  const simple = (type: string, apply: () => void): string =>
    task(c, type, vmid, () => {
      const l = locked('lxc', ct, false)
      return l ? { error: l } : { apply }
    })
  switch (action) {
    case 'start':
      if (running) die(`CT ${vmid} already running`)
      if (ct.hastate !== undefined) return haRequest(c, ct, 'start')
      return task(c, 'vzstart', vmid, () => {
        if (ct.template) return { error: "you can't start a CT if it's a template" }
        const l = locked('lxc', ct, false)
        return l ? { error: l } : { apply: () => st.setStatus(ct, 'running') }
      })
    case 'stop':
    case 'shutdown': {
      if (!running) die(`CT ${vmid} not running`)
      if (ct.hastate !== undefined) return haRequest(c, ct, 'stop')
      if (action === 'stop') return simple('vzstop', () => st.setStatus(ct, 'stopped'))
      const force = boolParam(c.params.forceStop)
      return task(c, 'vzshutdown', vmid, () => {
        const l = locked('lxc', ct, false)
        if (l) return { error: l }
        if (!ct.ignoreShutdown) return { apply: () => st.setStatus(ct, 'stopped') }
        const waitMs = intParam(c.params.timeout, 60) * 1000
        return force ? { waitMs, apply: () => st.setStatus(ct, 'stopped') } : { waitMs, error: 'container did not stop' }
      })
    }
    case 'reboot':
      if (!running) die(`VM ${vmid} not running`)
      return simple('vzreboot', () => {
        st.setStatus(ct, 'stopped')
        st.setStatus(ct, 'running')
      })
    case 'suspend':
      if (!running) die(`CT ${vmid} not running`)
      return simple('vzsuspend', () => st.setStatus(ct, 'stopped'))
    case 'resume':
      if (running) die(`CT ${vmid} already running`)
      return simple('vzresume', () => st.setStatus(ct, 'running'))
    default:
      return die(`Method 'POST /nodes/${node}/lxc/${vmid}/status/${action}' not implemented`, 501)
  }
}

interface Plan extends TaskOutcome {
  apply?: () => void
  /** how long the task runs instead of taskDurationMs */
  waitMs?: number
}

/** Checks run when the worker starts; failing workers end quickly, successful ones after taskDurationMs. */
function task(c: CallContext, type: string, vmid: number, plan: () => Plan, node = c.local, user: string = c.tokenId): string {
  const p = plan()
  const d = c.sim.opts.taskDurationMs
  const ms = p.waitMs ?? (p.error !== undefined ? Math.min(d, Math.max(20, d / 10)) : d)
  const t = c.sim.tasks.start(node, type, String(vmid), user, ms, () => {
    p.apply?.()
    return { ...(p.error !== undefined ? { error: p.error } : {}), ...(p.log ? { log: p.log } : {}) }
  })
  return t.upid
}

/** HA-managed guests: the task only submits a request; the HA manager acts later (as root@pam, with its own task). */
function haRequest(c: CallContext, g: GuestRec, what: 'start' | 'stop'): string {
  const st = c.sim.state
  const d = c.sim.opts.taskDurationMs
  const t = c.sim.tasks.start(c.local, `ha${what}`, String(g.vmid), c.tokenId, Math.min(d, Math.max(20, d / 5)), () => ({}), [
    `Requesting HA ${what} for VM ${g.vmid}`
  ])
  t.onStop = () => {
    g.hastate = what === 'start' ? 'started' : 'stopped'
    c.sim.tasks.later(Math.min(d, 200), () => {
      const up = g.status !== 'stopped'
      if (what === 'start' && up) return
      if (what === 'stop' && !up) return
      const prefix = g.type === 'qemu' ? 'qm' : 'vz'
      const type = what === 'start' ? `${prefix}start` : `${prefix}shutdown`
      const n = st.nodes.get(g.node)
      if (!n?.up) return
      c.sim.tasks.start(g.node, type, String(g.vmid), 'root@pam', d, () => {
        st.setStatus(g, what === 'start' ? 'running' : 'stopped')
        return {}
      })
    })
  }
  return t.upid
}
