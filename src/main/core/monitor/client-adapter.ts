// Adapts the Proxmox client (src/main/core/proxmox) to the monitor's narrow MonitorApi: the one adapter the app
// and the tests use. Structural: anything with these calls and `lastEndpoint` fits (the real PveClient does).

import { FlatListScanner } from '../proxmox/flat-list-scanner'
import type { MonitorApi } from './monitor-api'
import { RESOURCE_FIELDS } from './parse-resources'
import { ResourceReader } from './resource-reader'

interface CallOptions {
  signal?: AbortSignal
}

export interface MonitorClientLike {
  clusterResourceItems<T>(map: (item: unknown) => T, opts?: CallOptions & { scanner?: FlatListScanner }): Promise<T[]>
  clusterStatus(opts?: CallOptions): Promise<readonly unknown[]>
  clusterTaskItems(opts?: CallOptions): Promise<readonly unknown[]>
  readonly lastEndpoint: { readonly host: string; readonly port: number } | undefined
}

export function monitorApiFromClient(client: MonitorClientLike): MonitorApi {
  const reader = new ResourceReader()
  const scanner = new FlatListScanner(RESOURCE_FIELDS)
  return {
    // Unfiltered: nodes, guests and storage come in one request.
    clusterResources: async (signal, opts) => {
      reader.figures = opts?.figures ?? 'continue'
      return reader.finish(await client.clusterResourceItems((item) => reader.read(item), { signal, scanner }))
    },
    clusterStatus: (signal) => client.clusterStatus({ signal }),
    clusterTasks: (signal) => client.clusterTaskItems({ signal }),
    get lastEndpoint() {
      const e = client.lastEndpoint
      if (!e) return null
      return e.host.includes(':') ? `[${e.host}]:${e.port}` : `${e.host}:${e.port}`
    }
  }
}
