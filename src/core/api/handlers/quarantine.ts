/** `quarantine/*`: the lines refused, with their reasons and raw text. */
import type { Handlers } from '../../../shared/api';
import type { StoreReader } from '../../store/store';

export function quarantineHandlers(d: { store: Pick<StoreReader, 'quarantine'> }): Handlers<'quarantine'> {
  return { 'quarantine/list': ({ limit, source }) => d.store.quarantine(limit ?? 100, source ?? null) };
}
