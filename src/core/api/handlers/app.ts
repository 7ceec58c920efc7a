/** `app/*`: what is running. */
import type { AppInfo, Handlers } from '../../../shared/api';

export function appHandlers(info: AppInfo): Handlers<'app'> {
  return { 'app/info': () => ({ ...info }) };
}
