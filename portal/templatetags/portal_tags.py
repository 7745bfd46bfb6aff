from django import template
from django.utils.safestring import mark_safe

from portal.markdown import render_comment_markdown, render_markdown

register = template.Library()


@register.filter
def markdown(text: str) -> str:
    # Safe: render_markdown sanitises with nh3 before anything reaches the page.
    return mark_safe(render_markdown(text))


@register.filter
def comment_markdown(text: str) -> str:
    # Safe: render_comment_markdown sanitises with nh3 as well.
    return mark_safe(render_comment_markdown(text))


@register.simple_tag(takes_context=True)
def url_with(context, **changes) -> str:
    """The current query string with some parameters replaced (None removes one)."""
    params = context["request"].GET.copy()
    for key, value in changes.items():
        if value is None or value == "":
            params.pop(key, None)
        else:
            params[key] = value
    encoded = params.urlencode()
    return f"?{encoded}" if encoded else "?"


@register.simple_tag(takes_context=True)
def url_with_page(context, number, param=None) -> str:
    """url_with for a page number under `param` ("page" unless given): a page with two
    paginated lists (the events page) gives each its own parameter."""
    return url_with(context, **{param or "page": number})
