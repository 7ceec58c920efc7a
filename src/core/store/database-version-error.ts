/** The refusal of a file Floorboard must not open: another program's, or another version's. Writes nothing. */
export class DatabaseVersionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DatabaseVersionError';
  }
}
