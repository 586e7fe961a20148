// The selection column's header: checks every shown (filtered) row, or clears them; mixed when some are.
import { useMemo } from 'react'

export interface SelectShownBoxProps {
  readonly rowKeys: readonly string[]
  readonly checkedKeys: ReadonlySet<string>
  readonly onCheckShown: (on: boolean) => void
}

export function SelectShownBox({ rowKeys, checkedKeys, onCheckShown }: SelectShownBoxProps): React.JSX.Element {
  const checkedShown = useMemo(() => (checkedKeys.size === 0 ? 0 : rowKeys.reduce((n, k) => (checkedKeys.has(k) ? n + 1 : n), 0)), [rowKeys, checkedKeys])
  const all = rowKeys.length > 0 && checkedShown === rowKeys.length
  return (
    <input
      type="checkbox"
      aria-label={`Select all ${rowKeys.length} shown guests`}
      data-testid="select-shown"
      checked={all}
      disabled={rowKeys.length === 0}
      ref={(el) => {
        if (el !== null) el.indeterminate = checkedShown > 0 && !all
      }}
      onChange={() => onCheckShown(!all)}
    />
  )
}
