/**
 * A Proxmox VE cluster simulator speaking the real pveproxy wire protocol over HTTPS (one listener per node).
 * Used by tests of every layer and by the app's demo mode, so it is production code: Electron-free and fast to start.
 */
export { generateCluster } from './cluster-generator'
export { demoCluster } from './demo-cluster'
export { startSimulator } from './simulator'
export type { SimAcl, SimClusterSpec, SimToken, Simulator, SimulatorOptions } from './types'
