// Guest names (and anything from a server) are untrusted: a notification must show them as inert
// text on every platform. Linux notification daemons interpret a markup subset in the body (<b>,
// <a>, <img>), so markup characters become look-alikes instead of entities (which macOS and
// Windows would show literally). Control and bidi-override characters are removed, length capped.

// Invisible formatters: soft hyphen, Arabic letter mark, Hangul fillers, Mongolian vowel separator,
// zero-width and directional marks, line/paragraph separators, bidi embeddings/overrides/isolates,
// word joiners, variation selectors, BOM, interlinear annotation; lone surrogates (from a cut pair).
const INVISIBLE_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x00ad, 0x00ad],
  [0xd800, 0xdfff],
  [0x061c, 0x061c],
  [0x115f, 0x1160],
  [0x17b4, 0x17b5],
  [0x180e, 0x180e],
  [0x200b, 0x200f],
  [0x2028, 0x202e],
  [0x2060, 0x206f],
  [0x3164, 0x3164],
  [0xfe00, 0xfe0f],
  [0xfeff, 0xfeff],
  [0xffa0, 0xffa0],
  [0xfff9, 0xfffb]
]
const MARKUP: Readonly<Record<string, string>> = { '<': '\u2039', '>': '\u203A', '&': '\uFF06' }

const isControl = (cp: number): boolean => cp <= 0x1f || (cp >= 0x7f && cp <= 0x9f)
const isInvisible = (cp: number): boolean => INVISIBLE_RANGES.some(([a, b]) => cp >= a && cp <= b)

/** Untrusted text → one safe line of at most `max` code points (ellipsis when cut). */
export function cleanText(input: string, max: number): string {
  // Bound the work first: a 10 kB name must not cost more than a short one.
  const head = input.length > max * 4 + 16 ? input.slice(0, max * 4 + 16) : input
  let out = ''
  for (const ch of head) {
    const cp = ch.codePointAt(0) ?? 0
    if (isControl(cp)) out += ' '
    else if (!isInvisible(cp)) out += MARKUP[ch] ?? ch
  }
  const flat = out.replace(/\s+/g, ' ').trim()
  const points = Array.from(flat)
  if (points.length <= max && head.length === input.length) return flat
  if (points.length <= max) return `${flat}…`
  return `${points
    .slice(0, Math.max(1, max - 1))
    .join('')
    .trimEnd()}…`
}

export const NAME_MAX = 48
export const TITLE_MAX = 80
export const BODY_MAX = 280

export const cleanName = (s: string): string => cleanText(s, NAME_MAX) || '(unnamed)'
