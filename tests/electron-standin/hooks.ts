// Node module-resolution hook (registered by register.ts): `electron` resolves to the stand-in.
interface ResolveContext {
  readonly parentURL?: string | undefined
}
type NextResolve = (specifier: string, context: ResolveContext) => Promise<{ url: string }>

let standInUrl = ''

export function initialize(data: { standInUrl: string }): void {
  standInUrl = data.standInUrl
}

export async function resolve(
  specifier: string,
  context: ResolveContext,
  next: NextResolve
): Promise<{ url: string; shortCircuit?: boolean; format?: string }> {
  if (specifier === 'electron') return { url: standInUrl, format: 'module', shortCircuit: true }
  return next(specifier, context)
}
