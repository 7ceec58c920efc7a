import { useRef, useState } from 'react';
import type { AccessTokenView } from '../../../../shared/api';

/**
 * A token just made, shown this once (the host keeps only its hash): the link that signs a browser in with it, a
 * Copy button, and the warning. A page served by the host links to its own address; the desktop app's page (file://)
 * has none to give, so it shows the token to add to the host's address.
 */
export function NewToken({ token, view, origin, onDone }: { token: string; view: AccessTokenView; origin: string; onDone: () => void }) {
  const linkable = /^https?:/.test(origin);
  const text = linkable ? `${origin}/?token=${token}` : token;
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<string | null>(null);

  const copy = async () => {
    input.current?.select();
    try {
      // the Clipboard API needs a secure page (https or localhost): a LAN address over http has none
      await navigator.clipboard.writeText(text);
      setCopied('Copied');
    } catch {
      setCopied('Selected: press Ctrl+C to copy');
    }
  };

  return (
    <section className="panel new-token" aria-label={`New token ${view.name}`} data-testid="new-token">
      <h2 className="panel__title">
        {linkable ? 'Viewer link' : 'Viewer token'} for “{view.name}”
      </h2>
      <p className="new-token__warning" role="alert">
        <span aria-hidden="true">⚠ </span>
        Copy it now: it is shown this once and cannot be shown again. Whoever has it reads the floor until you revoke it.
      </p>
      <div className="new-token__row">
        <input ref={input} className="new-token__link" readOnly value={text} aria-label={linkable ? 'Viewer link' : 'Viewer token'} data-testid="new-token-link" onFocus={(e) => e.target.select()} />
        <button type="button" className="button button--primary" onClick={() => void copy()} data-testid="copy-token">
          Copy
        </button>
        <button type="button" className="button" onClick={onDone} data-testid="new-token-done">
          Done
        </button>
      </div>
      {!linkable && <p className="field__hint">Open the host's address with ?token= and this token on the screen that should show the floor.</p>}
      {copied && (
        <p className="form-ok" role="status">
          {copied}
        </p>
      )}
    </section>
  );
}
