// The renderer's Content-Security-Policy, in one place: src/renderer/index.html carries the same
// policy as a <meta> tag (a test keeps them in step), and the glue also sends it as a response
// header for the app's own loads, where a header is stronger than the meta (it covers the document
// before any markup is parsed and supports frame-ancestors).
const META_DIRECTIVES = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'"
]

/** What src/renderer/index.html's <meta> carries (browsers ignore frame-ancestors in a meta tag). */
export const RENDERER_CSP_META = META_DIRECTIVES.join('; ')

/** The header adds what only a header can enforce: no framing of the dashboard. */
export const RENDERER_CSP = [...META_DIRECTIVES, "frame-ancestors 'none'"].join('; ')

/** Response headers with the CSP set (replacing any casing of an existing CSP header). */
export function withCspHeader(headers: Readonly<Record<string, string[]>> | undefined): Record<string, string[]> {
  const out: Record<string, string[]> = {}
  for (const [k, v] of Object.entries(headers ?? {})) if (k.toLowerCase() !== 'content-security-policy') out[k] = v
  out['Content-Security-Policy'] = [RENDERER_CSP]
  return out
}
