"""A LibreOffice kept running, rendering slides to PNG on request (run by LibreOffice's Python).

Starting LibreOffice takes about a second and loading its Impress filters again each time
more; a live preview renders after every save, so one LibreOffice is started here and driven
through UNO for as long as the preview runs. This file is a script, not a deckgen module: it
runs under the Python that has LibreOffice's ``uno`` module (Debian's python3-uno, the Python
inside LibreOffice on Windows and macOS), which need not have deckgen or its dependencies, so
it uses the standard library only and stays compatible with Python 3.7.

Protocol: one JSON object per line on stdin, one answer per line on stdout.
  start-up                                  → {"ready": true}  or {"error": "..."}
  {"op": "open", "path": FILE}              → {"ok": true, "pages": N}
  {"op": "page", "index": I, "out": FILE, "width": W}  → {"ok": true}
  {"op": "close"}                           → {"ok": true}
End of input (the preview ended, or died) ends LibreOffice and this process; then the
preview's temporary folder (the optional fourth argument) is removed, so even a preview that
was killed outright leaves nothing behind once LibreOffice has gone.
LibreOffice listens on a named pipe (no network port) and is this process's child, in its
process group, so the preview can end the whole group at once if anything hangs.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sys
import time

CONNECT_TIMEOUT = 60.0


def main(argv: list) -> int:
    soffice, profile_url, pipe = argv[1:4]
    workdir = argv[4] if len(argv) > 4 else ""
    office = subprocess.Popen(
        [soffice, "-env:UserInstallation=" + profile_url, "--headless", "--invisible",
         "--nologo", "--norestore", "--nodefault", "--nolockcheck",
         "--accept=pipe,name=" + pipe + ";urp;StarOffice.ComponentContext"],
        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    desktop = None
    served = False
    try:
        try:
            import uno  # noqa: F401 - only LibreOffice's Python has it

            ctx = _connect(pipe, office)
        except Exception as exc:  # noqa: BLE001 - reported to the preview, which says it on the page
            _say({"error": "LibreOffice did not start: " + " ".join(str(exc).split())[:300]})
            return 1
        smgr = ctx.ServiceManager
        desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        _say({"ready": True})
        with contextlib.suppress(_Gone):  # our answers' reader is gone: the preview was killed
            _serve(ctx, desktop)
        served = True  # the input ended: the preview is over (or gone)
    finally:
        _end(desktop, office)
        if served and os.path.basename(workdir).startswith("deckgen-preview-"):
            shutil.rmtree(workdir, ignore_errors=True)
    return 0


def _connect(pipe: str, office: subprocess.Popen) -> object:
    import uno

    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.monotonic() + CONNECT_TIMEOUT
    while True:
        try:
            return resolver.resolve("uno:pipe,name=" + pipe + ";urp;StarOffice.ComponentContext")
        except Exception:  # noqa: BLE001 - NoConnectException until LibreOffice listens
            if office.poll() is not None:
                raise RuntimeError(f"soffice exited with code {office.returncode}") from None
            if time.monotonic() > deadline:
                raise RuntimeError(f"no connection after {CONNECT_TIMEOUT:g} s") from None
            time.sleep(0.05)


def _serve(ctx: object, desktop: object) -> None:
    doc = None
    exporter = None
    for line in sys.stdin:
        try:
            cmd = json.loads(line)
            op = cmd.get("op")
            if op == "open":
                if doc is not None:
                    doc.close(True)
                doc = desktop.loadComponentFromURL(
                    _url(cmd["path"]), "_blank", 0, (_prop("Hidden", True), _prop("ReadOnly", True)))
                if doc is None:
                    raise RuntimeError("LibreOffice could not open the deck")
                exporter = ctx.ServiceManager.createInstanceWithContext(
                    "com.sun.star.drawing.GraphicExportFilter", ctx)
                _say({"ok": True, "pages": doc.getDrawPages().getCount()})
            elif op == "page":
                _page(doc, exporter, int(cmd["index"]), cmd["out"], int(cmd["width"]))
                _say({"ok": True})
            elif op == "close":
                if doc is not None:
                    doc.close(True)
                doc = exporter = None
                _say({"ok": True})
            else:
                _say({"error": f"unknown op {op!r}"})
        except _Gone:
            raise
        except Exception as exc:  # noqa: BLE001 - one failed request must not end the renderer
            reason = " ".join(str(exc).split())[:300]
            _say({"error": f"{type(exc).__name__}: {reason}"})


def _page(doc: object, exporter: object, index: int, out: str, width: int) -> None:
    import uno

    page = doc.getDrawPages().getByIndex(index)
    height = max(1, round(width * page.Height / max(page.Width, 1)))
    exporter.setSourceDocument(page)
    data = uno.Any("[]com.sun.star.beans.PropertyValue",
                   (_prop("PixelWidth", width), _prop("PixelHeight", height)))
    exporter.filter((_prop("URL", _url(out)), _prop("MediaType", "image/png"),
                     _prop("FilterData", data)))


def _end(desktop: object, office: subprocess.Popen) -> None:
    if desktop is None:
        office.kill()  # never connected: nothing to save, nothing to wait for
    else:
        with contextlib.suppress(Exception):  # the bridge is gone once LibreOffice quits
            desktop.terminate()
    try:
        office.wait(timeout=10)
    except subprocess.TimeoutExpired:
        office.kill()
        office.wait()


def _url(path: str) -> str:
    import uno

    return uno.systemPathToFileUrl(path)


def _prop(name: str, value: object) -> object:
    from com.sun.star.beans import PropertyValue

    prop = PropertyValue()
    prop.Name = name
    prop.Value = value
    return prop


class _Gone(Exception):
    """Standard output is closed: the preview that read it has gone."""


def _say(message: dict) -> None:
    try:
        sys.stdout.write(json.dumps(message) + "\n")
        sys.stdout.flush()
    except OSError:
        raise _Gone from None


if __name__ == "__main__":
    sys.exit(main(sys.argv))
