/**
 * One JSON number read from bytes, with the value JSON.parse would give. Most numbers take the exact fast
 * path: digits as an integer mantissa below 2^53 and a power of ten of at most 22 are both exact doubles, so
 * one multiplication or division rounds once, correctly (Clinger's fast path, as V8's own strtod does).
 * Proxmox's numbers (integers, and decimals such as cpu 0.0123) all take it; any other goes to Number().
 */
const MINUS = 0x2d
const PLUS = 0x2b
const DOT = 0x2e
const ZERO = 0x30
const NINE = 0x39
const TWO_53 = 2 ** 53
const POW10 = Array.from({ length: 23 }, (_, i) => 10 ** i)
/** Not a JSON number (or, for the scanner, not its layout). */
export const FAIL = -1

export function isDigit(b: number): boolean {
  return b >= ZERO && b <= NINE
}

/**
 * The number at b[i]: returns the index just after it, or FAIL where JSON's grammar does not hold. With
 * `convert`, its value goes to `out[0]` (a typed array, not a return value or an object field: no heap
 * number per call).
 */
export function scanNumber(b: Buffer, i: number, convert: boolean, out: Float64Array): number {
  const start = i
  const neg = b[i] === MINUS
  if (neg) i++
  let m = 0
  let frac = 0
  let c = b[i]
  if (c === ZERO) c = b[++i]
  else if (c !== undefined && isDigit(c)) {
    while (c !== undefined && isDigit(c)) {
      m = m * 10 + (c - ZERO)
      c = b[++i]
    }
  } else return FAIL
  if (c === DOT) {
    c = b[++i]
    if (c === undefined || !isDigit(c)) return FAIL
    while (c !== undefined && isDigit(c)) {
      m = m * 10 + (c - ZERO)
      frac++
      c = b[++i]
    }
  }
  let exp = 0
  if (c === 0x65 || c === 0x45) {
    c = b[++i]
    const expNeg = c === MINUS
    if (c === MINUS || c === PLUS) c = b[++i]
    if (c === undefined || !isDigit(c)) return FAIL
    while (c !== undefined && isDigit(c)) {
      if (exp < 100_000) exp = exp * 10 + (c - ZERO)
      c = b[++i]
    }
    if (expNeg) exp = -exp
  }
  if (!convert) return i
  // m only grows: below 2^53 at the end, every step was exact.
  const e10 = exp - frac
  let v: number
  if (m < TWO_53 && e10 >= -22 && e10 <= 22) v = e10 < 0 ? m / (POW10[-e10] as number) : m * (POW10[e10] as number)
  else v = Number(b.toString('latin1', neg ? start + 1 : start, i))
  out[0] = neg ? -v : v
  return i
}
