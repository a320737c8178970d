"""Load and render rebuttal templates (Jinja2, ``<format>.j2``).

Bundled templates live in ``rebuttals/templates`` (package data, loaded with
Jinja2's PackageLoader); a folder named in
config.toml ``[rebuttals] templates = "..."`` overrides them file by file.
What each finding kind means in a draft is written once, in ``_kinds.j2``:
one macro per kind of the kind registry (``factwatch/core/kinds.toml``),
named after the kind.  Templates call ``lead(f.kind)`` for that sentence and
may use ``kinds`` (the registry) and ``f.label``.  Rendering is strict: an
unknown field, a syntax error, a finding whose kind is not in the registry or
has no macro in ``_kinds.j2`` (or, for a template that declares
``known_kinds``, is not in that list) raises TemplateError naming the
template file (and line, where there is one).
"""

from __future__ import annotations

import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
from jinja2 import nodes

from factwatch.core.errors import TemplateError
from factwatch.core.kinds import kinds

BUNDLED = ("factwatch.rebuttals", "templates")  # package, folder
FORMATS = ("correction_request", "letter", "social", "briefing")
KIND_WORDING = "_kinds.j2"  # one macro per finding kind


@dataclass
class Rendered:
    subject: str
    body: str
    template: str  # path of the template file used


class TemplateSet:
    """The templates of one configuration: user overrides first, then the bundled ones."""

    def __init__(self, *, folder: str | Path | None = None):
        self.folders = [Path(folder)] if folder else []
        for path in self.folders:
            if not path.is_dir():
                raise TemplateError(
                    f"{path}: rebuttal templates folder not found; fix [rebuttals] templates "
                    "in config.toml or remove it to use the bundled templates"
                )
        loaders: list[jinja2.BaseLoader] = [
            jinja2.FileSystemLoader(str(p), encoding="utf-8") for p in self.folders
        ]
        loaders.append(jinja2.PackageLoader(*BUNDLED, encoding="utf-8"))
        # Each format's source, compiled template and known kinds, read and
        # parsed once per TemplateSet however many drafts it renders.
        self._sources: dict[str, tuple[str, str]] = {}
        self._templates: dict[str, jinja2.Template] = {}
        self._kinds: dict[str, list[str] | None] = {}
        self.env = jinja2.Environment(
            loader=jinja2.ChoiceLoader(loaders),
            undefined=jinja2.StrictUndefined,
            autoescape=False,  # plain-text drafts, never served as HTML
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=False,
        )
        self.kinds = kinds()
        self.env.globals["lead"] = self.lead
        self.env.globals["kinds"] = self.kinds
        self._wording: Any = None

    def _wordings(self) -> Any:
        """The loaded ``_kinds.j2`` (its macros are attributes)."""
        if self._wording is None:
            path = self.path(KIND_WORDING.removesuffix(".j2"))
            try:
                self._wording = self.env.get_template(KIND_WORDING).module
            except jinja2.TemplateSyntaxError as exc:
                raise TemplateError(
                    f"{exc.filename or path}:{exc.lineno}: template syntax error: {exc.message}"
                ) from None
        return self._wording

    def has_wording(self, kind: str) -> bool:
        return callable(getattr(self._wordings(), kind, None))

    def lead(self, kind: str) -> str:
        """What a finding of ``kind`` is, in one plain sentence (from ``_kinds.j2``)."""
        if not self.has_wording(kind):
            raise TemplateError(
                f"{self.path(KIND_WORDING.removesuffix('.j2'))}: no macro {kind}() for the "
                f"finding kind {kind!r}; add one saying what the kind means"
            )
        return str(getattr(self._wordings(), kind)()).strip()

    def check_kinds(self, fmt: str, findings: list[dict[str, Any]]) -> None:
        """Every finding's kind is registered, worded in _kinds.j2, and (for a
        template that declares ``known_kinds``) declared there."""
        declared = self.known_kinds(fmt)
        for finding in findings:
            kind, fid = finding["kind"], finding["id"]
            if kind not in self.kinds:
                raise TemplateError(
                    f"finding {fid} is of kind {kind!r}, which is not in the kind registry "
                    f"({self.kinds.origin}); add the kind there and a macro {kind}() to "
                    f"{KIND_WORDING}"
                )
            if not self.has_wording(kind):
                self.lead(kind)  # raises, naming _kinds.j2
            if declared is not None and kind not in declared:
                raise TemplateError(
                    f"{self.path(fmt)}: finding {fid} is of kind {kind!r}, which this "
                    f"template does not know (known_kinds: {', '.join(declared)}); add the "
                    "kind to known_kinds and its wording to the template"
                )

    def source(self, fmt: str) -> tuple[str, str]:
        """The text of ``<fmt>.j2`` and the file it comes from (the user's folder first)."""
        if fmt not in self._sources:
            self._sources[fmt] = self._read_source(fmt)
        return self._sources[fmt]

    def _read_source(self, fmt: str) -> tuple[str, str]:
        assert self.env.loader is not None
        try:
            text, filename, _ = self.env.loader.get_source(self.env, f"{fmt}.j2")
        except jinja2.TemplateNotFound:
            where = [str(f) for f in self.folders] + ["the bundled templates"]
            raise TemplateError(
                f"no template for format {fmt!r}: expected {fmt}.j2 in " + " or ".join(where)
            ) from None
        except UnicodeDecodeError:
            raise TemplateError(f"{fmt}.j2: template is not UTF-8 text") from None
        return text, filename or f"{fmt}.j2"

    def path(self, fmt: str) -> str:
        """The file ``<fmt>.j2`` is loaded from."""
        return self.source(fmt)[1]

    def _load(self, fmt: str) -> jinja2.Template:
        if fmt not in self._templates:
            self._templates[fmt] = self._compile(fmt)
        return self._templates[fmt]

    def _compile(self, fmt: str) -> jinja2.Template:
        path = self.path(fmt)
        try:
            return self.env.get_template(f"{fmt}.j2")
        except jinja2.TemplateSyntaxError as exc:
            where = exc.filename or path
            raise TemplateError(
                f"{where}:{exc.lineno}: template syntax error: {exc.message}"
            ) from None
        except UnicodeDecodeError:
            raise TemplateError(f"{path}: template is not UTF-8 text") from None

    def known_kinds(self, fmt: str) -> list[str] | None:
        """The kinds a template declares with ``{% set known_kinds = [...] %}``, or None."""
        if fmt not in self._kinds:
            self._kinds[fmt] = self._read_kinds(fmt)
        return self._kinds[fmt]

    def _read_kinds(self, fmt: str) -> list[str] | None:
        source, path = self.source(fmt)
        try:
            tree = self.env.parse(source)
        except jinja2.TemplateSyntaxError as exc:
            raise TemplateError(
                f"{path}:{exc.lineno}: template syntax error: {exc.message}"
            ) from None
        for node in tree.find_all(nodes.Assign):
            if isinstance(node.target, nodes.Name) and node.target.name == "known_kinds":
                try:
                    return [str(k) for k in node.node.as_const()]  # type: ignore[attr-defined]
                except nodes.Impossible:
                    raise TemplateError(
                        f"{path}:{node.lineno}: known_kinds must be a literal list of kind names"
                    ) from None
        return None

    def render(self, fmt: str, context: dict[str, Any]) -> Rendered:
        """Render ``fmt`` with ``context``; the template may ``{% set subject %}``."""
        template = self._load(fmt)
        path = template.filename or self.path(fmt)
        self.check_kinds(fmt, context.get("findings", []))
        try:
            body = template.render(context)  # errors here carry template line numbers
            module = template.make_module(context)
        except jinja2.UndefinedError as exc:
            raise TemplateError(f"{_where(exc, path)}: unknown field: {exc.message}") from None
        except jinja2.TemplateSyntaxError as exc:  # an included template
            raise TemplateError(
                f"{exc.filename or path}:{exc.lineno}: template syntax error: {exc.message}"
            ) from None
        except jinja2.TemplateError as exc:
            raise TemplateError(f"{_where(exc, path)}: {exc}") from None
        subject = str(getattr(module, "subject", "") or "").strip()
        return Rendered(subject=subject, body=body.strip() + "\n", template=path)


def _where(exc: BaseException, path: str) -> str:
    """'file:line' of the template frame where rendering failed."""
    line = None
    name = path
    for frame in traceback.extract_tb(exc.__traceback__):
        if frame.filename.endswith(".j2"):
            name, line = frame.filename, frame.lineno
    return f"{name}:{line}" if line else name
