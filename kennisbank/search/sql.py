"""SQL helpers: expressions PostgreSQL's full text needs that Django does not have."""

from __future__ import annotations

import re

from django.contrib.postgres.search import SearchQuery
from django.db import connection
from django.db.models import (
    BooleanField,
    F,
    Func,
    QuerySet,
    TextField,
    Value,
)
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from ..models import Item
from .params import _MARK_START, _MARK_STOP

# --- SQL helpers --------------------------------------------------------------------------------


class Matches(Func):
    """vector @@ query, as a condition."""

    arg_joiner = " @@ "
    template = "(%(expressions)s)"
    output_field = BooleanField()


class IsTrue(Func):
    """(condition) IS TRUE: the same rows, but no index can serve it."""

    template = "((%(expressions)s) IS TRUE)"
    output_field = BooleanField()


class TsQueryLiteral(SearchQuery):
    """A tsquery given as its text form (``'jeugdzorg' | 'jeugdhulp':*``), computed once per search.

    The query of a search is a tree of many ``websearch_to_tsquery``/``plainto_tsquery`` calls
    (synonym variants, a hundred compounds for "samenwerking"). Repeated in every statement and
    every aggregate of the probe, that tree cost more Python time to build and more PostgreSQL
    time to plan than the matching itself; one literal costs neither. The text form of a tsquery
    reads back as the same tsquery.
    """

    def __init__(self, text: str):
        super().__init__(Value(text, output_field=TextField()))

    def as_sql(self, compiler, connection, function=None, template=None):
        sql, params = compiler.compile(self.source_expressions[0])
        sql = f"{sql}::tsquery"
        return (f"!!({sql})" if self.invert else sql), params


class RegexpReplace(Func):
    function = "regexp_replace"
    output_field = TextField()


def _markdown_as_text(field_name: str) -> RegexpReplace:
    """Markdown punctuation out (links keep their text), so snippets read as prose."""
    without_urls = RegexpReplace(F(field_name), Value(r"\]\([^)]*\)"), Value(" "), Value("g"))
    return RegexpReplace(without_urls, Value(r"[#*_`>|~\[\]]+"), Value(""), Value("g"))


def _sql(queryset: QuerySet) -> tuple[str, tuple]:
    sql, params = queryset.query.sql_with_params()
    return sql, tuple(params)


def compile_expression(expression) -> tuple[str, tuple]:
    """SQL and parameters of an expression (a tsquery), for raw SQL around the ORM's."""
    query = Item.objects.all().query
    compiler = query.get_compiler(connection=connection)
    sql, params = compiler.compile(expression.resolve_expression(query))
    return sql, tuple(params)


def _safe_headline(text: str) -> SafeString:
    escaped = escape(text)
    escaped = re.sub(f"{_MARK_START}(.*?){_MARK_STOP}", r"<mark>\1</mark>", escaped, flags=re.S)
    # Safe: everything was escaped above; only our own <mark> tags are HTML.
    return mark_safe(escaped.replace(_MARK_START, "").replace(_MARK_STOP, ""))
