/**
 * Runtime validation of the screens' payloads (boards/screens, boards/pair, boards/revoke-screen: core/access/
 * screens.ts); the boards' own methods have theirs beside the boards. A board is named as in its URL (BOARD_NAME),
 * a screen as any viewer token (TOKEN_NAME), a pairing code loosely (the handler reads it past dashes and case).
 */
import { z } from 'zod';
import { BOARD_NAME } from '../../shared/boards';
import { TOKEN_NAME } from '../access/access';

const boardName = z.string().regex(BOARD_NAME, 'a board name is 1-64 lowercase letters, digits, "-" or "_"');
const screenName = z.string().regex(TOKEN_NAME, 'a screen name is 1-64 letters, digits, spaces, ".", "-" or "_", starting with a letter or digit');

export const screenSchemas = {
  'boards/screens': z.object({ board: boardName.optional() }).strict(),
  'boards/pair': z.object({ code: z.string().min(1).max(16), board: boardName, screen: screenName }).strict(),
  'boards/revoke-screen': z.object({ screen: z.string().min(1).max(64) }).strict(),
};
