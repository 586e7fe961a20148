/** Parameter verification as pve-common PVE::JSONSchema validate/check_prop does it, for the schema subset in use. */
export interface PropSchema {
  type?: string
  optional?: number
  enum?: string[]
  minimum?: number
  maximum?: number
  maxLength?: number
  pattern?: string
  format?: string
  default?: unknown
}

export interface ParamSchema {
  additionalProperties: number
  properties: Record<string, PropSchema>
}

export type ParamValue = string | number | boolean
export type ParamErrors = Record<string, string>

const NODE_RE = /^(?:(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)\.)*(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)$/
const STORAGE_ID_RE = /^[a-z][a-z0-9\-_.]*[a-z0-9]$/i

export function verifyParams(schema: ParamSchema, params: Readonly<Record<string, ParamValue>>): ParamErrors {
  const errors: Record<string, string[]> = {}
  const add = (k: string, msg: string): void => {
    ;(errors[k] ??= []).push(msg)
  }
  for (const k of Object.keys(params)) {
    if (!(k in schema.properties) && !schema.additionalProperties)
      add(k, 'property is not defined in schema and the schema does not allow additional properties')
  }
  for (const [k, prop] of Object.entries(schema.properties)) {
    const v = params[k]
    if (v === undefined) {
      if (!prop.optional) add(k, 'property is missing and it is not optional')
      continue
    }
    const msg = checkProp(prop, v)
    if (msg) add(k, msg)
  }
  // JSONSchema.pm joins several errors for one key with a literal backslash-n (single-quoted '\n')
  return Object.fromEntries(Object.entries(errors).map(([k, list]) => [k, list.join('\\n')]))
}

function checkProp(prop: PropSchema, v: ParamValue): string | undefined {
  const s = String(v)
  switch (prop.type) {
    case 'integer':
      if (typeof v === 'boolean' || !/^-?\d+$/.test(s)) return `type check ('integer') failed - got '${s}'`
      break
    case 'number':
      if (typeof v === 'boolean' || !/^-?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s)) return `type check ('number') failed - got '${s}'`
      break
    case 'boolean':
      if (!(v === true || v === false || s === '0' || s === '1')) return `type check ('boolean') failed - got '${s}'`
      break
    default:
      break
  }
  if ((prop.type === 'integer' || prop.type === 'number') && typeof v !== 'boolean') {
    const n = Number(s)
    if (prop.minimum !== undefined && n < prop.minimum) return `value must have a minimum value of ${prop.minimum}`
    if (prop.maximum !== undefined && n > prop.maximum) return `value must have a maximum value of ${prop.maximum}`
  }
  if (prop.enum && !prop.enum.includes(s)) return `value '${s}' does not have a value in the enumeration '${prop.enum.join(', ')}'`
  if (prop.maxLength !== undefined && s.length > prop.maxLength) return `value may only be ${prop.maxLength} characters long`
  const re = prop.pattern ? compilePattern(prop.pattern) : undefined
  if (re && !re.test(s)) return `value does not match the regex pattern`
  if (prop.format === 'pve-node' && !NODE_RE.test(s)) return 'invalid format - value does not look like a valid node name'
  if (prop.format === 'pve-storage-id' && !STORAGE_ID_RE.test(s)) return `invalid format - storage ID '${s}' contains illegal characters`
  return undefined
}

/** Boolean parameter as Perl sees it (after verification). */
export function boolParam(v: ParamValue | undefined, dflt = false): boolean {
  if (v === undefined) return dflt
  return v === true || v === '1' || v === 1
}

export function intParam(v: ParamValue | undefined, dflt: number): number {
  if (v === undefined) return dflt
  return Math.trunc(Number(v))
}

const patternCache = new Map<string, RegExp | undefined>()

/** Perl-only syntax such as `(?^:...)` does not compile in JS; such patterns are not checked. */
function compilePattern(p: string): RegExp | undefined {
  if (!patternCache.has(p)) {
    let re: RegExp | undefined
    try {
      re = new RegExp(`^(?:${p})$`)
    } catch {
      re = undefined
    }
    patternCache.set(p, re)
  }
  return patternCache.get(p)
}
