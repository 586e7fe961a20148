// Which of a guest's web-UI links make sense now: one rule for the tray, the dashboard and main's refusal.
import type { GuestView } from './snapshot'

/**
 * Why the guest's noVNC console cannot be opened now, or null when it can. The console attaches to a running
 * QEMU process (a paused VM still shows its screen) or a running container; a template never runs, and a
 * guest whose state is unknown may not be running at all.
 */
export function consoleUnavailableReason(g: Pick<GuestView, 'kind' | 'state' | 'template' | 'staleReason'>): string | null {
  if (g.template) return 'a template has no console'
  if (g.staleReason !== null) return `its state is unknown (${g.staleReason})`
  if (g.state === 'running' || (g.kind === 'qemu' && g.state === 'paused')) return null
  return `it is not running`
}
