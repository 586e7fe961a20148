export { type Bridge, type BridgeOptions, startBridge } from './start-bridge'
// Re-exported so browser tests and benchmarks, which load the bundled bridge, can run extra simulators.
export { generateCluster, type Simulator, type SimulatorOptions, startSimulator } from '../core/simulator'
