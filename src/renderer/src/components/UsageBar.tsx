// A labelled usage bar (role="meter"). Width is set through CSSOM (React style), which the page's
// CSP `style-src 'self'` permits, unlike inline style attributes in HTML.
export interface UsageBarProps {
  readonly label: string
  /** 0..1, or null when unknown. */
  readonly fraction: number | null
  readonly text: string
  readonly warn?: boolean
  /** Bar and figure on one line, no visible label (a table cell, whose row names it). */
  readonly inline?: boolean
}

export function UsageBar({ label, fraction, text, warn = false, inline = false }: UsageBarProps): React.JSX.Element {
  const pct = fraction === null ? 0 : Math.round(Math.min(1, Math.max(0, fraction)) * 100)
  // Nearly full is red whatever the warning threshold says; amber marks the threshold below that.
  const level = pct >= 90 ? 'bar-high' : warn ? 'bar-warn' : ''
  const bar = (
    <div
      className={`bar ${level}`}
      role="meter"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={fraction === null ? undefined : pct}
      aria-valuetext={text}
    >
      <div className="bar-fill" style={{ width: `${pct}%` }} />
    </div>
  )
  if (inline) {
    return (
      <div className="usage usage-inline">
        {bar}
        <span className="usage-text" aria-hidden="true">
          {text}
        </span>
      </div>
    )
  }
  return (
    <div className="usage">
      <div className="usage-head">
        <span className="usage-label">{label}</span>
        <span className="usage-text">{text}</span>
      </div>
      {bar}
    </div>
  )
}
