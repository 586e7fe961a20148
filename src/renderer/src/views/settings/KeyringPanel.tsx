// Where secrets are kept, said plainly — especially when they are only obfuscated.
import type { KeyringStatus } from '@shared/views'

export function KeyringPanel({ keyring }: { keyring: KeyringStatus }): React.JSX.Element {
  return (
    <section className={keyring.secure ? 'panel' : 'panel panel-warning'} aria-labelledby="keyring-title" data-testid="keyring">
      <h2 id="keyring-title">Secret storage</h2>
      {keyring.secure ? (
        <p>Token secrets and SSH passphrases are encrypted with your system keyring ({keyring.backend}).</p>
      ) : (
        <p role="alert">
          <strong>Secrets are not securely stored.</strong> No system keyring is available ({keyring.backend}), so token secrets are only obfuscated on disk:
          anyone who can read your files can read them. Install and unlock a keyring (e.g. GNOME Keyring or KWallet) and restart the app.
        </p>
      )}
      {keyring.message !== null ? <p className="muted-text">{keyring.message}</p> : null}
    </section>
  )
}
