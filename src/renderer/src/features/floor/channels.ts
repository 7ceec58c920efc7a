/** How each channel reads on screen; the channels themselves, and their order, are CHANNELS in src/shared/api.ts. */
import type { Channel } from '../../../../shared/api';

export const CHANNEL_LABEL: Record<Channel, string> = {
  voice: 'Voice',
  chat: 'Chat',
  email: 'Email',
  message: 'Messaging',
};

/** For narrow places such as the agent table's channel column. */
export const CHANNEL_SHORT: Record<Channel, string> = {
  voice: 'Voice',
  chat: 'Chat',
  email: 'Email',
  message: 'Msg',
};

/** Voice is answered live; the others are judged on first response too. */
export const isAsync = (channel: Channel): boolean => channel !== 'voice';
