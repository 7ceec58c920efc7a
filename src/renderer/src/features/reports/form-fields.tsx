import { useId, type InputHTMLAttributes, type ReactNode } from 'react';
import { ApiError } from '../../api/client';

/**
 * The host's refusal as errors by field: each issue at the field its path starts with ("recipients.1" is
 * `recipients`), a refusal without issues, or anything else, under the form's buttons (`form`).
 */
export function errorsByField<F extends string>(e: unknown, fieldOf: (path: string) => F | 'form'): Map<F | 'form', string> {
  if (e instanceof ApiError && e.issues.length > 0) {
    const errors = new Map<F | 'form', string>();
    for (const i of e.issues) if (!errors.has(fieldOf(i.path))) errors.set(fieldOf(i.path), i.message);
    return errors;
  }
  return new Map([['form', e instanceof ApiError ? e.message.replace(/^[a-z]+\/[a-z-]+: /, '') : String(e)]]);
}

/** What a form shows of its errors: the message under a field, and the field's aria attributes pointing at it. */
export function useFieldErrors<F extends string>(errors: ReadonlyMap<F, string>, testIdPrefix: string) {
  const id = useId();
  const error = (field: F) =>
    errors.get(field) ? (
      <span className="field-error" id={`${id}-${field}-error`} data-testid={`${testIdPrefix}-error-${field}`}>
        <span aria-hidden="true">✖ </span>
        {errors.get(field)}
      </span>
    ) : null;
  const invalid = (field: F) => ({ 'aria-invalid': errors.has(field) ? true : undefined, 'aria-describedby': errors.has(field) ? `${id}-${field}-error` : undefined });
  return { id, error, invalid };
}

/** A labelled text input with its hint and its problem (`useFieldErrors`' error) under it; the rest goes to the input. */
export function TextField({ label, hint, problem, className, ...input }: { label: string; hint?: ReactNode; problem?: ReactNode; className?: string } & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <label className={className ? `field ${className}` : 'field'}>
      <span className="field__label">{label}</span>
      <input {...input} />
      {hint && <span className="field__hint">{hint}</span>}
      {problem}
    </label>
  );
}
