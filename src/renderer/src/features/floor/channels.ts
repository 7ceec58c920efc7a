import type { Channel } from '../../../../shared/api';

/** Always all four, always in this order, so a channel's tile never moves on the wall. */
export const CHANNEL_ORDER: readonly Channel[] = ['voice', 'chat', 'email', 'message'];

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
