// backups:info, tasks:cluster and tasks:log through the app core against the demo cluster in the simulator:
// the newest backup per guest from the backup storages (never read by the poll, kept 10 min, a refresh at most
// every 30 s), "never" kept apart from "not known", the guests no job covers, a missing privilege hiding each
// part with its reason, the task list of all users and a task's log paged.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Simulator } from '../../../../src/main/core/simulator'
import { type BackupInfoView, type ClusterTasksView, guestBackupState, type TaskLogView } from '../../../../src/shared/backup-views'
import { clusterInput, type Harness, startWatchedCluster, until } from './app-core-harness'

let sim: Simulator
let h: Harness
let clusterId: string
let clock = Date.now()

beforeAll(async () => {
  ;({ sim, h, clusterId } = await startWatchedCluster({ authDelayMs: 20, taskDurationMs: 100, seed: 3 }, { now: () => clock }))
})
afterAll(async () => {
  await h.cleanup()
  await sim.close()
})

const contentCalls = (): number => sim.requests({ path: /\/storage\/[^/]+\/content$/ }).length

async function ok<T>(channel: 'backups:info' | 'tasks:cluster' | 'tasks:log', input: unknown): Promise<T> {
  const r = await h.core.dispatch(channel, input)
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`)
  return r.value as T
}

async function saveWith(name: string, acls: { path: string; privs: string[] }[]): Promise<string> {
  const t = sim.cluster.addToken({ id: `${name.toLowerCase()}@pve!tray`, acls })
  const r = await h.core.dispatch('settings:save-cluster', clusterInput(sim, { name, tokenId: t.id, tokenSecret: t.secret }))
  if (!r.ok) throw new Error(r.error.message)
  const id = (r.value as { clusters: { id: string; name: string }[] }).clusters.find((c) => c.name === name)?.id ?? ''
  await until(() => (h.core.getState().clusters.find((c) => c.clusterId === id)?.guests.length ?? 0) > 0)
  return id
}

describe('backups:info', () => {
  it("the monitor's polls never list a backup storage", async () => {
    await h.core.dispatch('clusters:refresh', { clusterId })
    await h.core.dispatch('clusters:refresh', { clusterId })
    expect(contentCalls()).toBe(0)
  })

  it('newest archive per guest over every backup storage (nfs-backup once, each local per node); never vs found; the uncovered guests', async () => {
    const v = await ok<BackupInfoView>('backups:info', { clusterId })
    expect(v.hidden).toBeNull()
    expect(v.unread).toEqual([])
    // nfs-backup (shared) once, `local` on each of the four nodes: five listings.
    expect(contentCalls()).toBe(5)
    const now = Date.now() / 1000
    const s100 = guestBackupState(v, 100)
    // 100 has a 30-day-old archive on pve-a's local and last night's on nfs-backup: the newest wins.
    expect(s100).toMatchObject({ state: 'found', storage: 'nfs-backup', partial: false })
    if (s100.state === 'found') expect(now - s100.at).toBeLessThan(7 * 3600)
    const s108 = guestBackupState(v, 108)
    expect(s108.state === 'found' && s108.storage).toBe('nfs-backup')
    expect(guestBackupState(v, 203)).toMatchObject({ state: 'found' })
    expect(guestBackupState(v, 115)).toEqual({ state: 'never' })
    expect(guestBackupState(v, 105)).toEqual({ state: 'never' })
    expect(v.uncovered).toEqual([
      { vmid: 105, kind: 'qemu', name: 'win-build' },
      { vmid: 205, kind: 'lxc', name: 'test-ct' },
      { vmid: 9001, kind: 'qemu', name: 'ubuntu-2404-template' }
    ])
  })

  it('kept 10 minutes; a refresh reads again only 30 s after the last read', async () => {
    const before = contentCalls()
    await ok('backups:info', { clusterId })
    await ok('backups:info', { clusterId, refresh: true })
    expect(contentCalls()).toBe(before)
    clock += 31_000
    await ok('backups:info', { clusterId, refresh: true })
    expect(contentCalls()).toBe(before + 5)
    clock += 5 * 60_000
    await ok('backups:info', { clusterId })
    expect(contentCalls()).toBe(before + 5)
    clock += 5 * 60_000
    await ok('backups:info', { clusterId })
    expect(contentCalls()).toBe(before + 10)
  })

  it('a storage that cannot be read makes the guests without an archive "not known", never "never"', async () => {
    clock += 11 * 60_000
    const f = sim.faults.serverError(500, { path: /\/nodes\/pve-a\/storage\/local\/content$/ }, "can't activate storage 'local'")
    const v = await ok<BackupInfoView>('backups:info', { clusterId })
    f.remove()
    expect(v.unread).toEqual([{ storage: 'local', node: 'pve-a', reason: expect.stringMatching(/^not known: /) as string }])
    expect(guestBackupState(v, 115)).toMatchObject({ state: 'unknown', reason: expect.stringMatching(/local/) as string })
    expect(guestBackupState(v, 102)).toMatchObject({ state: 'found', partial: true })
  })

  it('a backup that just ran shows after a refresh', async () => {
    const upid = sim.cluster.runBackup(115)
    await until(() => sim.cluster.tasks().find((t) => t.upid === upid)?.status === 'stopped')
    clock += 31_000
    const v = await ok<BackupInfoView>('backups:info', { clusterId, refresh: true })
    expect(guestBackupState(v, 115)).toMatchObject({ state: 'found', storage: 'nfs-backup' })
  })

  it('without Sys.Audit on / the uncovered list is hidden with the reason; the ages still show', async () => {
    const id = await saveWith('NoSys', [
      { path: '/vms', privs: ['VM.Audit'] },
      { path: '/storage', privs: ['Datastore.Audit'] },
      { path: '/nodes', privs: ['Sys.Audit'] }
    ])
    const v = await ok<BackupInfoView>('backups:info', { clusterId: id })
    expect(v.uncovered).toBeNull()
    expect(v.uncoveredHidden).toBe('hidden: the API token lacks Sys.Audit on /')
    expect(guestBackupState(v, 102).state).toBe('found')
  })

  it('without Datastore.Audit the ages are hidden with the reason, never "never"', async () => {
    const id = await saveWith('NoStore', [
      { path: '/vms', privs: ['VM.Audit'] },
      { path: '/nodes', privs: ['Sys.Audit'] }
    ])
    const before = contentCalls()
    const v = await ok<BackupInfoView>('backups:info', { clusterId: id })
    expect(contentCalls()).toBe(before)
    expect(v.hidden).toMatch(/Datastore\.Audit on \/storage/)
    expect(guestBackupState(v, 102)).toMatchObject({ state: 'unknown' })
  })

  it('a token that sees storages but none that holds backups: "not known" with the reason, never "never"', async () => {
    const id = await saveWith('NoBackupStore', [
      { path: '/vms', privs: ['VM.Audit'] },
      { path: '/nodes', privs: ['Sys.Audit'] },
      { path: '/storage/local-lvm', privs: ['Datastore.Audit'] }
    ])
    await until(() => (h.core.getState().clusters.find((c) => c.clusterId === id)?.storage.length ?? 0) > 0)
    const before = contentCalls()
    const v = await ok<BackupInfoView>('backups:info', { clusterId: id })
    expect(contentCalls()).toBe(before)
    expect(v.hidden).toMatch(/^not known: the API token sees no storage for backups/)
    expect(guestBackupState(v, 109)).toMatchObject({ state: 'unknown' })
  })
})

describe('the task log', () => {
  it("tasks:cluster lists every user's recent tasks with status; a task's log pages with start/limit", async () => {
    const upid = sim.cluster.runBackup(102, { fail: 'vma_queue_write: write error - Broken pipe' })
    await until(() => sim.cluster.tasks().find((t) => t.upid === upid)?.status === 'stopped')
    const list = await ok<ClusterTasksView>('tasks:cluster', { clusterId })
    expect(list.onlyOwn).toBeNull()
    const t = list.tasks.find((x) => x.upid === upid)
    expect(t).toMatchObject({ type: 'vzdump', id: '102', node: 'pve-a', status: 'job errors', ok: false })
    expect(list.tasks.some((x) => x.user === 'root@pam')).toBe(true)

    const all = await ok<TaskLogView>('tasks:log', { clusterId, upid, start: 0, limit: 100 })
    expect(all.total).toBe(all.lines.length)
    expect(all.lines.map((l) => l.t)).toContain('ERROR: Backup of VM 102 failed - vma_queue_write: write error - Broken pipe')
    expect(all.lines.at(-1)).toEqual({ n: all.total, t: 'TASK ERROR: job errors' })
    const page = await ok<TaskLogView>('tasks:log', { clusterId, upid, start: 1, limit: 2 })
    expect(page.lines.map((l) => l.n)).toEqual([2, 3])
    expect(page.total).toBe(all.total)
  })

  it('a log line is text: markup comes back verbatim (the dashboard renders it as text), overlong lines are cut', async () => {
    const upid = sim.cluster.runBackup(200, { fail: `<img src=x onerror=alert(1)> ${'x'.repeat(9000)}` })
    await until(() => sim.cluster.tasks().find((t) => t.upid === upid)?.status === 'stopped')
    const log = await ok<TaskLogView>('tasks:log', { clusterId, upid, start: 0, limit: 50 })
    const line = log.lines.find((l) => l.t.startsWith('ERROR:'))
    expect(line?.t).toContain('<img src=x onerror=alert(1)>')
    expect(line?.t.length).toBeLessThanOrEqual(4001)
  })

  it("a token without Sys.Audit on /nodes: only its own tasks, said; another's log is refused in words", async () => {
    const id = await saveWith('Own', [{ path: '/vms', privs: ['VM.Audit'] }])
    const list = await ok<ClusterTasksView>('tasks:cluster', { clusterId: id })
    expect(list.onlyOwn).toMatch(/Sys\.Audit on \/nodes/)
    expect(list.tasks).toEqual([])
    const other = sim.cluster.tasks().find((t) => t.node === 'pve-a' && t.status === 'stopped')?.upid ?? ''
    const r = await h.core.dispatch('tasks:log', { clusterId: id, upid: other })
    expect(r).toMatchObject({ ok: false, error: { code: 'permission' } })
  })

  it('refuses a UPID of a node not in the cluster and a malformed one', async () => {
    expect(await h.core.dispatch('tasks:log', { clusterId, upid: 'UPID:elsewhere:00001234:00000001:5F000000:qmstart:100:root@pam:' })).toMatchObject({
      ok: false,
      error: { code: 'not-found' }
    })
    expect(await h.core.dispatch('tasks:log', { clusterId, upid: '../../etc/passwd' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
  })
})
