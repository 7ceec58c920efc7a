/**
 * A destructive button that asks in place before it acts (no modal to lose on a wall-sized screen): the question,
 * "Yes", "No", and the host's refusal under them if the action fails.
 */
import { useState } from 'react';

interface ConfirmInPlaceProps {
  label: string;
  question: string;
  testId: string;
  /** Resolves to an error message, or null once done. */
  act: () => Promise<string | null>;
}

export function ConfirmInPlace({ label, question, testId, act }: ConfirmInPlaceProps) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  if (!asking) {
    return (
      <button type="button" className="button" data-testid={testId} onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  const yes = () => {
    setBusy(true);
    void act().then((p) => (setBusy(false), setProblem(p)));
  };
  return (
    <div className="revoke-confirm" role="group" aria-label={question}>
      <span className="revoke-confirm__text">{question}</span>
      <span className="form-actions">
        <button type="button" className="button button--danger" disabled={busy} data-testid={`confirm-${testId}`} onClick={yes}>
          Yes, {label.toLowerCase()}
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => (setAsking(false), setProblem(null))}>
          No
        </button>
      </span>
      {problem && <span className="field-error" role="alert">{problem}</span>}
    </div>
  );
}

/** What a failed call says, without its method's prefix ("boards/remove: "). */
export const refusalOf = (e: unknown): string => (e instanceof Error ? e.message.replace(/^[a-z]+\/[a-z-]+: /, '') : String(e));
