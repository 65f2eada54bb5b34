#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The Flatpak manifest, checked without building it (no network here).

    check-flatpak.py MANIFEST APP_ID BUILD_DIR

- flatpak-builder reads it without a warning (--show-manifest);
- its id is the application id, on the GNOME runtime named below;
- the narrowest permissions: display and GPU only, no file system, no
  network, no session or system bus names (files come through portals);
- every library the program links that the runtime lacks is a module of
  the manifest, built from a pinned source (sha256 or commit), and no
  module builds what the runtime has. What the runtime has is written
  below, from the runtime's own build definitions, and every dependency
  the build found (meson introspect) must be placed on one side or the
  other (meson-info/intro-dependencies.json of the build), so a new
  dependency fails here until someone decides.

TAP output. A missing flatpak-builder skips that one check, except under
CI=true, where it fails.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

# org.gnome.Platform//51 (September 2026): GNOME's own libraries
# (gnome-build-meta, branch gnome-51, elements/sdk-platform.bst: glib, gtk,
# libadwaita, json-glib, pango, cairo…) over the freedesktop runtime 26.08
# (freedesktop-sdk, tag freedesktop-sdk-26.08rc.1, elements/platform.bst:
# libxml2, libxslt with libexslt, sqlite, zlib, iso-codes, json-glib,
# pango, cairo, fontconfig, freetype, harfbuzz, liberation-fonts).
RUNTIME = {
    "glib-2.0", "gobject-2.0", "gio-2.0", "gio-unix-2.0", "gmodule-2.0",
    "gtk4", "libadwaita-1", "json-glib-1.0", "pango", "pangocairo",
    "cairo", "cairo-pdf", "libxml-2.0", "libxslt", "libexslt", "sqlite3",
    "zlib", "iso-codes",
}
# Dependencies of the test suite only, which the Flatpak does not build
# (-Dtests=false).
TESTS_ONLY = {"libzip"}
# Modules the manifest builds, by the pkg-config name they provide.
MODULE_PROVIDES = {}

FORBIDDEN = (
    "--filesystem", "--share=network", "--socket=session-bus", "--socket=system-bus",
    "--socket=x11", "--socket=pulseaudio", "--socket=ssh-auth", "--device=all",
    "--talk-name", "--system-talk-name", "--own-name", "--persist",
)
ALLOWED = {"--share=ipc", "--socket=fallback-x11", "--socket=wayland", "--device=dri"}

n = 0
failed = False


def check(ok, what):
    global n, failed
    n += 1
    print(f"{'ok' if ok else 'not ok'} {n} - {what}")
    failed |= not ok


def main():
    manifest_path, app_id, build_dir = sys.argv[1:4]
    with open(manifest_path) as f:
        manifest = json.load(f)

    builder = shutil.which("flatpak-builder")
    if builder:
        # In a folder of its own: flatpak-builder leaves its state
        # (.flatpak-builder/) where it runs.
        with tempfile.TemporaryDirectory() as scratch:
            out = subprocess.run([builder, "--show-manifest", os.path.abspath(manifest_path)],
                                 capture_output=True, text=True, cwd=scratch)
        check(out.returncode == 0 and "WARNING" not in out.stderr,
              "flatpak-builder reads the manifest without a warning " + out.stderr.strip())
    elif os.environ.get("CI") == "true":
        check(False, "flatpak-builder is missing (tools/debian-packages.txt)")
    else:
        print("ok - # SKIP flatpak-builder is missing")

    check(manifest.get("id") == app_id, f"the id is {app_id}")
    check(manifest.get("runtime") == "org.gnome.Platform" and manifest.get("sdk") == "org.gnome.Sdk"
          and manifest.get("runtime-version") == "51", "the GNOME 51 runtime")
    check(manifest.get("command") == "rapporteur", "it runs rapporteur")

    args = manifest.get("finish-args", [])
    check(all(a in ALLOWED for a in args) and not any(a.startswith(FORBIDDEN) for a in args),
          "permissions: display and GPU only, no files, network or bus names: " + " ".join(args))

    modules = manifest.get("modules", [])
    check(modules and modules[-1].get("name") == "rapporteur", "rapporteur is the last module")
    config = modules[-1].get("config-opts", []) if modules else []
    check("-Dtests=false" in config, "the test suite is not built")
    for module in modules[:-1]:
        for source in module.get("sources", []):
            kind = source.get("type")
            pinned = (kind in ("archive", "file") and len(source.get("sha256", "")) == 64) or \
                     (kind == "git" and len(source.get("commit", "")) == 40)
            check(pinned, f"module {module.get('name')}: its {kind} source is pinned")

    with open(os.path.join(build_dir, "meson-info", "intro-dependencies.json")) as f:
        found = {d["name"] for d in json.load(f) if d.get("name")}
    needed = found - TESTS_ONLY
    unplaced = needed - RUNTIME - set(MODULE_PROVIDES.values())
    check(not unplaced, "every dependency the build found is in the runtime or a module: "
          + ", ".join(sorted(unplaced)))
    built = {m.get("name") for m in modules[:-1]}
    lacking = needed - RUNTIME
    check(lacking == set(MODULE_PROVIDES.values()) and built == set(MODULE_PROVIDES),
          "the modules are exactly what the runtime lacks: "
          + (", ".join(sorted(lacking)) or "nothing"))
    print(f"1..{n}")
    return 1 if failed else 0


sys.exit(main())
