"""How the pages write a date and which addresses they link: shared by the pages and the citations."""
from __future__ import annotations

import re
from datetime import date
from urllib.parse import urlsplit


def day(published: str | None) -> str:
    """"2021-01-02T..." as "2 January 2021"; other strings as they are; None as "undated"."""
    if not published:
        return "undated"
    m = re.match(r"^(\d{4})-(\d{2})-(\d{2})", published)
    if m:
        try:
            d = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            return f"{d.day} {d:%B %Y}"
        except ValueError:
            pass
    return published[:40]


def safe_href(url: str | None) -> str | None:
    """An article's address as a link only when it is http(s): a stored "javascript:" URL must not become one."""
    if not url:
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in ("http", "https") else None
