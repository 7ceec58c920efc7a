/** Built-in CSV mappings by name; anything else is read as a saved column-mapping file by the caller. */
import type { CsvMapping } from './csv';
import { anonymousBankMapping } from './csv-anonymous-bank';

export const BUILT_IN_CSV_MAPPINGS: Record<string, () => CsvMapping> = {
  'anonymous-bank': () => anonymousBankMapping(),
};
