// Keyboard focus around the guest detail panel. Opening it moves focus into it (below the wide-screen
// breakpoint it lies over the table, so focus left in the row would sit under it); closing it returns
// focus to the guest's row; Escape closes it from the panel or the table. While it lies over the
// table, the rows' action buttons under it leave the Tab order (`actionsCovered`).
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react'

export interface DetailFocus {
  readonly bodyRef: React.RefObject<HTMLDivElement | null>
  readonly panelRef: React.RefObject<HTMLElement | null>
  /** The panel is open and overlays the table (decided by the stylesheet: one source of truth). */
  readonly actionsCovered: boolean
  readonly open: (key: string) => void
  readonly close: () => void
  readonly onKeyDown: (e: React.KeyboardEvent) => void
}

export function useDetailFocus(selectedKey: string | null, isOpen: boolean, setSelectedKey: (key: string | null) => void): DetailFocus {
  const bodyRef = useRef<HTMLDivElement>(null)
  const panelRef = useRef<HTMLElement>(null)
  const focusPanel = useRef(false)
  const [overlay, setOverlay] = useState(false)

  useLayoutEffect(() => {
    const body = bodyRef.current
    if (!isOpen || body === null) {
      setOverlay(false)
      return
    }
    const check = (): void => setOverlay(panelRef.current !== null && getComputedStyle(panelRef.current).position === 'absolute')
    check()
    const observer = new ResizeObserver(check)
    observer.observe(body)
    return () => observer.disconnect()
  }, [isOpen])

  useEffect(() => {
    if (!focusPanel.current || !isOpen) return
    focusPanel.current = false
    panelRef.current?.focus()
  }, [selectedKey, isOpen])

  const open = useCallback(
    (key: string) => {
      focusPanel.current = true
      setSelectedKey(key)
    },
    [setSelectedKey]
  )
  const close = useCallback(() => {
    setSelectedKey(null)
    if (selectedKey === null) return
    const key = selectedKey
    // After the commit: the panel (and the focus in it) is gone, the row is where it was.
    requestAnimationFrame(() => bodyRef.current?.querySelector<HTMLElement>(`.guest-row[data-key="${CSS.escape(key)}"]`)?.focus())
  }, [selectedKey, setSelectedKey])
  const onKeyDown = useCallback(
    (e: React.KeyboardEvent) => {
      if (e.key !== 'Escape' || !isOpen) return
      e.preventDefault()
      close()
    },
    [close, isOpen]
  )
  return { bodyRef, panelRef, actionsCovered: overlay, open, close, onKeyDown }
}
