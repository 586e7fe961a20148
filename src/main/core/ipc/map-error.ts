// Whatever a handler threw → an IpcError with a plain message. SSH pool errors are mapped in
// map-ssh-error (host key prompts, login, reachability). Everything else is classified by the one
// classifier the monitor uses too (errors/error-kind, duck-typed); client errors' messages are
// built by the client from host, path and Proxmox's reason phrase only, and are redacted here again
// against every secret main knows, so no secret can reach the renderer even by accident.
import type { IpcError } from '../../../shared/ipc/contract'
import { AppError } from '../errors/app-error'
import { type ErrorKind, errorKindOf, field } from '../errors/error-kind'
import { sshIpcError } from './map-ssh-error'

/** The one classification (errors/error-kind, shared with the monitor) in the contract's error codes. */
const KIND_TO_CODE: Readonly<Record<ErrorKind, string>> = {
  auth: 'auth',
  permission: 'permission',
  unreachable: 'unreachable',
  timeout: 'timeout',
  tls: 'tls',
  malformed: 'server',
  'not-found': 'not-found',
  refused: 'refused',
  'task-failed': 'task-failed',
  'outcome-unknown': 'outcome-unknown',
  http: 'server',
  aborted: 'aborted',
  unknown: 'internal'
}

const FALLBACK: Readonly<Record<string, string>> = {
  auth: 'Proxmox rejected the API token. Check the token ID and secret.',
  permission: 'The API token lacks a privilege for this. Grant it in Datacenter → Permissions.',
  unreachable: 'Proxmox could not be reached. Check the host, the port and your network.',
  timeout: 'Proxmox did not answer in time.',
  'outcome-unknown': 'No answer after the request was sent: it may have been carried out. Check the guest before trying again.',
  tls: 'The certificate of the Proxmox server does not match the pinned fingerprint.',
  'not-found': 'It does not exist any more; refresh the view.',
  server: 'Proxmox answered with an error.',
  aborted: 'The request was cancelled.',
  internal: 'Something went wrong in the app. Try again; if it keeps happening, restart the app.'
}

export function redact(text: string, secrets: Iterable<string>): string {
  let out = text
  for (const s of secrets) if (s.length >= 4) out = out.split(s).join('[secret]')
  return out
}

export function errorCodeOf(e: unknown): string {
  if (e instanceof AppError) return e.code
  const ssh = sshIpcError(e)
  if (ssh !== null) return ssh.code
  return KIND_TO_CODE[errorKindOf(e)]
}

export function toIpcError(e: unknown, secrets: Iterable<string>): IpcError {
  const list = [...secrets]
  if (e instanceof AppError) {
    const fields = e.fields === undefined ? undefined : Object.fromEntries(Object.entries(e.fields).map(([k, v]) => [k, redact(v, list)]))
    return { code: e.code, message: redact(e.message, list), ...(fields === undefined ? {} : { fields }) }
  }
  const ssh = sshIpcError(e)
  if (ssh !== null) {
    const fields = ssh.fields === undefined ? undefined : Object.fromEntries(Object.entries(ssh.fields).map(([k, v]) => [k, redact(v, list)]))
    return { code: ssh.code, message: redact(ssh.message, list), ...(fields === undefined ? {} : { fields }) }
  }
  const code = errorCodeOf(e)
  // Only the client's own errors (they carry a `kind`) have messages written for users.
  const own = typeof field(e, 'kind') === 'string' && e instanceof Error ? e.message : null
  const base = own !== null && own.length > 0 && own.length < 2000 ? own : (FALLBACK[code] ?? FALLBACK.internal ?? '')
  return { code, message: redact(`${aboutNode(e)}${base}${triedBefore(e)}`, list) }
}

const ATTEMPT_WORDS: Readonly<Record<string, string>> = {
  network: 'could not connect',
  timeout: 'no answer in time',
  'tls-mismatch': 'certificate does not match',
  'tls-untrusted': 'certificate not trusted',
  malformed: 'unreadable answer',
  'node-unreachable': 'node unreachable'
}

/** "Node pve-d: " for a call about one node: it may have failed on another endpoint than the node's own. */
function aboutNode(e: unknown): string {
  const path = field(e, 'path')
  const node = typeof path === 'string' ? /^\/nodes\/([^/]+)/.exec(path)?.[1] : undefined
  return node === undefined ? '' : `Node ${decodeURIComponent(node)}: `
}

/** Every endpoint tried before the one that gave the final answer, with its reason. */
function triedBefore(e: unknown): string {
  const attempts = field(e, 'attempts')
  if (!Array.isArray(attempts) || attempts.length === 0) return ''
  const parts = attempts.slice(0, 8).map((a: unknown) => {
    const host = field(a, 'host')
    const port = field(a, 'port')
    const kind = field(a, 'kind')
    return `${String(host)}:${String(port)} (${typeof kind === 'string' ? (ATTEMPT_WORDS[kind] ?? kind) : 'failed'})`
  })
  const at = field(e, 'host')
  return ` Tried first: ${parts.join(', ')}${typeof at === 'string' ? `; then ${at}:${String(field(e, 'port'))}` : ''}.`
}
