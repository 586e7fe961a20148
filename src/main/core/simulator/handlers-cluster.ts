import { type ApiHandler, type CallContext, die, str } from './context'
import { shuffle } from './prng'
import { clusterResources, nodeItem } from './resources-view'
import { type TaskRec, taskUserFields } from './tasks'

export const PVE_VERSION = { version: '9.1.2', release: '9.1', repoid: 'b1d4f9c2e07a3d55' }

export function taskListEntry(t: TaskRec): Record<string, unknown> {
  const e: Record<string, unknown> = {
    upid: t.upid,
    node: t.node,
    pid: t.pid,
    pstart: t.pstart,
    starttime: t.starttime,
    type: t.type,
    id: t.id,
    ...taskUserFields(t.user)
  }
  if (t.status === 'stopped') {
    e.status = t.exitstatus
    if (t.endtime !== undefined) e.endtime = t.endtime
  }
  return e
}

/** owner of the task (token or its user) or Sys.Audit on the task's node */
export function canSeeTask(c: CallContext, t: TaskRec): boolean {
  return t.user === c.tokenId || c.sim.acl.has(c.tokenId, `/nodes/${t.node}`, ['Sys.Audit'])
}

export const clusterHandlers: Record<string, ApiHandler> = {
  'GET /version': () => ({ data: { ...PVE_VERSION } }),

  'GET /cluster/resources': (c) => ({ data: clusterResources(c, c.params.type === undefined ? undefined : str(c, 'type')) }),

  'GET /cluster/status': (c) => {
    const st = c.sim.state
    const nodes = shuffle([...st.nodes.values()])
    const data: Record<string, unknown>[] = [
      { type: 'cluster', id: 'cluster', name: st.name, nodes: st.nodes.size, version: st.configVersion, quorate: st.quorate() ? 1 : 0 }
    ]
    for (const n of nodes) {
      data.push({
        type: 'node',
        id: `node/${n.spec.name}`,
        name: n.spec.name,
        nodeid: n.nodeid,
        local: n.spec.name === c.local ? 1 : 0,
        online: st.isOnline(n) ? 1 : 0,
        ip: '127.0.0.1',
        level: st.hasRrd(n) ? n.spec.level : ''
      })
    }
    return { data }
  },

  'GET /cluster/tasks': (c) => {
    const list = c.sim.tasks
      .all()
      .filter((t) => canSeeTask(c, t))
      .sort((a, b) => b.starttime - a.starttime)
      .slice(0, 200)
      .map(taskListEntry)
    return { data: list }
  },

  'GET /nodes': (c) => {
    const st = c.sim.state
    return { data: shuffle([...st.nodes.values()]).map((n) => ({ ...nodeItem(c, n), ssl_fingerprint: c.sim.fingerprintOf(n.spec.name) })) }
  },

  'GET /access/permissions': (c) => {
    const userid = c.params.userid === undefined ? c.tokenId : str(c, 'userid')
    if (userid !== c.tokenId && !c.sim.acl.has(c.tokenId, '/access', ['Sys.Audit'])) {
      die('Permission check failed', 403)
    }
    if (c.params.path !== undefined) {
      const path = str(c, 'path')
      const perms = c.sim.acl.permissions(userid, path)
      return { data: Object.keys(perms).length > 0 ? { [path]: perms } : {} }
    }
    return { data: c.sim.acl.effective(userid) }
  }
}
