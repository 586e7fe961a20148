// Untrusted text (guest names, node names, error messages from a server) → a safe native menu label.
// Native menus render text, not HTML, so `<img …>` is harmless there; what is not harmless: `&`
// (Windows turns `&x` into an accelerator and swallows the `&`), control characters and newlines
// (break the one-line layout), bidi overrides (make "exe.pdf" read as "fdp.exe"), and sheer length
// (a 10 kB label makes the menu unusable on every platform).

/** Longest label we put in a menu; native menus become unusable well before this. */
export const MAX_LABEL_CHARS = 80

// C0/C1 controls, bidi embeddings/overrides/isolates, zero-width and line/paragraph separators.
// eslint-disable-next-line no-control-regex
const UNSAFE_CHARS = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]/g

// Anything plainText would change: an unsafe character, whitespace other than single inner spaces.
// eslint-disable-next-line no-control-regex
const NEEDS_CLEANING = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]|[^\S ]|\s\s|^\s|\s$/

/**
 * Plain text without accelerator escaping: for tooltips and notification text, where `&` is literal.
 * Collapses whitespace, removes invisible/bidi characters, truncates with an ellipsis.
 */
export function plainText(raw: string, max = MAX_LABEL_CHARS): string {
  // Most names are already clean and short: no copies then (the menu labels thousands of them per build).
  if (raw.length <= max && !NEEDS_CLEANING.test(raw)) return raw
  const cleaned = raw.replace(UNSAFE_CHARS, ' ').replace(/\s+/g, ' ').trim()
  const chars = Array.from(cleaned)
  if (chars.length <= max) return cleaned
  return (
    chars
      .slice(0, Math.max(1, max - 1))
      .join('')
      .trimEnd() + '…'
  )
}

/** A menu label: `plainText`, then `&` doubled so no platform reads it as an accelerator marker. */
export function menuLabel(raw: string, max = MAX_LABEL_CHARS): string {
  const plain = plainText(raw, max)
  return plain.includes('&') ? plain.replace(/&/g, '&&') : plain
}
