/**
 * Pairing a screen: the code its TV shows (as shown, dash optional, any case: the host reads it so), the board it is to show and a name
 * for it -> boards/pair. The host checks all three; each refusal comes back at its field.
 */
import { useState } from 'react';
import type { BoardScreen } from '../../../../shared/boards';
import { useClient } from '../../api/client-context';
import { ChoiceField, choicesOf, SubmitRow } from './form-parts';
import { errorsByField, TextField, useFieldErrors } from '../reports/form-fields';

type Field = 'code' | 'board' | 'screen';

const fieldOf = (path: string): Field | 'form' => {
  const head = path.split('.')[0];
  return head === 'code' || head === 'board' || head === 'screen' ? head : 'form';
};

/** A refusal without a path (an unknown or expired code, a name taken) said at the field it is about. */
function placeRefusal(errors: Map<Field | 'form', string>): Map<Field | 'form', string> {
  const said = errors.get('form');
  if (!said || errors.size > 1) return errors;
  const field: Field | 'form' = /code/i.test(said) ? 'code' : /board/i.test(said) ? 'board' : /screen|name|token/i.test(said) ? 'screen' : 'form';
  return new Map([[field, said]]);
}

export function PairForm({ boards, onPaired }: { boards: string[]; onPaired: (screen: BoardScreen) => void }) {
  const client = useClient();
  const [code, setCode] = useState('');
  const [board, setBoard] = useState('floor');
  const [screen, setScreen] = useState('');
  const [errors, setErrors] = useState<Map<Field | 'form', string>>(new Map());
  const [busy, setBusy] = useState(false);
  const { error, invalid } = useFieldErrors(errors, 'pair');

  const submit = async (ev: React.FormEvent) => {
    ev.preventDefault();
    setBusy(true);
    try {
      const paired = await client.call('boards/pair', { code: code.trim(), board, screen: screen.trim() });
      setErrors(new Map());
      setCode('');
      setScreen('');
      onPaired(paired);
    } catch (e) {
      setErrors(placeRefusal(errorsByField(e, fieldOf)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="pair-form" onSubmit={submit} noValidate aria-label="Pair a screen" data-testid="pair-form">
      <h2 className="panel__title">Pair a screen</h2>
      <p className="field__hint">
        Open <code>/board</code> on the TV: it shows a code for 10 minutes. Without pairing, make a screen&apos;s link on the host with{' '}
        <code>npm run cli -- boards token create BOARD</code>.
      </p>
      <div className="field-row">
        <TextField label="Code on the TV" value={code} onChange={(e) => setCode(e.target.value)} placeholder="K7M-2QX" autoComplete="off" problem={error('code')} data-testid="pair-code" {...invalid('code')} />
        <ChoiceField label="Board" value={board} choices={choicesOf(boards)} onChoose={setBoard} problem={error('board')} data-testid="pair-board" {...invalid('board')} />
        <TextField label="Screen name" value={screen} onChange={(e) => setScreen(e.target.value)} placeholder="lobby tv" problem={error('screen')} data-testid="pair-screen" {...invalid('screen')} />
      </div>
      <SubmitRow busy={busy} label="Pair" busyLabel="Pairing…" testId="pair-submit">
        {error('form')}
      </SubmitRow>
    </form>
  );
}
