/**
 * The Boards screen's form pieces: a labelled choice among values, and the submit row (the button, saying so while
 * busy, and what came back beside it).
 */
import type { ReactNode, SelectHTMLAttributes } from 'react';

interface ChoiceFieldProps<V extends string | number> extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange'> {
  label: string;
  value: V;
  choices: readonly { value: V; label: string }[];
  onChoose: (value: V) => void;
  problem?: ReactNode;
}

/** The chosen value comes back as the type it was given (an index stays a number). */
export function ChoiceField<V extends string | number>({ label, value, choices, onChoose, problem, ...select }: ChoiceFieldProps<V>) {
  return (
    <label className="field">
      <span className="field__label">{label}</span>
      <select {...select} value={String(value)} onChange={(e) => onChoose(choices.find((c) => String(c.value) === e.target.value)!.value)}>
        {choices.map((c) => (
          <option key={String(c.value)} value={String(c.value)}>
            {c.label}
          </option>
        ))}
      </select>
      {problem}
    </label>
  );
}

export const choicesOf = <V extends string>(values: readonly V[]) => values.map((value) => ({ value, label: value }));

export function SubmitRow({ busy, label, busyLabel, testId, children }: { busy: boolean; label: string; busyLabel: string; testId: string; children?: ReactNode }) {
  return (
    <div className="form-actions">
      <button type="submit" className="button button--primary" disabled={busy} data-testid={testId}>
        {busy ? busyLabel : label}
      </button>
      {children}
    </div>
  );
}
