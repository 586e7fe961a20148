// An error meant for the user: handlers and services throw it, dispatch turns it into an IpcError as is.
// Messages are written by us (never copied from a lower layer), so they cannot carry a secret.

export class AppError extends Error {
  readonly code: string
  readonly fields: Readonly<Record<string, string>> | undefined
  readonly detail: Readonly<Record<string, unknown>> | undefined

  constructor(code: string, message: string, opts: { fields?: Record<string, string>; detail?: Record<string, unknown> } = {}) {
    super(message)
    this.name = 'AppError'
    this.code = code
    this.fields = opts.fields
    this.detail = opts.detail
  }
}
