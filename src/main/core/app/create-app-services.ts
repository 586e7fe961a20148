// Wires settings, vault, clients, monitors and SSH into the services the IPC handlers use (`context`)
// and the rest of the AppCore (events, state, lifecycle). With no cluster configured it runs the demo
// cluster. The handlers are put on top in ../create-app-core: this module knows nothing of them.
import { randomUUID } from 'node:crypto'

import type { ChannelParsedInput, EventChannel, EventContract } from '../../../shared/ipc/contract'
import type { MonitorEvent } from '../../../shared/snapshot'
import type { AppState } from '../../../shared/views'
import { ALL_FIGURES, type FiguresShown, NO_FIGURES } from '../monitor/figures-shown'
import { loadSettings } from '../settings/load-settings'
import { createSettingsService } from '../settings/settings-service'
import { UpkeepWatch } from '../upkeep/upkeep-watch'
import type { AppContext } from './app-context'
import type { AppCore, AppCoreDeps, AppCoreTimings, DemoCluster } from './app-core-types'
import { ClusterRuntime, DEMO_CLUSTER_ID } from './cluster-runtime'
import { startDefaultDemo } from './default-demo'
import { createGuestPrefs } from './guest-prefs'
import { createNodeDiagnoser } from './node-diagnoser'
import { createPveClient, probeCertificateWithTls } from './pve-adapters'
import { createSshPort } from './ssh-port'
import { createStatePublisher } from './state-publisher'

const defaultTimings: AppCoreTimings = { taskPollMs: 1000, pollIntervalMs: null, connectTimeoutMs: 10_000 }

export interface AppServices {
  /** What the IPC handlers get. */
  readonly context: AppContext
  /** Every secret main knows, to scrub from any message that could leave the process. */
  readonly secrets: () => Iterable<string>
  /** The AppCore but for `dispatch` (which needs the handlers). */
  readonly core: Omit<AppCore, 'dispatch'>
}

export function createAppServices(deps: AppCoreDeps): AppServices {
  const log = deps.logger ?? (() => {})
  const now = deps.now ?? Date.now
  const timings: AppCoreTimings = { ...defaultTimings, ...deps.timings }
  const settings = createSettingsService({ store: deps.settingsStore, vault: deps.vault, loaded: loadSettings(deps.settingsStore, log), log })
  const listeners = new Map<EventChannel, Set<(p: never) => void>>()
  const monitorListeners = new Set<(e: MonitorEvent) => void>()
  const background = new Set<Promise<unknown>>()
  const stopping = new AbortController()
  let demo: DemoCluster | null = null
  let started = false
  let stopped = false
  let reconciling: Promise<void> = Promise.resolve()

  /** Background work (task streaming, SSH diagnoses) the core waits for on stop. */
  function track(work: Promise<unknown>): void {
    const p = work.catch(() => undefined).finally(() => background.delete(p))
    background.add(p)
  }

  function emit<E extends EventChannel>(event: E, payload: EventContract[E]): void {
    for (const l of [...(listeners.get(event) ?? [])]) {
      try {
        ;(l as (p: EventContract[E]) => void)(payload)
      } catch {
        // A failing subscriber (closed window) must not break the others.
      }
    }
  }

  const rendererThere = (): boolean => (listeners.get('state:delta')?.size ?? 0) > 0 && (deps.rendererOpen?.() ?? true)
  const publisher = createStatePublisher({
    read: getState,
    emitState: (s) => emit('state:changed', s),
    emitDelta: (d) => emit('state:delta', d),
    deltaWanted: rendererThere
  })
  /**
   * What the renderer last said it shows (`guests:show-figures`), per cluster; null: none has said, so all of them.
   * Kept when its event stream drops and comes back (the page did not change; it says again when what it shows
   * does), and a new renderer says at its start. Built once per declaration: asked again on every poll.
   */
  let figuresDeclared: ReadonlyMap<string, FiguresShown> | 'all' | null = null
  function declareFigures(shown: ChannelParsedInput<'guests:show-figures'>): void {
    const byCluster = new Map<string, { all: false; vmids: Set<number> }>()
    for (const g of shown.guests) {
      const c = byCluster.get(g.clusterId) ?? { all: false, vmids: new Set<number>() }
      byCluster.set(g.clusterId, c)
      c.vmids.add(g.vmid)
    }
    figuresDeclared = shown.all ? 'all' : byCluster
  }
  function figuresFor(clusterId: string): FiguresShown {
    if (!rendererThere()) return NO_FIGURES
    if (figuresDeclared === null || figuresDeclared === 'all') return ALL_FIGURES
    return figuresDeclared.get(clusterId) ?? NO_FIGURES
  }
  /** Guests' moving figures are built and sent only for what a renderer there shows (see figures-shown.ts). */
  function syncGuestFigures(): void {
    runtime.hub.setGuestFigures(figuresFor)
  }

  const runtime = new ClusterRuntime({
    settings,
    log,
    connectTimeoutMs: timings.connectTimeoutMs,
    ...(timings.responseTimeoutMs === undefined ? {} : { responseTimeoutMs: timings.responseTimeoutMs }),
    probeCertificate: probeCertificateWithTls,
    ...(timings.certificateCheckMs === undefined ? {} : { certificateCheckMs: timings.certificateCheckMs }),
    now,
    pollIntervalMs: () => timings.pollIntervalMs ?? settings.doc().pollIntervalSec * 1000,
    onCycle: (id, snap, events) => {
      diagnoser.observe(id, snap)
      for (const raw of events) {
        const e = diagnoser.annotate(raw)
        for (const l of [...monitorListeners]) l(e)
      }
      syncGuestFigures()
      publisher.publish()
    }
  })
  // Node upkeep is read on its own schedule, never by a poll; its events go where the monitor's go.
  const upkeep = new UpkeepWatch({
    registry: runtime,
    now,
    log,
    ...(timings.upkeepTickMs === undefined ? {} : { tickMs: timings.upkeepTickMs }),
    onEvents: (_id, events) => {
      for (const e of events) for (const l of [...monitorListeners]) l(e)
      publisher.publish()
    }
  })

  const ssh = createSshPort({
    settings,
    ...(deps.sshKnownHostsPath === undefined ? {} : { knownHostsPath: deps.sshKnownHostsPath }),
    ...(deps.sshKnownHostsLabel === undefined ? {} : { knownHostsFileLabel: deps.sshKnownHostsLabel }),
    log,
    demo: () => (demo?.ssh === undefined ? null : { clusterId: DEMO_CLUSTER_ID, ssh: demo.ssh }),
    nodeAddress: (clusterId, node) => {
      const snap = runtime.snapshot(clusterId)
      return snap?.nodes.find((n) => n.name === node)?.ip ?? settings.cluster(clusterId)?.endpoints.find((e) => e.node === node)?.host
    }
  })
  ssh.onState((s) => emit('ssh:state', s))
  const diagnoser = createNodeDiagnoser({ ssh, now, track })

  function getState(): AppState {
    const upkeepEvents = upkeep.events()
    return {
      demo: demo !== null,
      clusters: runtime.snapshots(),
      events: upkeepEvents.length === 0 ? runtime.events() : [...runtime.events(), ...upkeepEvents].sort((a, b) => a.at - b.at),
      notificationsPausedUntil: settings.doc().notifications.pausedUntil
    }
  }

  /** Every secret main knows, to scrub from any message that could leave the process. */
  function* secrets(): Generator<string> {
    // All of them, bound to the current settings or not: a secret must never leave in a message.
    yield* settings.allSecrets()
    if (demo !== null) yield demo.tokenSecret
    if (demo?.ssh !== undefined) yield demo.ssh.privateKey
  }

  async function reconcile(): Promise<void> {
    syncGuestFigures()
    const doc = settings.doc()
    if (doc.clusters.length > 0 && demo !== null) {
      const d = demo
      demo = null
      await runtime.reconcile(doc, null)
      await d.close().catch(() => undefined)
    } else if (doc.clusters.length === 0 && demo === null && !stopped) {
      try {
        demo = await (deps.startDemo ?? (() => startDefaultDemo()))()
      } catch (e) {
        log(`demo: could not start (${e instanceof Error ? e.name : 'error'})`)
      }
      await runtime.reconcile(doc, demo)
    } else {
      await runtime.reconcile(doc, demo)
    }
    publisher.publish()
  }

  function scheduleReconcile(): Promise<void> {
    // Serialised: two quick settings changes must not start two demo simulators.
    reconciling = reconciling.then(() => (started && !stopped ? reconcile() : undefined)).catch(() => undefined)
    return reconciling
  }

  settings.onChange(() => {
    void scheduleReconcile()
  })

  const context: AppContext = {
    settings,
    prefs: createGuestPrefs({
      settings,
      demo: runtime.demoPrefs,
      isDemo: (id) => runtime.get(id)?.demo === true,
      demoChanged: () => {
        runtime.applySettings(settings.doc())
        publisher.publish()
      }
    }),
    clusters: runtime,
    platform: deps.platform,
    ssh,
    nodeDiagnosis: diagnoser,
    probeCertificate: probeCertificateWithTls,
    createApi: (config) => createPveClient(config, { connectTimeoutMs: timings.connectTimeoutMs, logger: log }),
    emit,
    timings,
    now,
    newId: () => randomUUID(),
    log,
    track,
    stopping: stopping.signal,
    stateChanged: () => publisher.publish(),
    upkeep,
    showGuestFigures: (shown) => {
      declareFigures(shown)
      syncGuestFigures()
    },
    appState: () => {
      // A renderer asking for the state is there: from now on polls read guests' figures.
      syncGuestFigures()
      return publisher.current()
    }
  }
  const core: Omit<AppCore, 'dispatch'> = {
    on(event, listener) {
      let set = listeners.get(event)
      if (set === undefined) listeners.set(event, (set = new Set()))
      const l = listener as (p: never) => void
      set.add(l)
      // A renderer subscribing (or leaving) is what switches guests' figures on (or off): at once, not at the
      // next poll, which may be a whole interval away (the browser bridge asks for the state before it subscribes).
      if (event === 'state:delta') syncGuestFigures()
      return () => {
        set.delete(l)
        if (event === 'state:delta') syncGuestFigures()
      }
    },
    onMonitorEvent(listener) {
      monitorListeners.add(listener)
      return () => void monitorListeners.delete(listener)
    },
    getState,
    settings: () => settings.view(),
    suspend: () => runtime.hub.suspendAll(),
    resume: () => runtime.hub.resumeAll(),
    async start(): Promise<void> {
      if (started) return
      started = true
      upkeep.start()
      await scheduleReconcile()
    },
    async stop(): Promise<void> {
      if (stopped) return
      stopped = true
      stopping.abort()
      upkeep.stop()
      await reconciling
      await Promise.all([...background])
      await runtime.stop()
      await ssh.closeAll()
      const d = demo
      demo = null
      if (d !== null) await d.close().catch(() => undefined)
    }
  }
  return { context, secrets, core }
}
