import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'

export interface SchemaNode {
  type?: string
  optional?: number
  enum?: string[]
  properties?: Record<string, SchemaNode>
  items?: SchemaNode
  additionalProperties?: number | SchemaNode
}

interface TreeNode {
  path: string
  info?: Record<string, { returns?: SchemaNode }>
  children?: TreeNode[]
}

export function loadSchemaIndex(): Map<string, TreeNode> {
  const tree = JSON.parse(readFileSync(resolve(__dirname, '../../../fixtures/pve-api-schema.json'), 'utf8')) as TreeNode[]
  const idx = new Map<string, TreeNode>()
  const walk = (nodes: TreeNode[]): void => {
    for (const n of nodes) {
      idx.set(n.path, n)
      if (n.children) walk(n.children)
    }
  }
  walk(tree)
  return idx
}

/**
 * Checks a value against a schema `returns` with the looseness real pveproxy has (reference §9): booleans are
 * 0/1 integers, numbers may be numeric strings. `null` is never accepted: optional fields must be omitted.
 */
export function checkValue(v: unknown, s: SchemaNode, at: string, problems: string[], extras: Set<string>): void {
  if (v === null) {
    problems.push(`${at}: null`)
    return
  }
  switch (s.type) {
    case 'integer':
      if (!(Number.isInteger(v) || (typeof v === 'string' && /^-?\d+$/.test(v)))) problems.push(`${at}: not an integer: ${JSON.stringify(v)}`)
      break
    case 'number':
      if (!(typeof v === 'number' || (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v)))) problems.push(`${at}: not a number: ${JSON.stringify(v)}`)
      break
    case 'boolean':
      if (!(v === 0 || v === 1 || v === true || v === false)) problems.push(`${at}: not a 0/1 boolean: ${JSON.stringify(v)}`)
      break
    case 'string':
      if (typeof v !== 'string') problems.push(`${at}: not a string: ${JSON.stringify(v)}`)
      else if (s.enum && !s.enum.includes(v)) problems.push(`${at}: '${v}' not in enum ${s.enum.join('|')}`)
      break
    case 'array':
      if (!Array.isArray(v)) problems.push(`${at}: not an array`)
      else if (s.items) v.forEach((x, i) => checkValue(x, s.items as SchemaNode, `${at}[${i}]`, problems, extras))
      break
    case 'object':
      if (typeof v !== 'object' || Array.isArray(v)) {
        problems.push(`${at}: not an object`)
        break
      }
      for (const [k, p] of Object.entries(s.properties ?? {})) {
        const val = (v as Record<string, unknown>)[k]
        if (val === undefined) {
          if (!p.optional) problems.push(`${at}.${k}: missing`)
        } else checkValue(val, p, `${at}.${k}`, problems, extras)
      }
      if (s.properties && Object.keys(s.properties).length > 0) for (const k of Object.keys(v)) if (!(k in s.properties)) extras.add(k)
      break
    default:
      break
  }
}
