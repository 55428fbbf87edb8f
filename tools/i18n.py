"""Keep the window's translations in step with the code.

    python tools/i18n.py update          extract texts into translations/stockdesk_xx.ts
    python tools/i18n.py todo LANG       the texts still to translate, as JSON
    python tools/i18n.py apply LANG F    take translations from a JSON file
    python tools/i18n.py release         compile every .ts into the .qm the app loads
    python tools/i18n.py check           fail when a text is untranslated or a placeholder
                                         differs from its source

The ``.ts`` files are Qt Linguist's: translators may edit them in Linguist as well.  Besides
what ``pyside6-lupdate`` finds in ``stockdesk/ui``, the catalogues carry the sentences the
services speak in (problem codes, operations), which live in plain Python tables.
JSON for ``todo``/``apply``: ``{"Context": {"source text": "translation"}}``.
"""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UI = ROOT / "stockdesk" / "ui"
TRANSLATIONS = UI / "translations"
LANGS = {"fr": "fr_FR", "pt": "pt_PT", "es": "es_ES"}
BIN = Path(sys.executable).parent
FIELD = re.compile(r"\{([a-zA-Z_][a-zA-Z0-9_]*)[^{}]*\}")


def ts_path(lang: str) -> Path:
    return TRANSLATIONS / f"stockdesk_{lang}.ts"


def extra_texts() -> dict[str, list[str]]:
    """Sentences outside the window's code that the window shows, by context."""
    sys.path.insert(0, str(ROOT))
    from stockdesk.problems import MESSAGES
    from stockdesk.services.auth import OPERATION_WORDS

    return {"Problem": sorted(set(MESSAGES.values())),
            "Operation": sorted(set(OPERATION_WORDS.values()))}


def helper_texts() -> dict[str, set[str]]:
    """Texts passed through a module's one-line helper, which lupdate cannot follow.

    A module may define ``def _t(text): return QCoreApplication.translate("Ctx", text)``
    and call ``_t("...")``; each such call is a text of context ``Ctx``.
    """
    found: dict[str, set[str]] = {}
    for path in UI.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        constants = {t.id: node.value.value for node in tree.body
                     if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant)
                     and isinstance(node.value.value, str)
                     for t in node.targets if isinstance(t, ast.Name)}

        def context_of(arg: ast.expr, constants: dict[str, str] = constants) -> str | None:
            """A literal context, or a module constant naming one."""
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                return arg.value
            if isinstance(arg, ast.Name):
                return constants.get(arg.id)
            return None

        helpers: dict[str, str] = {}
        for node in tree.body:
            if isinstance(node, ast.FunctionDef) and len(node.body) == 1 \
                    and isinstance(node.body[0], ast.Return):
                call = node.body[0].value
                if isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute) \
                        and call.func.attr == "translate" and len(call.args) == 2:
                    context = context_of(call.args[0])
                    if context is not None:
                        helpers[node.name] = context
        for node in ast.walk(tree):  # translate(CONSTANT, "text"): lupdate cannot follow it
            name = node.func.attr if isinstance(node, ast.Call) \
                and isinstance(node.func, ast.Attribute) else node.func.id \
                if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) else None
            if name in ("translate", "QT_TRANSLATE_NOOP") and isinstance(node, ast.Call) \
                    and len(node.args) == 2 and isinstance(node.args[0], ast.Name) \
                    and isinstance(node.args[1], ast.Constant) \
                    and isinstance(node.args[1].value, str):
                context = context_of(node.args[0])
                if context is not None:
                    found.setdefault(context, set()).add(node.args[1].value)
        if not helpers:
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) \
                    and node.func.id in helpers and node.args \
                    and isinstance(node.args[0], ast.Constant) \
                    and isinstance(node.args[0].value, str):
                found.setdefault(helpers[node.func.id], set()).add(node.args[0].value)
    return found


def tool(name: str) -> str:
    candidate = BIN / name
    return str(candidate) if candidate.exists() else name


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in UI.rglob("*.py"))


def update() -> None:
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    for lang, locale in LANGS.items():
        path = ts_path(lang)
        subprocess.run([tool("pyside6-lupdate"), *sources(), "-target-language", locale,
                        "-locations", "none", "-ts", str(path)],
                       cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
        tree = ET.parse(path)
        add_extra(tree.getroot())
        add_helper_texts(tree.getroot())
        drop_vanished(tree.getroot())
        write(tree, path)
    print(summary())


def contexts(root: ET.Element) -> dict[str, ET.Element]:
    return {c.findtext("name", ""): c for c in root.findall("context")}


def add_extra(root: ET.Element) -> None:
    have = contexts(root)
    for name, texts in extra_texts().items():
        ctx = have.get(name)
        if ctx is None:
            ctx = ET.SubElement(root, "context")
            ET.SubElement(ctx, "name").text = name
        known = {m.findtext("source"): m for m in ctx.findall("message")}
        for text in texts:
            msg = known.get(text)
            if msg is None:
                msg = ET.SubElement(ctx, "message")
                ET.SubElement(msg, "source").text = text
                ET.SubElement(msg, "translation", type="unfinished")
            else:
                tr = msg.find("translation")
                assert tr is not None
                if tr.get("type") in ("vanished", "obsolete"):
                    if (tr.text or "").strip():
                        del tr.attrib["type"]
                    else:
                        tr.set("type", "unfinished")
        wanted = set(texts)
        for msg in list(ctx.findall("message")):
            tr = msg.find("translation")
            if msg.findtext("source") not in wanted and tr is not None \
                    and tr.get("type") not in ("vanished", "obsolete"):
                tr.set("type", "vanished")


def add_helper_texts(root: ET.Element) -> None:
    have = contexts(root)
    for name, texts in helper_texts().items():
        ctx = have.get(name)
        if ctx is None:
            ctx = ET.SubElement(root, "context")
            ET.SubElement(ctx, "name").text = name
        known = {m.findtext("source"): m for m in ctx.findall("message")}
        for text in sorted(texts):
            msg = known.get(text)
            if msg is None:
                msg = ET.SubElement(ctx, "message")
                ET.SubElement(msg, "source").text = text
                ET.SubElement(msg, "translation", type="unfinished")
                continue
            tr = msg.find("translation")
            if tr is not None and tr.get("type") in ("vanished", "obsolete"):
                if (tr.text or "").strip():
                    del tr.attrib["type"]
                else:
                    tr.set("type", "unfinished")


def drop_vanished(root: ET.Element) -> None:
    """Texts no longer in the code leave the catalogue (git keeps the history)."""
    for ctx in root.findall("context"):
        for msg in list(ctx.findall("message")):
            tr = msg.find("translation")
            if tr is not None and tr.get("type") in ("vanished", "obsolete"):
                ctx.remove(msg)
        if not ctx.findall("message"):
            root.remove(ctx)


def write(tree: ET.ElementTree, path: Path) -> None:
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n",
                    encoding="utf-8")


def messages(lang: str) -> list[tuple[str, ET.Element]]:
    root = ET.parse(ts_path(lang)).getroot()
    return [(c.findtext("name", ""), m) for c in root.findall("context")
            for m in c.findall("message")]


def todo(lang: str) -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for ctx, msg in messages(lang):
        tr = msg.find("translation")
        if tr is None or tr.get("type") == "unfinished" or not (tr.text or "").strip():
            out.setdefault(ctx, {})[msg.findtext("source", "")] = ""
    return out


def apply(lang: str, data: dict[str, dict[str, str]]) -> int:
    path = ts_path(lang)
    tree = ET.parse(path)
    changed = 0
    for ctx in tree.getroot().findall("context"):
        table = data.get(ctx.findtext("name", ""), {})
        for msg in ctx.findall("message"):
            text = table.get(msg.findtext("source", ""))
            if text:
                tr = msg.find("translation")
                if tr is None:
                    tr = ET.SubElement(msg, "translation")
                tr.text = text
                tr.attrib.pop("type", None)
                changed += 1
    write(tree, path)
    return changed


def release() -> None:
    for lang in LANGS:
        subprocess.run([tool("pyside6-lrelease"), str(ts_path(lang)), "-qm",
                        str(TRANSLATIONS / f"stockdesk_{lang}.qm")],
                       check=True, stdout=subprocess.DEVNULL)
    print("compiled:", ", ".join(f"stockdesk_{lang}.qm" for lang in LANGS))


def problems(lang: str) -> list[str]:
    """Untranslated texts, and translations whose {placeholders} differ from the source."""
    out = []
    for ctx, msg in messages(lang):
        source = msg.findtext("source", "")
        tr = msg.find("translation")
        text = (tr.text or "") if tr is not None else ""
        if tr is None or tr.get("type") == "unfinished" or not text.strip():
            out.append(f"{lang}: untranslated [{ctx}] {source!r}")
        elif sorted(FIELD.findall(source)) != sorted(FIELD.findall(text)):
            out.append(f"{lang}: placeholders differ [{ctx}] {source!r} -> {text!r}")
        elif source.count("&") != text.count("&") and "&&" not in source:
            out.append(f"{lang}: mnemonic (&) differs [{ctx}] {source!r} -> {text!r}")
    return out


def summary() -> str:
    parts = []
    for lang in LANGS:
        total = len(messages(lang))
        left = sum(len(v) for v in todo(lang).values())
        parts.append(f"{lang}: {total - left}/{total} translated")
    return "; ".join(parts)


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    cmd, rest = argv[0], argv[1:]
    if cmd == "update":
        update()
    elif cmd == "todo":
        print(json.dumps(todo(rest[0]), ensure_ascii=False, indent=1))
    elif cmd == "apply":
        n = apply(rest[0], json.loads(Path(rest[1]).read_text(encoding="utf-8")))
        print(f"{n} translations taken; {summary()}")
    elif cmd == "release":
        release()
    elif cmd == "check":
        found = [p for lang in LANGS for p in problems(lang)]
        for p in found[:50]:
            print(p)
        print(summary())
        return 1 if found else 0
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
