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


def page_window(number: int, num_pages: int, around: int = 2) -> list[int | None]:
    """The page numbers to link: the first, the last and ``around`` either side of the current
    one; None stands for pages left out (a single left-out page is shown instead)."""
    shown = {1, num_pages, *range(max(1, number - around), min(num_pages, number + around) + 1)}
    out: list[int | None] = []
    previous = 0
    for n in sorted(shown):
        if n - previous == 2:
            out.append(n - 1)
        elif n - previous > 2:
            out.append(None)
        out.append(n)
        previous = n
    return out


@register.simple_tag
def page_numbers(page_obj) -> list[int | None]:
    """page_window for a page (a Django Page or search.ResultPage)."""
    return page_window(page_obj.number, page_obj.paginator.num_pages)


@register.simple_tag
def form_error_lines(*forms) -> list[dict]:
    """The error summary's lines for one or more forms (templates/includes/form_errors.html).

    A form with its own `error_summary` (the members' forms) gives its lines; any other form's
    errors become "label: message" lines that link to the field.
    """
    lines = []
    for form in forms:
        if not form or not form.errors:
            continue
        if hasattr(form, "error_summary"):
            lines += [vars(line) for line in form.error_summary()]
            continue
        for name, errors in form.errors.items():
            field = form[name] if name in form.fields else None
            anchor, label = (field.id_for_label, field.label) if field else ("", "")
            lines += [{"anchor": anchor, "label": label, "message": m} for m in errors]
    return lines
