// "Down, or only its API?": when a node is reported offline or its cluster's API does not answer, a short,
// read-only SSH probe (`systemctl is-active` of the four Proxmox services) tells the cases apart, in words the
// node page and the node-down notification can use as they are. Pure judgement here; the SSH port runs it.
import type { NodeDiagnosis } from '../../../shared/views'
import { PVE_SERVICES } from '../ssh/node-health'
import { parseSystemctlIsActive, type ServiceState } from '../ssh/node-health-parsers'

/** The probe: read-only, quoted by the pool, answered within a second by any running systemd. */
export const DIAGNOSIS_ARGV: readonly string[] = ['systemctl', 'is-active', ...PVE_SERVICES]

/** Nothing answered at the node's address (a refused connection or a failed handshake means something did). */
const NO_ANSWER = new Set(['connect-timeout', 'host-unreachable'])
/** We reached sshd (or even logged in) but the check did not complete: the host is up in some form. */
const CUT_SHORT = new Set(['handshake-failed', 'connection-lost', 'command-timeout', 'channel-failed'])

export type DiagnosisInput =
  | { readonly kind: 'answered'; readonly stdout: string; readonly code: number | null }
  | { readonly kind: 'ssh-error'; readonly errorKind: string; readonly message: string }

/** What the probe's outcome means for `node`, in plain words. `reportedOffline`: the cluster says the node is offline. */
export function judgeDiagnosis(node: string, input: DiagnosisInput, reportedOffline: boolean, checkedAt: number): NodeDiagnosis {
  const base = { node, services: [], reason: null, checkedAt } as const
  if (input.kind === 'ssh-error') {
    const reason = input.message
    if (NO_ANSWER.has(input.errorKind)) {
      // Other nodes say it is offline: it is down. The whole cluster silent: it may be this computer's network.
      const summary = reportedOffline
        ? `${node} is down (no answer on the API nor SSH).`
        : `${node} answers neither on the API nor over SSH: the node is down, or this computer cannot reach it (network, VPN?).`
      return { ...base, verdict: 'down', summary, reason }
    }
    if (input.errorKind === 'connection-refused') {
      const summary = `${node} refuses SSH and its API does not answer: something answers at its address, but neither sshd nor pveproxy (or a firewall rejects them).`
      return { ...base, verdict: 'unknown', summary, reason }
    }
    if (CUT_SHORT.has(input.errorKind)) {
      return { ...base, verdict: 'unknown', summary: `${node} accepted SSH but the check did not complete, so whether its services run is not known.`, reason }
    }
    return { ...base, verdict: 'unknown', summary: `${node}: SSH could not log in, so whether the node is up is not known.`, reason }
  }
  // systemctl is-active exits 3 when a unit is not active; its lines still name each state.
  const services: ServiceState[] = parseSystemctlIsActive(input.stdout, PVE_SERVICES) ?? []
  if (services.length === 0) {
    return {
      ...base,
      verdict: 'unknown',
      summary: `${node} answers over SSH, but the states of its Proxmox services could not be read (systemctl exit ${input.code ?? 'by signal'}).`
    }
  }
  const stopped = services.filter((s) => s.state !== 'active').map((s) => s.unit)
  const apiStopped = stopped.filter((u) => u === 'pveproxy' || u === 'pve-cluster')
  let summary: string
  if (apiStopped.length > 0) summary = `${node} answers over SSH but its Proxmox API does not (${apiStopped.join(' and ')} stopped).`
  else if (reportedOffline)
    summary = `${node} answers over SSH and its Proxmox services run, but the cluster reports it offline (corosync link or network between the nodes?).`
  else summary = `${node} answers over SSH and its Proxmox services run, but its API did not answer (a firewall, or pveproxy busy?).`
  return {
    ...base,
    verdict: 'ssh-only',
    summary,
    services: services.map((s) => ({ unit: s.unit, state: s.state })),
    reason: stopped.length > 0 ? `Not running: ${stopped.join(', ')}.` : null
  }
}
