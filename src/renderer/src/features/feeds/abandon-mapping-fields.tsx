import { useId } from 'react';
import type { FeedFormat, TaskRouterAbandonTrigger } from '../../../../shared/api';
import { ABANDON_TRIGGER_HINT, ABANDON_TRIGGERS, EXIT_WITH_KEY_LABEL, type AbandonDraft, type ExitWithKey } from './feed-look';

interface AbandonMappingFieldsProps {
  format: FeedFormat;
  value: AbandonDraft;
  onChange: (value: AbandonDraft) => void;
  /** "feed" or "import": the testids are `<prefix>-abandon-<event>` and `<prefix>-exit-with-key`. */
  testIdPrefix: string;
  /** What the settings apply to, in the zero-abandons hint: "this feed", "this import". */
  subject: string;
  disabled?: boolean;
}

/**
 * What counts as an abandon, where vendors disagree (DOMAIN.md): the TaskRouter events that end a task never
 * accepted as abandoned, or what Asterisk's EXITWITHKEY counts as. Nothing for other formats.
 */
export function AbandonMappingFields({ format, value, onChange, testIdPrefix, subject, disabled }: AbandonMappingFieldsProps) {
  const id = useId();

  if (format === 'taskrouter') {
    const toggle = (trigger: TaskRouterAbandonTrigger, on: boolean) => {
      const next = on ? [...value.abandonOn, trigger] : value.abandonOn.filter((t) => t !== trigger);
      onChange({ ...value, abandonOn: ABANDON_TRIGGERS.filter((t) => next.includes(t)) });
    };
    const none = value.abandonOn.length === 0;
    return (
      <fieldset className="mapping-fields" data-testid={`${testIdPrefix}-abandon-on`} aria-describedby={none ? `${id}-none` : undefined} disabled={disabled}>
        <legend>Counted as abandoned (task never accepted)</legend>
        {ABANDON_TRIGGERS.map((trigger) => (
          <div className="mapping-fields__check" key={trigger}>
            <input
              id={`${id}-${trigger}`}
              type="checkbox"
              data-testid={`${testIdPrefix}-abandon-${trigger}`}
              checked={value.abandonOn.includes(trigger)}
              onChange={(e) => toggle(trigger, e.target.checked)}
            />
            <label htmlFor={`${id}-${trigger}`}>
              <code>{trigger}</code> <span className="field__hint">{ABANDON_TRIGGER_HINT[trigger]}</span>
            </label>
          </div>
        ))}
        <span className="mapping-fields__none text-warn" id={`${id}-none`} role="status" data-testid={`${testIdPrefix}-abandon-none`}>
          {none && (
            <>
              <span aria-hidden="true">⚠ </span>
              Nothing checked: abandons will be zero for {subject}.
            </>
          )}
        </span>
      </fieldset>
    );
  }

  if (format === 'queue_log') {
    return (
      <div className="field">
        <label htmlFor={`${id}-exit-with-key`}>EXITWITHKEY (caller left by a key press) counts as</label>
        <select
          id={`${id}-exit-with-key`}
          data-testid={`${testIdPrefix}-exit-with-key`}
          value={value.exitWithKey}
          disabled={disabled}
          onChange={(e) => onChange({ ...value, exitWithKey: e.target.value as ExitWithKey })}
        >
          {(Object.keys(EXIT_WITH_KEY_LABEL) as ExitWithKey[]).map((choice) => (
            <option key={choice} value={choice}>
              {EXIT_WITH_KEY_LABEL[choice]}
            </option>
          ))}
        </select>
      </div>
    );
  }

  return null;
}
