#!/bin/sh
# Chromium on "another machine of the LAN": Playwright's executable for test/e2e/board-lan.spec.ts, run inside the
# network namespace FLOORBOARD_NETNS (test/helpers/netns.ts), so every request of the page, WebSocket included,
# crosses the veth link from the peer's address. `ip netns exec` execs the browser in place: Playwright's pipe
# (fds 3 and 4) and its process id stay the browser's.
set -eu
: "${FLOORBOARD_NETNS:?the network namespace to run Chromium in}"
exec ip netns exec "$FLOORBOARD_NETNS" "${CHROMIUM_PATH:-/usr/bin/chromium}" "$@"
