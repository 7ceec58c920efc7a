import type { SignedOut } from '../../api/client';
import './access.css';

/**
 * Instead of the floor when the host refuses this page's credential: what happened, and how to get in. Nothing is
 * retried behind it (the transport stopped): a wall display shows this until someone opens a new link on it.
 */
export function SignInScreen({ signedOut }: { signedOut: SignedOut | null }) {
  const ended = signedOut?.ended ?? false;
  return (
    <main className="sign-in" role="alert" data-testid="sign-in" data-reason={ended ? 'access-ended' : 'not-signed-in'}>
      <h1 className="product-name">Floorboard</h1>
      <h2 className="sign-in__title">
        {ended && <span aria-hidden="true">⚠ </span>}
        {ended ? 'Access ended' : 'Not signed in'}
      </h2>
      <p className="sign-in__what">
        {ended
          ? 'This screen no longer receives the floor: its viewer token was revoked or has expired, or the admin secret was rotated.'
          : 'The floor is shown only to a signed-in browser: open a sign-in link on this screen.'}
      </p>
      <ul className="sign-in__how">
        <li>
          <strong>Supervisor (admin):</strong> open the admin login URL that <code>serve</code> printed when it started, or get it again
          with <code>npm run cli -- access admin login-url</code>.
        </li>
        <li>
          <strong>Wall display, manager:</strong> ask the admin for a viewer link (made on the Access screen, or with{' '}
          <code>npm run cli -- access token create NAME</code>).
        </li>
      </ul>
      {signedOut && (
        <p className="sign-in__detail" data-testid="sign-in-detail">
          The host said: {signedOut.message}
        </p>
      )}
    </main>
  );
}
