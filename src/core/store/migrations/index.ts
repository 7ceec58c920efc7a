import { sql as m001 } from './001-init';
import { sql as m002 } from './002-feeds';
import { sql as m003 } from './003-line-blocks';
import { sql as m004 } from './004-agent-intervals-by-end';
import { sql as m005 } from './005-standards';
import { sql as m006 } from './006-alerts';
import { sql as m007 } from './007-outcomes';
import { sql as m008 } from './008-conversation-turns';
import { sql as m009 } from './009-quarantine-cap';
import { sql as m010 } from './010-retention';
import { sql as m011 } from './011-access-tokens';
import { sql as m012 } from './012-center';
import { sql as m013 } from './013-reported-waits';
import { sql as m014 } from './014-report-schedules';
import { sql as m015 } from './015-report-mail';
import { sql as m016 } from './016-boards';
import { sql as m017 } from './017-screen-tokens';
import { sql as m018 } from './018-open-contacts';
import { sql as m019 } from './019-line-block-counts';

/** Every migration this version knows, in order. A database's applied list must be a prefix of this list. */
export const MIGRATIONS: readonly { id: number; name: string; sql: string }[] = [
  { id: 1, name: '001-init', sql: m001 },
  { id: 2, name: '002-feeds', sql: m002 },
  { id: 3, name: '003-line-blocks', sql: m003 },
  { id: 4, name: '004-agent-intervals-by-end', sql: m004 },
  { id: 5, name: '005-standards', sql: m005 },
  { id: 6, name: '006-alerts', sql: m006 },
  { id: 7, name: '007-outcomes', sql: m007 },
  { id: 8, name: '008-conversation-turns', sql: m008 },
  { id: 9, name: '009-quarantine-cap', sql: m009 },
  { id: 10, name: '010-retention', sql: m010 },
  { id: 11, name: '011-access-tokens', sql: m011 },
  { id: 12, name: '012-center', sql: m012 },
  { id: 13, name: '013-reported-waits', sql: m013 },
  { id: 14, name: '014-report-schedules', sql: m014 },
  { id: 15, name: '015-report-mail', sql: m015 },
  { id: 16, name: '016-boards', sql: m016 },
  { id: 17, name: '017-screen-tokens', sql: m017 },
  { id: 18, name: '018-open-contacts', sql: m018 },
  { id: 19, name: '019-line-block-counts', sql: m019 },
];
