// A guest's disk and network rates (B/s between pvestatd's last two readings, see GuestView). A running guest
// whose rate is not known yet (first reading, just restarted, dashboard just opened) shows "—"; a guest that
// is not running shows nothing: it has no I/O to speak of.
import type { GuestView } from '@shared/snapshot'

import { formatRate } from '../../lib/format'
import { hasLiveFigures } from './guest-figures'

type IoPair = readonly [label: string, rate: number | null]

function pairs(g: GuestView, which: 'disk' | 'net'): readonly [IoPair, IoPair] {
  return which === 'disk'
    ? [
        ['read', g.diskReadRate],
        ['write', g.diskWriteRate]
      ]
    : [
        ['in', g.netInRate],
        ['out', g.netOutRate]
      ]
}

/** The table cell: two short lines ("R 1.2 MiB/s" / "W 12 KiB/s"), the words in full in the tooltip. */
export function GuestIoCell({ guest, which }: { readonly guest: GuestView; readonly which: 'disk' | 'net' }): React.JSX.Element {
  const live = hasLiveFigures(guest.state)
  const [a, b] = pairs(guest, which)
  const title = live ? `${a[0]} ${formatRate(a[1])}, ${b[0]} ${formatRate(b[1])}` : undefined
  return (
    <span role="cell" className={`num cell-${which}io`} data-testid={`guest-${which}io`} title={title}>
      {live ? (
        <>
          <span className="io-line">{`${which === 'disk' ? 'R' : '↓'} ${formatRate(a[1])}`}</span>
          <span className="io-line">{`${which === 'disk' ? 'W' : '↑'} ${formatRate(b[1])}`}</span>
        </>
      ) : null}
    </span>
  )
}

/** The detail panel's words: "read 1.2 MiB/s · write 12 KiB/s"; nothing when the guest is not running. */
export function ioWords(g: GuestView, which: 'disk' | 'net'): string {
  if (!hasLiveFigures(g.state)) return ''
  const [a, b] = pairs(g, which)
  return `${a[0]} ${formatRate(a[1])} · ${b[0]} ${formatRate(b[1])}`
}
