/** `feeds/*`: configured feeds (file tails, webhooks), kept in the database and run by the feed manager. */
import type { Handlers } from '../../../shared/api';
import type { FeedManager } from '../../feeds/feed-manager';

export function feedsHandlers(d: { feeds: FeedManager }): Handlers<'feeds'> {
  const { feeds } = d;
  return {
    'feeds/list': () => feeds.statuses(),
    'feeds/add': (spec) => feeds.add(spec),
    'feeds/pause': ({ name }) => feeds.pause(name),
    'feeds/resume': ({ name }) => feeds.resume(name),
    'feeds/remove': ({ name }) => (feeds.remove(name), { removed: name }),
  };
}
