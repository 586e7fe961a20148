// A labelled form field whose error sits right under it and is tied to it for screen readers.
import { useId } from 'react'

export interface FieldProps {
  readonly label: string
  readonly error?: string | undefined
  readonly hint?: string
  readonly children: (a11y: { id: string; 'aria-invalid': boolean; 'aria-describedby': string | undefined }) => React.ReactNode
}

export function Field({ label, error, hint, children }: FieldProps): React.JSX.Element {
  const id = useId()
  const errorId = `${id}-error`
  const hintId = `${id}-hint`
  const describedBy = [error !== undefined ? errorId : null, hint !== undefined ? hintId : null].filter((x) => x !== null).join(' ')
  return (
    <div className={error !== undefined ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-invalid': error !== undefined, 'aria-describedby': describedBy === '' ? undefined : describedBy })}
      {hint !== undefined ? (
        <span id={hintId} className="field-hint">
          {hint}
        </span>
      ) : null}
      {error !== undefined ? (
        <span id={errorId} className="field-error" role="alert">
          {error}
        </span>
      ) : null}
    </div>
  )
}
