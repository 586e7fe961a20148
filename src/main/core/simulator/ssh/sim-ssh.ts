// The SSH side of the simulator: one simulated sshd per node, on 127.0.0.1, answering what node-health runs
// from the node's current state. A node that is down refuses (or, 'hang', accepts and stays silent); a node
// whose pveproxy was stopped still answers SSH and says so in `systemctl is-active`.
import ssh2, { type ParsedKey } from 'ssh2'

import { PVE_SERVICES } from '../../ssh/node-health'
import type { ClusterState } from '../cluster-state'
import type { SimSshEndpoint, SimSshOptions } from '../types'
import type { SimService } from '../types-faults'
import { type CommandResult, notFound, runCommand, type SshNodeFacts } from './commands'
import { parseCommandLine } from './shell-line'
import { SimSshListener } from './ssh-listener'

function parseAuthorizedKeys(lines: readonly string[]): ParsedKey[] {
  return lines.map((line) => {
    const k = ssh2.utils.parseKey(line.trim())
    if (k instanceof Error) throw new Error(`simulator ssh: an authorized key cannot be read (${k.message})`)
    return k
  })
}

export class SimSshSide {
  readonly #state: ClusterState
  readonly #listeners = new Map<string, SimSshListener>()
  #restart: ((node: string, service: SimService) => Promise<void>) | null = null

  private constructor(state: ClusterState) {
    this.#state = state
  }

  static async start(state: ClusterState, o: SimSshOptions): Promise<SimSshSide> {
    const side = new SimSshSide(state)
    const keys = parseAuthorizedKeys(o.authorizedKeys)
    try {
      for (const name of state.nodes.keys()) {
        const listener = new SimSshListener({
          user: o.user ?? 'root',
          authorizedKeys: keys,
          availability: () => (state.nodes.get(name)?.up === false ? 'hang' : 'up'),
          run: (command) => side.#run(name, command)
        })
        side.#listeners.set(name, listener)
        await listener.listen(0)
      }
    } catch (e) {
      await side.close()
      throw e
    }
    return side
  }

  endpoints(): SimSshEndpoint[] {
    return [...this.#listeners.entries()].map(([node, l]) => ({
      node,
      host: '127.0.0.1' as const,
      port: l.port,
      hostKeyFingerprint: l.hostKey.fingerprint,
      hostKeyType: l.hostKey.keyType
    }))
  }

  /** Called after the cluster state marked the node down: open sessions are cut either way. */
  async nodeDown(node: string, mode: 'refuse' | 'hang'): Promise<void> {
    const l = this.#listeners.get(node)
    if (l === undefined) return
    if (mode === 'refuse') await l.close()
    else l.dropConnections()
  }

  async nodeUp(node: string): Promise<void> {
    const l = this.#listeners.get(node)
    if (l !== undefined && !l.listening) await l.listen(l.port)
  }

  rotateHostKey(node: string): void {
    this.#listeners.get(node)?.rotateHostKey()
  }

  async close(): Promise<void> {
    await Promise.all([...this.#listeners.values()].map((l) => l.close()))
  }

  #facts(name: string): SshNodeFacts | undefined {
    const n = this.#state.nodes.get(name)
    if (n === undefined) return undefined
    const m = this.#state.nodeMetricsOf(n)
    return {
      name,
      index: n.index,
      health: n.spec.health ?? {},
      rootBytes: n.spec.maxdisk,
      rootUsed: n.spec.maxdisk > 0 ? m.disk / n.spec.maxdisk : 0,
      loadavg: m.loadavg,
      cpu: m.cpu,
      maxcpu: n.spec.maxcpu,
      stoppedServices: n.stoppedServices
    }
  }

  /** What `systemctl restart <Proxmox service>` does to the simulated node (the simulator's startService). */
  onRestart(handler: (node: string, service: SimService) => Promise<void>): void {
    this.#restart = handler
  }

  #run(node: string, command: string): CommandResult | Promise<CommandResult> {
    const parsed = parseCommandLine(command)
    if (!parsed.ok) return { stdout: '', stderr: `bash: line 1: ${parsed.reason}\n`, code: 2 }
    const facts = this.#facts(node)
    if (facts === undefined) return notFound(parsed.argv[0] ?? '')
    const [program, verb, unit, ...rest] = parsed.argv
    const service = PVE_SERVICES.find((s) => s === unit?.replace(/\.service$/, ''))
    if (program === 'systemctl' && verb === 'restart' && service !== undefined && rest.length === 0) {
      const restart = this.#restart
      return (restart === null ? Promise.resolve() : restart(node, service)).then(() => ({ stdout: '', stderr: '', code: 0 }))
    }
    return runCommand(parsed.argv, facts)
  }
}
