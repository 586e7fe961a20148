// The server's certificate, to compare with `pvenode cert info` before trusting it.
import type { CertificateInfo } from '@shared/views'

export interface CertificateTrustProps {
  readonly cert: CertificateInfo
  readonly onTrust: () => void
}

export function CertificateTrust({ cert, onTrust }: CertificateTrustProps): React.JSX.Element {
  return (
    // A next step, not a problem: a neutral status, never a warning or a red alert.
    <section className="panel" role="status" aria-labelledby="cert-title" data-testid="certificate-trust">
      <h2 id="cert-title">Is this your server’s certificate?</h2>
      <p>
        Proxmox uses a self-signed certificate, so the app cannot check it by itself. Compare this fingerprint with the one shown on the node by{' '}
        <code>pvenode cert info</code> (or in the web UI under node → System → Certificates).
      </p>
      <dl className="facts">
        <dt>SHA-256 fingerprint</dt>
        <dd>
          <code className="fingerprint" data-testid="cert-fingerprint">
            {cert.fingerprint256}
          </code>
        </dd>
        <dt>Subject</dt>
        <dd>{cert.subject}</dd>
        <dt>Issuer</dt>
        <dd>{cert.issuer}</dd>
        <dt>Valid</dt>
        <dd>
          {cert.validFrom} – {cert.validTo}
        </dd>
      </dl>
      <button type="button" className="btn btn-primary" onClick={onTrust}>
        Trust this certificate
      </button>
    </section>
  )
}
