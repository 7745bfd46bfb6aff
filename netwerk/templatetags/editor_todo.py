from django import template

from netwerk.community.services.editor_todo import editor_todo as _editor_todo

register = template.Library()


@register.simple_tag
def editor_todo(user):
    return _editor_todo(user)
