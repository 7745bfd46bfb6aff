"""The Dutch error page both sides of netwerk show for bad input."""

from __future__ import annotations

from django.shortcuts import render


def error_page(request, message: str, status: int = 400, **context):
    return render(
        request,
        "netwerk/error.html",
        {"message": message, "status": status, **context},
        status=status,
    )
