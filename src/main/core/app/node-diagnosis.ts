// "Down, or only its API?": when a node is reported offline or its cluster's API does not answer, a short,
// read-only SSH probe (`systemctl is-active` of the four Proxmox services) tells the cases apart, in words the
// node page and the node-down notification can use as they are. Pure judgement here; the SSH port runs it.
import type { NodeDiagnosis } from '../../../shared/views'
import { PVE_SERVICES } from '../ssh/node-health'
import { parseSystemctlIsActive, type ServiceState } from '../ssh/node-health-parsers'

/** The probe: read-only, quoted by the pool, answered within a second by any running systemd. */
export const DIAGNOSIS_ARGV: readonly string[] = ['systemctl', 'is-active', ...PVE_SERVICES]

/** SSH failures that mean "nothing answers there" (as opposed to "something answered but refused us"). */
const NO_ANSWER = new Set(['connect-timeout', 'connection-refused', 'host-unreachable', 'handshake-failed', 'connection-lost', 'command-timeout'])

export type DiagnosisInput =
  | { readonly kind: 'answered'; readonly stdout: string; readonly code: number | null }
  | { readonly kind: 'ssh-error'; readonly errorKind: string; readonly message: string }

/** What the probe's outcome means for `node`, in plain words. `reportedOffline`: the cluster says the node is offline. */
export function judgeDiagnosis(node: string, input: DiagnosisInput, reportedOffline: boolean, checkedAt: number): NodeDiagnosis {
  if (input.kind === 'ssh-error') {
    if (NO_ANSWER.has(input.errorKind)) {
      return { node, verdict: 'down', summary: `${node} is down (no answer on the API nor SSH).`, services: [], reason: input.message, checkedAt }
    }
    return {
      node,
      verdict: 'unknown',
      summary: `${node}: SSH could not log in, so whether the node is up is not known.`,
      services: [],
      reason: input.message,
      checkedAt
    }
  }
  // systemctl is-active exits 3 when a unit is not active; its lines still name each state.
  const services: ServiceState[] = parseSystemctlIsActive(input.stdout, PVE_SERVICES) ?? []
  const stopped = services.filter((s) => s.state !== 'active').map((s) => s.unit)
  const apiStopped = stopped.filter((u) => u === 'pveproxy' || u === 'pve-cluster')
  let summary: string
  if (apiStopped.length > 0) summary = `${node} answers over SSH but its Proxmox API does not (${apiStopped.join(' and ')} stopped).`
  else if (services.length === 0) summary = `${node} answers over SSH but its Proxmox API does not (pveproxy or pve-cluster stopped?).`
  else if (reportedOffline)
    summary = `${node} answers over SSH and its Proxmox services run, but the cluster reports it offline (corosync link or network between the nodes?).`
  else summary = `${node} answers over SSH and its Proxmox services run, but its API did not answer (a firewall, or pveproxy busy?).`
  return {
    node,
    verdict: 'ssh-only',
    summary,
    services: services.map((s) => ({ unit: s.unit, state: s.state })),
    reason: stopped.length > 0 ? `Not running: ${stopped.join(', ')}.` : null,
    checkedAt
  }
}
