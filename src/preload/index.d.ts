// The renderer's view of what the preload exposes (tsconfig.web.json includes this file).
import type { PveTrayApi } from '../shared/ipc/contract'

declare global {
  interface Window {
    readonly pveTray: PveTrayApi
  }
}

export {}
