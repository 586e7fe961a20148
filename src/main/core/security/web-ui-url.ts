// The one URL the app ever opens in the user's browser: a configured cluster endpoint's own web UI,
// `https://<host>:<port>/`. Built here from settings, and checked again by the guarded opener, so
// no renderer- or server-supplied URL can reach `shell.openExternal`.

export interface WebUiEndpoint {
  readonly host: string
  readonly port: number
}

/** `https://pve.example:8006/`, with IPv6 literals bracketed. */
export function webUiUrl(e: WebUiEndpoint): string {
  const host = e.host.includes(':') && !e.host.startsWith('[') ? `[${e.host}]` : e.host
  return new URL(`https://${host}:${e.port}/`).href
}

/** True only for exactly the web UI root of one of the configured endpoints. */
export function isAllowedWebUiUrl(url: string, endpoints: readonly WebUiEndpoint[]): boolean {
  let u: URL
  try {
    u = new URL(url)
  } catch {
    return false
  }
  if (u.protocol !== 'https:' || u.username !== '' || u.password !== '' || u.pathname !== '/' || u.search !== '' || u.hash !== '') return false
  return endpoints.some((e) => {
    try {
      return new URL(webUiUrl(e)).href === u.href
    } catch {
      return false
    }
  })
}
