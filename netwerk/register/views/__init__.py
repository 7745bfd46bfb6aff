"""The netwerkregie pages, one module per subject: parse the request, call a service, render."""
