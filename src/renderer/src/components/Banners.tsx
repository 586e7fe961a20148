// Notices that concern the whole app: demo mode, recovered settings, paused notifications.
import type { AppState, SettingsView } from '@shared/views'
import { useState } from 'react'

import { formatClock } from '../lib/format'
import type { Route } from '../state/use-navigation'
import { useNow } from '../state/use-now'

export interface BannersProps {
  readonly state: AppState | null
  readonly settings: SettingsView | null
  readonly route: Route
  readonly navigate: (to: Route) => void
}

export function Banners({ state, settings, route, navigate }: BannersProps): React.JSX.Element {
  const [recoveredSeen, setRecoveredSeen] = useState(false)
  const [secretsSeen, setSecretsSeen] = useState(false)
  // Ticks, so the pause banner goes when the pause ends even if no state push comes then.
  const now = useNow()
  const recovered = settings?.recovered ?? null
  const secrets = settings?.secretsRecovered ?? null
  return (
    <>
      {/* While the user connects their cluster the demo is not what they look at: no banner, and no
          button to the page that is already open. */}
      {state?.demo === true && route.view !== 'onboarding' ? (
        <div className="banner banner-demo" role="status">
          <span>
            <strong>Demo mode.</strong> You are looking at a simulated cluster; nothing here touches a real server.
          </span>
          <button type="button" className="btn btn-primary" onClick={() => navigate({ view: 'onboarding' })}>
            Connect your cluster
          </button>
        </div>
      ) : null}
      {recovered !== null && !recoveredSeen ? (
        <div className="banner banner-warning" role="alert">
          <span>
            {recovered.message}
            {recovered.backupPath !== null ? ` The old file was kept at ${recovered.backupPath}.` : ''}
          </span>
          <button type="button" className="btn" onClick={() => setRecoveredSeen(true)}>
            Dismiss
          </button>
        </div>
      ) : null}
      {secrets !== null && !secretsSeen ? (
        <div className="banner banner-warning" role="alert" data-testid="secrets-recovered-banner">
          <span>
            {secrets.message}
            {secrets.backupPath !== null ? ` The unreadable file was kept at ${secrets.backupPath}.` : ''}
          </span>
          <button type="button" className="btn" onClick={() => navigate({ view: 'settings' })}>
            Open settings
          </button>
          <button type="button" className="btn" onClick={() => setSecretsSeen(true)}>
            Dismiss
          </button>
        </div>
      ) : null}
      {state?.notificationsPausedUntil != null && state.notificationsPausedUntil > now ? (
        <div className="banner banner-info" role="status">
          Notifications are paused until {formatClock(state.notificationsPausedUntil)}.
        </div>
      ) : null}
    </>
  )
}
