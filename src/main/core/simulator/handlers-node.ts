import type { NodeRec } from './cluster-state'
import { type ApiHandler, type CallContext, die, str } from './context'
import { PVE_VERSION } from './handlers-cluster'
import { boolParam } from './param-check'
import { nodeRrd } from './rrd'

const GiB = 1024 ** 3
const KERNEL = { sysname: 'Linux', release: '6.17.2-1-pve', version: '#1 SMP PREEMPT_DYNAMIC PMX 6.17.2-1 (2025-10-21T11:55Z)', machine: 'x86_64' }

function localNode(c: CallContext): NodeRec {
  return c.sim.state.mustNode(c.local)
}

/** rrddata is served from the local rrdcached copy: unknown names have no RRD file */
function anyNode(c: CallContext): NodeRec {
  const n = c.sim.state.nodes.get(str(c, 'node') === 'localhost' ? c.local : str(c, 'node'))
  if (!n) die(`hostname lookup '${str(c, 'node')}' failed - failed to get address info for: ${str(c, 'node')}: Name or service not known`)
  return n as NodeRec
}

export const nodeHandlers: Record<string, ApiHandler> = {
  'GET /nodes/{node}/version': () => ({ data: { ...PVE_VERSION } }),

  'GET /nodes/{node}/status': (c) => {
    const n = localNode(c)
    const m = c.sim.state.nodeMetricsOf(n)
    const swapTotal = 8 * GiB
    const sockets = n.spec.maxcpu >= 64 ? 2 : 1
    return {
      data: {
        uptime: m.uptime,
        idle: 0,
        loadavg: m.loadavg.map((v) => v.toFixed(2)),
        kversion: `${KERNEL.sysname} ${KERNEL.release} ${KERNEL.version}`,
        'current-kernel': { ...KERNEL },
        'boot-info': { mode: 'efi', secureboot: 0 },
        cpuinfo: {
          model: n.spec.cpuModel ?? 'QEMU Virtual CPU version 2.5+',
          sockets,
          cpus: n.spec.maxcpu,
          cores: n.spec.maxcpu / sockets / 2,
          mhz: (2400 + n.index * 100).toFixed(3),
          flags: 'fpu vme de pse tsc msr pae mce cx8 apic sep mtrr pge mca cmov sse sse2 ht syscall nx lm avx avx2 svm',
          user_hz: 100,
          vendor: 'AuthenticAMD',
          family: '25',
          hvm: '1'
        },
        cpu: m.cpu,
        wait: Math.round(m.cpu * 0.05 * 1e6) / 1e6,
        memory: { total: n.spec.maxmem, used: m.mem, free: n.spec.maxmem - m.mem, available: n.spec.maxmem - m.mem },
        ksm: { shared: 0 },
        swap: { total: swapTotal, used: 12_582_912, free: swapTotal - 12_582_912 },
        pveversion: `pve-manager/${PVE_VERSION.version}/${PVE_VERSION.repoid}`,
        rootfs: { total: n.spec.maxdisk, used: m.disk, avail: n.spec.maxdisk - m.disk, free: n.spec.maxdisk - m.disk }
      }
    }
  },

  'GET /nodes/{node}/storage': (c) => {
    const only = c.params.storage === undefined ? undefined : str(c, 'storage')
    const content = c.params.content === undefined ? undefined : str(c, 'content').split(',')
    const enabledOnly = boolParam(c.params.enabled)
    const data = c.sim.state
      .storagesOn(c.local)
      .filter((s) => (only === undefined || s.storage === only) && (!content || content.some((k) => s.content.split(',').includes(k))))
      .filter((s) => c.sim.acl.has(c.tokenId, `/storage/${s.storage}`, ['Datastore.Audit', 'Datastore.AllocateSpace'], true))
      .filter((s) => !enabledOnly || s.active !== false)
      .map((s) => {
        const e: Record<string, unknown> = {
          storage: s.storage,
          type: s.plugintype,
          content: s.content,
          shared: s.shared ? 1 : 0,
          enabled: 1,
          active: s.active === false ? 0 : 1
        }
        if (s.active !== false) {
          const used = Math.round(s.maxdisk * s.used)
          Object.assign(e, { total: s.maxdisk, used, avail: s.maxdisk - used, used_fraction: used / s.maxdisk })
        }
        return e
      })
    return { data }
  },

  'GET /nodes/{node}/rrddata': (c) => ({ data: nodeRrd(c, anyNode(c)) })
}
