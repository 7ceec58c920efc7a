/**
 * The console's one Content-Security-Policy, written once: the headless host sends it as a header, the Electron
 * shell adds it to every response it loads, and the built index.html carries it in a meta tag (injected by
 * electron.vite.config.ts), so the three can no longer drift apart. Nothing runs but the bundle; nothing is
 * framed, posted or loaded from elsewhere.
 */
const DIRECTIVES: readonly (readonly [name: string, value: string])[] = [
  ['default-src', "'self'"],
  ['script-src', "'self'"],
  // React's style props and ECharts' tooltips (HTML with style attributes) set inline styles
  ['style-src', "'self' 'unsafe-inline'"],
  // the one image is the favicon, a file of the bundle (resources/favicon.png): no data: URL is needed
  ['img-src', "'self'"],
  // the host's pushes come over a WebSocket to the page's own host; 'self' alone matches ws: only in recent
  // browsers (Safari from 15.4), and a wallboard on the LAN may run an older one
  ['connect-src', "'self' ws: wss:"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
  // a header-only directive: browsers ignore it in a meta tag (and warn)
  ['frame-ancestors', "'none'"],
];

const HEADER_ONLY = new Set(['frame-ancestors']);

const policy = (directives: typeof DIRECTIVES) => directives.map(([name, value]) => `${name} ${value}`).join('; ');

/** As a response header (the host, the Electron session). */
export const CONTENT_SECURITY_POLICY = policy(DIRECTIVES);

/** As index.html's meta tag: the same policy, less what a meta tag cannot carry. */
export const CONTENT_SECURITY_POLICY_META = policy(DIRECTIVES.filter(([name]) => !HEADER_ONLY.has(name)));
