// A line of the node's upkeep in the colour of its tone (ok, warning, error, or muted for the unknown and the neutral).
import type { Line } from './upkeep-words'

export function ToneText({ line, testId }: { line: Line; testId?: string }): React.JSX.Element {
  const cls = line.tone === 'error' ? 'error-text' : line.tone === 'warning' ? 'warning-text' : line.tone === 'ok' ? 'success-text' : 'muted-text'
  return (
    <span className={cls} data-testid={testId} data-tone={line.tone}>
      {line.text}
    </span>
  )
}
