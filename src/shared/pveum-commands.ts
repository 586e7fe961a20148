// The `pveum` commands that create a suitable API token, shown on the onboarding screen. Pure and
// Electron-free: the renderer imports it directly. One sentence explains each block.

export type PveumAccess = 'monitor' | 'control'

export interface PveumOptions {
  readonly access: PveumAccess
  /** Privilege separation: the token gets its own ACLs (recommended) instead of its user's. */
  readonly privsep: boolean
  /** Default 'pvetray@pve'. */
  readonly user?: string
  /** Default 'tray'. */
  readonly tokenName?: string
  /** Use the built-in PVEAuditor role (monitor only) instead of a custom role. */
  readonly builtinAuditor?: boolean
}

export interface PveumStep {
  readonly explanation: string
  readonly commands: readonly string[]
}

const SAFE = /^[A-Za-z0-9._@-]+$/

export function pveumCommands(opts: PveumOptions): PveumStep[] {
  const user = opts.user ?? 'pvetray@pve'
  const token = opts.tokenName ?? 'tray'
  if (!SAFE.test(user) || !/^[A-Za-z][A-Za-z0-9._-]*$/.test(token) || !user.includes('@')) {
    throw new Error('user must look like name@realm and the token name must be a simple word')
  }
  const tokenId = `${user}!${token}`
  const auditorOnly = opts.access === 'monitor' && opts.builtinAuditor === true
  const role = auditorOnly ? 'PVEAuditor' : opts.access === 'monitor' ? 'PveTrayMonitor' : 'PveTrayControl'
  const privs = opts.access === 'monitor' ? 'Sys.Audit VM.Audit Datastore.Audit' : 'Sys.Audit VM.Audit Datastore.Audit VM.PowerMgmt'
  const steps: PveumStep[] = []
  if (!auditorOnly) {
    steps.push({
      explanation:
        opts.access === 'monitor'
          ? 'Create a role that can only read node, guest and storage status.'
          : 'Create a role that can read status and start, stop and reboot guests, and nothing else.',
      commands: [`pveum role add ${role} --privs "${privs}"`]
    })
  }
  steps.push({
    explanation: 'Create a user for the app; it needs no password because the app logs in with a token.',
    commands: [`pveum user add ${user} --comment "PVE Tray"`]
  })
  if (opts.privsep) {
    steps.push({
      explanation: 'Create a privilege-separated token and give the role to the token itself, so it can do no more than the app needs.',
      commands: [`pveum user token add ${tokenId.replace('!', ' ')} --privsep 1`, `pveum acl modify / --tokens '${tokenId}' --roles ${role}`]
    })
  } else {
    steps.push({
      explanation: 'Give the role to the user and create a token that shares the user’s permissions.',
      commands: [`pveum acl modify / --users ${user} --roles ${role}`, `pveum user token add ${tokenId.replace('!', ' ')} --privsep 0`]
    })
  }
  return steps
}
