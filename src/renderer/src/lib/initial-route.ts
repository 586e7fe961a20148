// The first view: onboarding while no cluster is configured, else the overview. A `view=` in the URL
// fragment (the browser bridge's link, tests) picks one directly.
import type { NavigateTarget } from '@shared/views'

const VIEWS: readonly NavigateTarget['view'][] = ['overview', 'guests', 'storage', 'node', 'settings', 'onboarding', 'tasks']

export function routeFromHash(hash: string): NavigateTarget | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''))
  const view = params.get('view')
  const match = VIEWS.find((v) => v === view)
  return match === undefined ? null : { view: match }
}

export function initialRoute(hash: string, configuredClusters: number): NavigateTarget {
  return routeFromHash(hash) ?? (configuredClusters === 0 ? { view: 'onboarding' } : { view: 'overview' })
}
