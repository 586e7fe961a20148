import { useState } from 'react'

/** `visibleLabel` replaces the plain "Copy" where the button stands alone (e.g. "Copy all commands"). */
export function CopyButton({ text, label, visibleLabel = 'Copy' }: { text: string; label: string; visibleLabel?: string }): React.JSX.Element {
  const [copied, setCopied] = useState<boolean | null>(null)
  return (
    <button
      type="button"
      className="btn btn-small"
      aria-label={label}
      onClick={() => {
        navigator.clipboard.writeText(text).then(
          () => setCopied(true),
          () => setCopied(false)
        )
      }}
    >
      {copied === true ? 'Copied' : copied === false ? 'Select and copy by hand' : visibleLabel}
    </button>
  )
}
