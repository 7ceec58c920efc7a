/** `import/*`: one-shot imports of history files sent in batches of lines. */
import type { Handlers } from '../../../shared/api';
import type { Imports } from '../../feeds/imports';

export function importHandlers(d: { imports: Imports }): Handlers<'import'> {
  return {
    'import/lines': (args) => d.imports.lines(args),
    'import/mappings': () => d.imports.mappings(),
  };
}
