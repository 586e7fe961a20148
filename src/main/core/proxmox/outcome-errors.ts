// Errors about what a request did on the wire when the answer was unusable: it may have been carried out
// (a POST with no answer), or the answer was too large to read. The base classes live in errors.ts.
import { MalformedResponseError, PveError, type PveRequestContext, where } from './errors'

/**
 * A POST (or PUT/DELETE) that may have reached the server and got no usable answer: a response timeout,
 * a connection reset after sending, a body cut off. It may have been carried out: never "try again".
 */
export class OutcomeUnknownError extends PveError {
  readonly kind = 'outcome-unknown'
  /** What happened on the wire (TimeoutError, NetworkError, MalformedResponseError). */
  readonly wireError: PveError
  constructor(wireError: PveError, ctx: PveRequestContext) {
    super(
      `${where(ctx)}: no usable answer after the request was sent (${wireError.kind}). It may have been carried out: check the guest before trying again.`,
      { ...ctx, cause: wireError }
    )
    this.wireError = wireError
  }
}

/** The answer was larger than the client accepts (a broken or hostile server): cut off, never buffered whole. */
export class ResponseTooLargeError extends MalformedResponseError {
  readonly maxBytes: number
  constructor(maxBytes: number, ctx: PveRequestContext & { cause?: unknown }) {
    super(`the response is larger than ${Math.round(maxBytes / (1024 * 1024))} MiB and was cut off`, ctx)
    this.maxBytes = maxBytes
  }
}
