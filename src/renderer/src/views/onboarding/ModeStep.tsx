// Step 1: what the app may do, and the exact pveum commands that create a token for it.
import { pveumCommands } from '@shared/pveum-commands'
import type { ClusterMode } from '@shared/snapshot'

import { CopyButton } from '../../components/CopyButton'

export interface ModeStepProps {
  readonly mode: ClusterMode
  readonly privsep: boolean
  readonly onMode: (m: ClusterMode) => void
  readonly onPrivsep: (p: boolean) => void
}

export function ModeStep({ mode, privsep, onMode, onPrivsep }: ModeStepProps): React.JSX.Element {
  const steps = pveumCommands({ access: mode, privsep })
  const all = steps.flatMap((s) => s.commands).join('\n')
  return (
    <section className="panel" aria-labelledby="mode-title">
      <h2 id="mode-title">1. What should the app be allowed to do?</h2>
      <fieldset className="mode-choice">
        <legend className="visually-hidden">Mode</legend>
        <label className="radio-card">
          <input type="radio" name="mode" value="monitor" checked={mode === 'monitor'} onChange={() => onMode('monitor')} />
          <span>
            <strong>Monitor only</strong> — read node, guest and storage status. The token cannot change anything.
          </span>
        </label>
        <label className="radio-card">
          <input type="radio" name="mode" value="control" checked={mode === 'control'} onChange={() => onMode('control')} />
          <span>
            <strong>Monitor and control</strong> — also start, shut down, stop and reboot guests (VM.PowerMgmt).
          </span>
        </label>
      </fieldset>
      <label className="check">
        <input type="checkbox" checked={privsep} onChange={(e) => onPrivsep(e.target.checked)} />
        Privilege separation (recommended)
      </label>
      <p className="muted-text">
        {privsep
          ? 'With privilege separation the token gets only the permissions you grant to the token itself, never more than its user has.'
          : 'Without privilege separation the token has exactly the permissions of its user.'}
      </p>
      <p>Run these on any node as root (Shell in the Proxmox web UI):</p>
      <ol className="pveum-steps" data-testid="pveum-commands">
        {steps.map((s) => (
          <li key={s.commands.join('|')}>
            <p>{s.explanation}</p>
            {s.commands.map((c) => (
              <div key={c} className="command-line">
                <code className="code">{c}</code>
                <CopyButton text={c} label={`Copy: ${c}`} />
              </div>
            ))}
          </li>
        ))}
      </ol>
      <CopyButton text={all} label="Copy all commands" visibleLabel="Copy all commands" />
      <p className="muted-text">The token command prints the secret once: copy it into the form below.</p>
    </section>
  )
}
