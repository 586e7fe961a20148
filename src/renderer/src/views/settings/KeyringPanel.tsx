// Where secrets are kept, said once and plainly — especially when they are not protected by a keyring.
// The backend's internal name (gnome_libsecret, aes-256-gcm-keyfile, …) never reaches the screen: the
// core's message (KeyringStatus.message) already says what it means for the user.
import type { KeyringStatus } from '@shared/views'

const KEYRING_NAMES: readonly [RegExp, string][] = [
  [/^gnome|libsecret/, 'GNOME Keyring'],
  [/^kwallet/, 'KWallet'],
  [/^keychain$/, 'the macOS Keychain'],
  [/^dpapi$/, 'Windows credential protection']
]

/** The user's name for a secure backend; a generic one when the app does not know it. */
export function keyringName(backend: string): string {
  return KEYRING_NAMES.find(([re]) => re.test(backend))?.[1] ?? 'your system keyring'
}

/** What an insecure store means for the user: the core's message (one source of truth, also used by onboarding). */
export function InsecureKeyringText({ keyring }: { keyring: KeyringStatus }): React.JSX.Element {
  return (
    <>
      <strong>Secrets are not securely stored.</strong>{' '}
      {keyring.message ??
        'Anyone who can read your files can read the token secrets. Install and unlock a system keyring (GNOME Keyring or KWallet) and restart the app.'}
    </>
  )
}

export function KeyringPanel({ keyring }: { keyring: KeyringStatus }): React.JSX.Element {
  return (
    <section className={keyring.secure ? 'panel' : 'panel panel-warning'} aria-labelledby="keyring-title" data-testid="keyring">
      <h2 id="keyring-title">Secret storage</h2>
      {keyring.secure ? (
        <p>Token secrets and SSH passphrases are encrypted with {keyringName(keyring.backend)}.</p>
      ) : (
        <p>
          <InsecureKeyringText keyring={keyring} />
        </p>
      )}
    </section>
  )
}
