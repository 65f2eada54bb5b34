#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs a widget test on its own X server. Without Xvfb the test is
# skipped, except under CI, where a missing tool is a failure.
if command -v xvfb-run >/dev/null 2>&1; then
  exec xvfb-run -a -s "-screen 0 1280x1024x24 -nolisten tcp" "$@"
fi
if [ "${CI:-}" = "true" ]; then
  echo "Bail out! xvfb-run is missing (apt-get install xvfb xauth)"
  exit 1
fi
echo "1..0 # SKIP xvfb-run is missing"
exit 0
