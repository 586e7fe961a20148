import { useState } from 'react'

export function CopyButton({ text, label }: { text: string; label: string }): React.JSX.Element {
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
      {copied === true ? 'Copied' : copied === false ? 'Select and copy by hand' : 'Copy'}
    </button>
  )
}
