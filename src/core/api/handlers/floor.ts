/** `floor/*`: the live floor, as pushed on every tick. */
import type { FloorSnapshot, Handlers } from '../../../shared/api';

export function floorHandlers(d: { snapshot(): FloorSnapshot }): Handlers<'floor'> {
  return { 'floor/snapshot': () => d.snapshot() };
}
