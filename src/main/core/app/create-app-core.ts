import type { AppCore, AppCoreDeps } from './app-core-types'

export function createAppCore(_deps: AppCoreDeps): AppCore {
  throw new Error('app core: not implemented yet')
}
