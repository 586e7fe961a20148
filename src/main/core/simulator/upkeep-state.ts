// Each node's upkeep state in the simulator (see upkeep.ts for how pve-manager answers it), changed by tests
// and set up by the demo cluster.
import type { SimNodeSpec } from './types'
import type { SimNodeUpkeepSpec, SimPackageUpdate, SimReplicationJobSpec, SimSubscriptionSpec, SimUpkeepControl } from './types-upkeep'

export interface NodeUpkeepRec {
  updates: SimPackageUpdate[]
  certificateDaysLeft: number | null
  replication: SimReplicationJobSpec[]
  subscription: SimSubscriptionSpec
}

export class SimUpkeep implements SimUpkeepControl {
  private readonly nodes = new Map<string, NodeUpkeepRec>()

  constructor(
    specs: readonly SimNodeSpec[],
    /** The PEM a node's listener presents now (it changes on rotateCertificate), and the cluster CA's. */
    readonly certPem: (node: string) => string | undefined,
    readonly caPem: string
  ) {
    for (const n of specs) this.nodes.set(n.name, fromSpec(n, n.upkeep ?? {}))
  }

  of(node: string): NodeUpkeepRec {
    const r = this.nodes.get(node)
    if (r === undefined) throw new Error(`unknown node '${node}'`)
    return r
  }

  setUpdates(node: string, updates: readonly SimPackageUpdate[]): void {
    this.of(node).updates = updates.map((u) => ({ ...u }))
  }
  setCertificateDaysLeft(node: string, days: number | null): void {
    this.of(node).certificateDaysLeft = days
  }
  setReplication(node: string, jobs: readonly SimReplicationJobSpec[]): void {
    this.of(node).replication = jobs.map((j) => ({ ...j }))
  }
  setSubscription(node: string, subscription: SimSubscriptionSpec): void {
    this.of(node).subscription = { ...subscription }
  }
}

function fromSpec(n: SimNodeSpec, u: SimNodeUpkeepSpec): NodeUpkeepRec {
  return {
    updates: (u.updates ?? []).map((x) => ({ ...x })),
    certificateDaysLeft: u.certificateDaysLeft ?? null,
    replication: (u.replication ?? []).map((j) => ({ ...j })),
    subscription: u.subscription ?? (n.level === '' ? { status: 'notfound' } : { status: 'active', level: n.level, nextduedate: '2027-03-31' })
  }
}
