"""Canonical form of an article URL, so the AMP, mobile and tracking variants of
one page share one identity.

``canonicalize`` lower-cases the scheme and host, drops default ports, the
fragment and tracking parameters (``utm_*``, ``fbclid``, ``gclid``, ``at_*``,
``ref``, ``share``, ``amp`` ...), sorts the remaining query parameters, strips
AMP and mobile variants (``/amp/`` path segments, a trailing ``/amp``,
``.amp.html``, ``amp.``/``m.``/``mobile.`` host prefixes), drops a trailing
``index.html`` and removes the trailing slash of every path but the root.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, quote, urlencode, urlsplit, urlunsplit

TRACKING_PARAMS = frozenset(
    {
        "fbclid",
        "gclid",
        "gclsrc",
        "dclid",
        "msclkid",
        "yclid",
        "igshid",
        "twclid",
        "mc_cid",
        "mc_eid",
        "ocid",
        "cmpid",
        "cmp",
        "ito",
        "_ga",
        "_gl",
        "ref",
        "ref_src",
        "ref_url",
        "referrer",
        "share",
        "amp",
        "s_cid",
        "smid",
        "smtyp",
        "sr_share",
        "xtor",
        "wt.mc_id",
        "ns_mchannel",
        "ns_source",
        "ns_campaign",
        "ns_linkname",
        "ns_fee",
        "int_source",
        "int_medium",
        "int_campaign",
        "__twitter_impression",
        "outputtype",
        "spref",
        "ncid",
        "mbid",
        "taid",
        "fb_ref",
        "fb_source",
        "soc_src",
        "soc_trk",
        "guccounter",
        "guce_referrer",
        "guce_referrer_sig",
    }
)
TRACKING_PREFIXES = ("utm_", "at_", "pk_", "hsa_", "mkt_")
MOBILE_HOST_PREFIXES = ("amp.", "m.", "mobile.")
DEFAULT_PORTS = {"http": 80, "https": 443}
INDEX_FILES = ("index.html", "index.htm", "index.php", "index.shtml", "default.aspx")
_SAFE_QUERY = "/:@!$'()*+,;-._~%?"
_ESCAPE = re.compile(r"%([0-9A-Fa-f]{2})")
_UNRESERVED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")


def _escape(match: re.Match[str]) -> str:
    char = chr(int(match.group(1), 16))
    return char if char in _UNRESERVED else "%" + match.group(1).upper()


def is_tracking_param(name: str) -> bool:
    key = name.strip().lower()
    return key in TRACKING_PARAMS or key.startswith(TRACKING_PREFIXES)


def _host(netloc: str, scheme: str) -> str:
    userinfo, _, hostport = netloc.rpartition("@")
    if hostport.startswith("["):  # IPv6 literal
        host, _, port = hostport[1:].partition("]")
        host, port = f"[{host.lower()}]", port.lstrip(":")
    else:
        host, _, port = hostport.partition(":")
        host = host.lower().rstrip(".")
    if port and port.isdigit() and int(port) == DEFAULT_PORTS.get(scheme):
        port = ""
    if not host.startswith("["):
        for prefix in MOBILE_HOST_PREFIXES:
            rest = host[len(prefix) :]
            if host.startswith(prefix) and rest.count(".") >= 1:
                host = rest
                break
    result = f"{host}:{port}" if port else host
    return f"{userinfo}@{result}" if userinfo else result


def _path(path: str) -> str:
    path = _ESCAPE.sub(_escape, path)
    path = re.sub(r"/{2,}", "/", path)
    segments = path.split("/")
    path = "/".join(s for i, s in enumerate(segments) if not (i > 0 and s.lower() == "amp"))
    path = re.sub(r"\.amp(\.html?)$", r"\1", path, flags=re.I)
    for name in INDEX_FILES:
        if path.lower().endswith("/" + name):
            path = path[: -len(name)]
            break
    path = path.rstrip("/")
    return path or "/"


def _query(query: str) -> str:
    pairs = [
        (k, v) for k, v in parse_qsl(query, keep_blank_values=True) if not is_tracking_param(k)
    ]
    pairs.sort()
    return urlencode(pairs, safe=_SAFE_QUERY, quote_via=quote)


def canonicalize(url: str) -> str:
    """The canonical form of ``url`` (returned unchanged, stripped, when it is not
    an absolute http(s)-style URL with a host)."""
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    scheme = parts.scheme.lower()
    if not scheme or not parts.netloc:
        return url
    return urlunsplit(
        (scheme, _host(parts.netloc, scheme), _path(parts.path), _query(parts.query), "")
    )
