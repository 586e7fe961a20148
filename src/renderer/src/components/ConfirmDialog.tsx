// A modal confirmation on the native <dialog>: focus is trapped, Escape cancels.
import { type ReactNode, useEffect, useRef } from 'react'

export interface ConfirmDialogProps {
  readonly title: string
  readonly body: string
  readonly confirmLabel: string
  readonly danger?: boolean
  readonly onConfirm: () => void
  readonly onCancel: () => void
  /** What the action touches, between the body and the buttons (a bulk action's guest lists). */
  readonly children?: ReactNode
  readonly className?: string
  readonly testId?: string
}

export function ConfirmDialog({
  title,
  body,
  confirmLabel,
  danger = false,
  onConfirm,
  onCancel,
  children,
  className,
  testId
}: ConfirmDialogProps): React.JSX.Element {
  const ref = useRef<HTMLDialogElement>(null)
  const cancelRef = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    const d = ref.current
    if (d !== null && !d.open) d.showModal()
    // The safe choice has focus, so a stray Enter does not stop a VM.
    cancelRef.current?.focus()
    return () => d?.close()
  }, [])
  return (
    <dialog
      ref={ref}
      className={className === undefined ? 'dialog' : `dialog ${className}`}
      data-testid={testId}
      aria-labelledby="confirm-title"
      aria-describedby="confirm-body"
      onCancel={(e) => {
        e.preventDefault()
        onCancel()
      }}
    >
      <h2 id="confirm-title">{title}</h2>
      <p id="confirm-body">{body}</p>
      {children}
      <div className="dialog-buttons">
        <button type="button" className="btn" ref={cancelRef} onClick={onCancel}>
          Cancel
        </button>
        <button type="button" className={danger ? 'btn btn-danger' : 'btn btn-primary'} onClick={onConfirm}>
          {confirmLabel}
        </button>
      </div>
    </dialog>
  )
}
