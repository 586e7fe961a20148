// Sleep and wake: the monitor stops polling while asleep and polls at once on wake (with the
// core's grace period, so a laptop waking up does not report every node down).
import { powerMonitor } from 'electron'

import type { AppCore } from '../core'

export function watchPowerEvents(core: AppCore): () => void {
  const suspend = (): void => core.suspend()
  const resume = (): void => core.resume()
  powerMonitor.on('suspend', suspend)
  powerMonitor.on('resume', resume)
  return () => {
    powerMonitor.off('suspend', suspend)
    powerMonitor.off('resume', resume)
  }
}
