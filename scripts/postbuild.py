#!/usr/bin/env python3
"""Trunk post_build hook: make the staged build CSP-clean, sub-folder safe and
offline-ready.

Run by Trunk (see Trunk.toml) with TRUNK_STAGING_DIR pointing at the staged
build (dist/.stage), after index.html has been written and before the stage is
moved to dist/. For manual runs: `python3 scripts/postbuild.py DIR`.

Steps:
 1. Move Trunk's inline `<script type="module">import init ...</script>` (the
    wasm boot code) into `boot-<hash>.js` and reference it with a relative
    src. Our CSP is `script-src 'self' 'wasm-unsafe-eval'` without
    'unsafe-inline', so an inline script would never run. Then fail if any
    inline script, inline event handler, javascript: URL or inline style is
    left in index.html.
 2. Write deep-link stubs `<page>/index.html` (meta refresh to `../#/<page>`)
    so /jiandu/plans on a plain static server opens the right page.
 3. Bundle the law library (src/domain/law/texts/*.json, one object per
    law) into laws.json: {"laws": [...]} sorted by file name, compact. The
    app fetches it when a 依据 is first opened (LawLibrary::from_bundle); the
    files themselves are checked by the native tests.
 4. VERSION = short sha256 over all build files (sorted relative paths and
    contents; sw.js as its unfilled template, version.json not at all); fill
    VERSION and the precache list into sw.js; write version.json.

Python 3 standard library only. Any unexpected input is a hard error (exit
code 1) so that a Trunk upgrade cannot silently break the CSP or the service
worker.
"""

from __future__ import annotations

import hashlib
import html
import json
import os
import re
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote

# Hash-routed pages that get a deep-link stub (<name>/index.html).
PAGES = ["plans", "institutions", "inspectors", "inspections", "summary", "data", "laws"]

# The law library's files, bundled into laws.json.
LAW_TEXTS = Path(__file__).resolve().parent.parent / "src" / "domain" / "law" / "texts"
LAW_BUNDLE = "laws.json"

# Files of the build that are not precached: sw.js is the worker itself (the
# browser fetches it past the worker), version.json must always come from the
# network so that it can tell which build is deployed.
NOT_PRECACHED = {"sw.js", "version.json"}

VERSION_PLACEHOLDER = '"__BUILD_VERSION__"'
PRECACHE_PLACEHOLDER = "[/*__PRECACHE__*/]"

SCRIPT_RE = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
SRC_ATTR_RE = re.compile(r"""\ssrc\s*=""", re.IGNORECASE)
TYPE_MODULE_RE = re.compile(r"""\stype\s*=\s*["']?module["']?""", re.IGNORECASE)
# `import init from '<url>'` / `import init, * as bindings from "<url>"`
IMPORT_INIT_RE = re.compile(r"""\bimport\s+init\b[^;]*?\bfrom\s+(['"])([^'"]+)\1""")
MODULE_OR_PATH_RE = re.compile(r"""(module_or_path\s*:\s*)(['"])([^'"]+\.wasm)\2""")
QUOTED_URL_RE = re.compile(r"""(['"])([^'"\s]+)\1""")


class BuildError(Exception):
    pass


def fail(msg: str) -> None:
    raise BuildError(msg)


def short_hash(data: bytes, n: int = 16) -> str:
    return hashlib.sha256(data).hexdigest()[:n]


def relativize(url: str, public_url: str, staging: Path) -> str:
    """'/base/jiandu-1.js' -> './jiandu-1.js' if that file is in the build.

    With public_url = "./" (our Trunk.toml) URLs are already relative; this
    only matters if someone builds with an absolute --public-url.
    """
    if url.startswith("./"):
        return url
    if public_url and public_url != "./" and url.startswith(public_url):
        rest = url[len(public_url):]
        if rest and (staging / rest).is_file():
            return "./" + rest
    return url


def extract_boot_script(index_html: str, staging: Path, public_url: str) -> tuple[str, re.Match]:
    """Return (boot js source, match of the inline script in index_html)."""
    candidates = []
    for m in SCRIPT_RE.finditer(index_html):
        attrs, body = m.group(1), m.group(2)
        if SRC_ATTR_RE.search(attrs):
            continue
        if TYPE_MODULE_RE.search(attrs) and IMPORT_INIT_RE.search(body):
            candidates.append(m)
    if len(candidates) != 1:
        fail(
            f"expected exactly one inline Trunk boot script "
            f"(<script type=\"module\"> with `import init ... from`), found {len(candidates)}. "
            f"Trunk's output format changed? The CSP forbids inline scripts, so the "
            f"build is refused."
        )
    m = candidates[0]
    body = m.group(2)

    # Imports inside a module resolve against the module's own URL; make them
    # "./file" so they work from any sub-folder.
    def fix_import(im: re.Match) -> str:
        q, url = im.group(1), im.group(2)
        return im.group(0).replace(f"{q}{url}{q}", f"{q}{relativize(url, public_url, staging)}{q}")

    body = re.sub(r"""\bimport\b[^;'"]*?\bfrom\s+(['"])([^'"]+)\1""", fix_import, body)

    # fetch() of a plain string resolves against the document, not the
    # module; anchor the wasm URL to the boot module instead.
    def fix_wasm(wm: re.Match) -> str:
        url = relativize(wm.group(3), public_url, staging)
        return f"{wm.group(1)}new URL({wm.group(2)}{url}{wm.group(2)}, import.meta.url)"

    body = MODULE_OR_PATH_RE.sub(fix_wasm, body)
    # Any other quoted build-file URL (e.g. the initializer variant).
    body = QUOTED_URL_RE.sub(
        lambda q: f"{q.group(1)}{relativize(q.group(2), public_url, staging)}{q.group(1)}", body
    )

    for im in IMPORT_INIT_RE.finditer(body):
        target = im.group(2)
        if not target.startswith("./"):
            fail(f"boot script imports {target!r}, which is not a relative URL")
        if not (staging / target[2:]).is_file():
            fail(f"boot script imports {target!r}, but that file is not in the build")

    boot_js = (
        "// Generated by scripts/postbuild.py from Trunk's inline boot script\n"
        "// (moved out of index.html because the CSP forbids inline scripts).\n"
        + body.strip("\n")
        + "\n"
    )
    return boot_js, m


class InlineChecker(HTMLParser):
    """Collects everything in index.html that the CSP would block."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self._in_script = False
        self._script_has_src = False
        self._script_body = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"inline event handler <{tag} {name}=...>")
            if name == "style":
                self.problems.append(f"inline style attribute on <{tag}>")
            if name in ("href", "src", "action", "formaction") and value and \
                    value.strip().lower().startswith("javascript:"):
                self.problems.append(f"javascript: URL in <{tag} {name}>")
        if tag == "script":
            self._in_script = True
            self._script_has_src = any(n == "src" and v for n, v in attrs)
            self._script_body = ""
        if tag == "style":
            self.problems.append("inline <style> element")

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self._script_body += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._in_script:
            if not self._script_has_src:
                self.problems.append("inline <script> without src")
            elif self._script_body.strip():
                self.problems.append("<script src=...> with an inline body")
            self._in_script = False


def check_csp_clean(index_html: str) -> None:
    checker = InlineChecker()
    checker.feed(index_html)
    checker.close()
    if checker.problems:
        fail(
            "index.html still contains content blocked by the CSP "
            "(script-src 'self' 'wasm-unsafe-eval'; style-src 'self'):\n  - "
            + "\n  - ".join(checker.problems)
        )


def write_stubs(staging: Path) -> None:
    for page in PAGES:
        d = staging / page
        if d.exists() and not d.is_dir():
            fail(f"cannot write deep-link stub: {d} exists and is not a directory")
        target = f"../#/{page}"
        stub = (
            "<!DOCTYPE html>\n"
            '<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'\">\n"
            f'<meta http-equiv="refresh" content="0; url={html.escape(target)}">\n'
            '<meta name="robots" content="noindex">\n'
            "<title>卫生监督检查</title>\n</head>\n<body>\n"
            f'<p><a href="{html.escape(target)}">打开 卫生监督检查</a></p>\n'
            "</body>\n</html>\n"
        )
        d.mkdir(exist_ok=True)
        (d / "index.html").write_text(stub, encoding="utf-8")


def build_files(staging: Path) -> list[str]:
    files = []
    for p in staging.rglob("*"):
        if p.is_file():
            rel = p.relative_to(staging).as_posix()
            if any(part.startswith(".") for part in rel.split("/")):
                continue  # never ship dotfiles (e.g. a stray .stage)
            files.append(rel)
    return sorted(files)


def write_law_bundle(staging: Path) -> None:
    files = sorted(LAW_TEXTS.glob("*.json"))
    if not files:
        fail(f"no law texts in {LAW_TEXTS}")
    laws = []
    for path in files:
        try:
            laws.append(json.loads(path.read_text(encoding="utf-8")))
        except json.JSONDecodeError as e:
            fail(f"{path}: {e}")
    bundle = json.dumps({"laws": laws}, ensure_ascii=False, separators=(",", ":"))
    (staging / LAW_BUNDLE).write_text(bundle, encoding="utf-8")


def main() -> int:
    if len(sys.argv) > 1:
        staging = Path(sys.argv[1])
    elif os.environ.get("TRUNK_STAGING_DIR"):
        staging = Path(os.environ["TRUNK_STAGING_DIR"])
    else:
        fail("no staging dir: run from Trunk (TRUNK_STAGING_DIR) or pass a directory")
    public_url = os.environ.get("TRUNK_PUBLIC_URL", "./")
    html_name = "index.html"
    if os.environ.get("TRUNK_HTML_FILE"):
        html_name = Path(os.environ["TRUNK_HTML_FILE"]).name
    index_path = staging / html_name
    sw_path = staging / "sw.js"
    if not index_path.is_file():
        fail(f"{index_path} not found")
    if not sw_path.is_file():
        fail(f"{sw_path} not found (is public/sw.js copied by index.html?)")

    # 1. Boot script out of index.html.
    index_html = index_path.read_text(encoding="utf-8")
    boot_js, m = extract_boot_script(index_html, staging, public_url)
    boot_name = f"boot-{short_hash(boot_js.encode())}.js"
    (staging / boot_name).write_text(boot_js, encoding="utf-8")
    tag = f'<script type="module" src="./{boot_name}"></script>'
    index_html = index_html[: m.start()] + tag + index_html[m.end():]

    # Absolute --public-url: make the remaining href/src relative as well.
    if public_url and public_url != "./":
        index_html = re.sub(
            r"""(\s(?:href|src)\s*=\s*)(["'])([^"']+)\2""",
            lambda a: f"{a.group(1)}{a.group(2)}{relativize(a.group(3), public_url, staging)}{a.group(2)}",
            index_html,
        )

    check_csp_clean(index_html)
    index_path.write_text(index_html, encoding="utf-8")

    # 2. Deep-link stubs.
    write_stubs(staging)

    # 3. The law library.
    write_law_bundle(staging)

    # 4. Version + precache list into sw.js. The hash also covers the sw.js
    # template itself, so a change to the worker's code alone gets a new
    # cache name too.
    files = [f for f in build_files(staging) if f not in NOT_PRECACHED]
    sw = sw_path.read_text(encoding="utf-8")
    h = hashlib.sha256()
    for rel, data in [("sw.js", sw.encode("utf-8"))] + [
        (rel, (staging / rel).read_bytes()) for rel in files
    ]:
        h.update(rel.encode("utf-8") + b"\0" + str(len(data)).encode() + b"\0" + data)
    version = h.hexdigest()[:12]

    precache = ["./"] + ["./" + quote(rel) for rel in files]
    for placeholder in (VERSION_PLACEHOLDER, PRECACHE_PLACEHOLDER):
        count = sw.count(placeholder)
        if count != 1:
            fail(f"sw.js must contain the placeholder {placeholder} exactly once (found {count})")
    sw = sw.replace(VERSION_PLACEHOLDER, json.dumps(version))
    sw = sw.replace(
        PRECACHE_PLACEHOLDER,
        "[\n" + "".join(f"  {json.dumps(u)},\n" for u in precache) + "]",
    )
    sw_path.write_text(sw, encoding="utf-8")
    (staging / "version.json").write_text(
        json.dumps({"version": version}) + "\n", encoding="utf-8"
    )

    print(
        f"postbuild: version {version}, boot script {boot_name}, "
        f"{len(precache)} precached URLs, {len(PAGES)} deep-link stubs"
    )
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BuildError as e:
        print(f"postbuild.py: ERROR: {e}", file=sys.stderr)
        sys.exit(1)
