export { startBridge, type Bridge, type BridgeOptions } from './start-bridge'
// Re-exported so browser tests and benchmarks, which load the bundled bridge, can run extra simulators.
export { generateCluster, startSimulator, type Simulator, type SimulatorOptions } from '../simulator'
