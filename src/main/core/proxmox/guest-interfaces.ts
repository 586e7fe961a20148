/**
 * A guest's network interfaces and their IP addresses, from the QEMU guest agent
 * (`GET /nodes/{node}/qemu/{vmid}/agent/network-get-interfaces` → `{ result: [...] }`, the agent's own answer)
 * or from a container (`GET /nodes/{node}/lxc/{vmid}/interfaces` → `[...]`). Both come from inside the guest,
 * so they are untrusted: every string is bounded, every address must parse as an IP, an interface or address
 * that does not fit is dropped (the others still show), and only a wrong overall shape is an error.
 */
import { isIP } from 'node:net'

import { z } from 'zod'

export interface PveGuestAddress {
  readonly address: string
  readonly family: 'ipv4' | 'ipv6'
  readonly prefix: number | null
}

export interface PveGuestInterface {
  readonly name: string
  readonly mac: string | null
  readonly addresses: readonly PveGuestAddress[]
}

/** A guest reports what it likes: a sane machine has a handful of each. */
const MAX_INTERFACES = 64
const MAX_ADDRESSES = 32

const boundedText = (max: number) => z.string().min(1).max(max)
const prefixSchema = z
  .union([
    z.number(),
    z
      .string()
      .regex(/^\d{1,3}$/)
      .transform(Number)
  ])
  .pipe(z.number().int().min(0).max(128))

const addressSchema = z.object({
  'ip-address': boundedText(64),
  'ip-address-type': z.string().max(16).optional(),
  prefix: prefixSchema.nullish()
})

const interfaceSchema = z.object({
  name: boundedText(64),
  'hardware-address': z.string().max(64).nullish(),
  hwaddr: z.string().max(64).nullish(),
  'ip-addresses': z.array(z.unknown()).nullish()
})

/** The agent's answer is an object with `result`; a container's is the list itself. */
export const agentInterfacesSchema = z.object({ result: z.array(z.unknown()) })
export const lxcInterfacesSchema = z.array(z.unknown()).nullable()

function readAddress(raw: unknown): PveGuestAddress | null {
  const p = addressSchema.safeParse(raw)
  if (!p.success) return null
  // "fe80::1%eth0" from some agents: the zone is not part of an address one copies.
  const address = p.data['ip-address'].replace(/%[A-Za-z0-9_.-]{1,32}$/, '')
  const v = isIP(address)
  if (v === 0) return null
  return { address, family: v === 4 ? 'ipv4' : 'ipv6', prefix: p.data.prefix ?? null }
}

/** The interfaces that parse, each with its addresses that parse; never throws. */
export function readInterfaces(items: readonly unknown[]): PveGuestInterface[] {
  const out: PveGuestInterface[] = []
  for (const raw of items.slice(0, MAX_INTERFACES)) {
    const p = interfaceSchema.safeParse(raw)
    if (!p.success) continue
    const mac = p.data['hardware-address'] ?? p.data.hwaddr ?? null
    const addresses = (p.data['ip-addresses'] ?? [])
      .slice(0, MAX_ADDRESSES)
      .map(readAddress)
      .filter((a): a is PveGuestAddress => a !== null)
    out.push({ name: p.data.name, mac: mac === null || mac === '' ? null : mac, addresses })
  }
  return out
}
