// The core's error messages name the request ("Proxmox at 10.0.0.5:8006 (POST /nodes/pve-a/qemu/108/
// status/start) answered 500 storage 'x' is not online."): useful when reporting a bug, noise for an
// admin who wants to know why the VM did not start. The reason is split from the request here, in the
// renderer, from the message the core sends (src/main/core/proxmox/errors.ts `where()` builds the prefix).

export interface PlainReason {
  /** What went wrong, in Proxmox's or the app's words, without the address and request. */
  readonly text: string
  /** The request that failed ("POST /nodes/…, 127.0.0.1:8006, HTTP 500"), for a tooltip; null when none. */
  readonly details: string | null
}

// An optional lead-in the core adds ("Node pve-a: "), then `Proxmox`, optionally ` at host:port` (IPv6
// in brackets), optionally ` (METHOD /path)`.
const WHERE = /^((?:[^:()]{1,60}: )?)Proxmox(?: at (\[[^\]]+\](?::\d+)?|[^\s()]+))?(?: \(([A-Z]+) ([^)\s]+)\))?/
// HttpError: "<where> answered 500 <reason>." — the reason is Proxmox's own sentence.
const ANSWERED = /^ answered (\d{3}) ([\s\S]*?)\.?$/

export function plainReason(message: string): PlainReason {
  const m = WHERE.exec(message)
  const lead = m?.[1] ?? ''
  const host = m?.[2]
  const method = m?.[3]
  const path = m?.[4]
  // Only a prefix that named a host or a request is taken apart; other sentences that start with
  // "Proxmox" are already plain.
  if (m === null || (host === undefined && path === undefined)) return { text: message, details: null }
  const rest = message.slice(m[0].length)
  const request = [lead === '' ? null : lead.slice(0, -2), method !== undefined && path !== undefined ? `${method} ${path}` : null, host ?? null]
  const answered = ANSWERED.exec(rest)
  if (answered !== null) {
    const reason = answered[2]?.trim() ?? ''
    const details = [...request, `HTTP ${answered[1] ?? '?'}`].filter((s) => s !== null).join(', ')
    return {
      text: reason === '' || reason === '(no reason given)' ? `Proxmox answered with an error (HTTP ${answered[1] ?? '?'}) and gave no reason.` : reason,
      details
    }
  }
  // "<where>: permission denied (…)" → "Proxmox: permission denied (…)"; "<where> is unreachable" → "Proxmox is unreachable".
  return { text: `${lead}Proxmox${rest}`, details: request.filter((s) => s !== null).join(', ') }
}
