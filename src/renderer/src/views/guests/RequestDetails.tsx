// The request behind a failure (method, path, address, HTTP status): for a bug report or a look at
// the Proxmox logs, kept behind a disclosure so the reason reads first.
export function RequestDetails({ details }: { details: string | null }): React.JSX.Element | null {
  if (details === null) return null
  return (
    <details className="request-details" data-testid="request-details">
      <summary>Request details</summary>
      <p>{details}</p>
    </details>
  )
}
