/**
 * Runtime validation of the `boards/*` payloads (the rest is in schemas.ts). A board is checked by the one validator
 * of the Boards screen, the API and board files (core/boards/board.ts), each problem at its path ("board.pages.0.
 * tiles.2.channel") for the form to say it there.
 */
import { z } from 'zod';
import { BOARD_NAME } from '../../shared/boards';
import { boardSchema } from '../boards/board';

const boardName = z.object({ name: z.string().regex(BOARD_NAME, 'not a board name') }).strict();

export const boardSchemas = {
  'boards/list': z.object({}).strict(),
  'boards/get': boardName,
  'boards/save': z.object({ board: boardSchema, note: z.string().max(500).optional() }).strict(),
  'boards/remove': boardName,
};
