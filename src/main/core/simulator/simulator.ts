import type { Simulator, SimulatorOptions } from './types'

export async function startSimulator(_opts: SimulatorOptions = {}): Promise<Simulator> {
  throw new Error('simulator: not implemented yet')
}
