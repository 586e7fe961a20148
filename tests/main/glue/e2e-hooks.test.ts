// The e2e hooks file imports Electron types only, so it runs under Node: the hooks are off unless
// the flag is exactly "1", and they hand out the tray's model and actions, nothing more.
import { afterEach, describe, expect, it } from 'vitest'

import type { AppCore } from '../../../src/main/core'
import { createE2eRecorder, e2eEnabled, type E2eHooks, installE2eHooks } from '../../../src/main/glue/e2e-hooks'
import type { TrayGlue } from '../../../src/main/glue/tray'

const g = globalThis as { __pveTrayE2E?: E2eHooks }

describe('e2e hooks', () => {
  afterEach(() => {
    delete g.__pveTrayE2E
  })

  it('are enabled only by PVE_TRAY_E2E=1', () => {
    expect(e2eEnabled({})).toBe(false)
    expect(e2eEnabled({ PVE_TRAY_E2E: 'true' })).toBe(false)
    expect(e2eEnabled({ PVE_TRAY_E2E: '0' })).toBe(false)
    expect(e2eEnabled({ PVE_TRAY_E2E: '1' })).toBe(true)
  })

  it('expose the tray model, item activation, shown notifications and the confirm answer', async () => {
    const activated: string[] = []
    const tray = {
      model: () => [{ id: 'quit', type: 'normal', label: 'Quit PVE Tray', enabled: true, action: { kind: 'quit' } }],
      status: () => ({ icon: 'ok' }),
      activate: async (id: string) => void activated.push(id),
      dispose: () => undefined
    } as unknown as TrayGlue
    const core = {
      getState: () => ({ demo: true, clusters: [], events: [], notificationsPausedUntil: null }),
      dispatch: async () => ({ ok: true, value: null })
    } as unknown as AppCore
    const recorder = createE2eRecorder()
    installE2eHooks(core, tray, recorder)
    const hooks = g.__pveTrayE2E
    expect(hooks?.menu()[0]?.id).toBe('quit')
    await hooks?.activate('quit')
    expect(activated).toEqual(['quit'])
    recorder.shown.push({ id: 'n1', title: 't', body: 'b', urgency: 'critical', silent: false, clickTarget: null })
    expect(hooks?.notifications().map((n) => n.id)).toEqual(['n1'])
    hooks?.setConfirmAnswer(false)
    expect(recorder.confirmAnswer).toBe(false)
    expect(hooks?.state().demo).toBe(true)
  })
})
