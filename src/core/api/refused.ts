/**
 * A request the engine understood and refuses (a feed name already taken, a feed that does not exist):
 * answered with code `refused` and the message as is, for the user to read next to the field; `issues` name that
 * field where the refusal belongs to one ("name": taken), as the schemas' do.
 */
export class RefusedError extends Error {
  override readonly name = 'RefusedError';

  constructor(
    message: string,
    readonly issues?: { path: string; message: string }[],
  ) {
    super(message);
  }
}
