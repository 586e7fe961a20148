// Small line icons for the power actions, so a row's actions fit in one compact column. Drawn in
// currentColor, hidden from assistive technology: the button around them carries the name.
import type { PowerAction } from '@shared/snapshot'

const PATHS: Readonly<Record<PowerAction, string>> = {
  start: 'M5 3.2v9.6L12.6 8z',
  resume: 'M5 3.2v9.6L12.6 8z',
  stop: 'M4 4h8v8H4z',
  suspend: 'M5 3.5v9M11 3.5v9',
  shutdown: 'M8 2v5.5M4.8 4.3a5 5 0 1 0 6.4 0',
  reboot: 'M12.8 8a4.8 4.8 0 1 1-1.4-3.4M12 1.8v3.2H8.8'
}

/** Filled shapes for start/resume/stop; strokes for the others. */
const FILLED: ReadonlySet<PowerAction> = new Set(['start', 'resume', 'stop'])

export function ActionIcon({ action }: { action: PowerAction }): React.JSX.Element {
  const filled = FILLED.has(action)
  return (
    <svg className="action-icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      <path
        d={PATHS[action]}
        fill={filled ? 'currentColor' : 'none'}
        stroke="currentColor"
        strokeWidth={filled ? 1 : 1.7}
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  )
}
