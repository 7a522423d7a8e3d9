"""One normal form for every URL, so pages and links from different exports match.

Crawlers record URLs as they found them: `HTTP://Example.org:80/a/../b#top`, the `www` and bare
host mixed, `%7e` and `~`, relative hrefs. `UrlNormaliser` maps all of them onto one absolute URL
on the site's canonical scheme and host, and returns `None` for anything that is not a page of the
site (other hosts, `mailto:`, `tel:`, `javascript:`, `data:`, bare fragments).

Rules (docs/ingest.md "URL normalisation"):
- scheme and host lower case, default ports (80, 443) dropped, user info dropped, `#fragment`
  dropped, empty path -> `/`, dot segments (`.`, `..`) removed, runs of slashes (`//a`) collapsed
  (a path starting `//` would otherwise read as a host when written as a site-model path);
- the base host, the same host over `http`, its `www.` / bare twin and every alias host map to
  the base URL's scheme and host;
- percent-encoding: escapes of unreserved characters decoded (`%7E` -> `~`), other escapes upper
  case, characters that may not appear raw (space, non-ASCII) encoded as UTF-8;
- the query is kept in its original order (servers may care about order; crawlers record the
  href as written), only its percent-encoding is normalised; an empty `?` is dropped;
- trailing slash: `keep` leaves paths alone, `add` appends `/` to paths whose last segment has no
  file extension, `strip` removes it (never from the root `/`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from urllib.parse import urljoin, urlsplit

from archmodel.errors import ConfigError

TRAILING_SLASH_POLICIES = ("keep", "add", "strip")
DEFAULT_PORTS = {"http": 80, "https": 443}
_UNRESERVED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
_PATH_SAFE = _UNRESERVED | frozenset("!$&'()*+,;=:@/")
_QUERY_SAFE = _PATH_SAFE | frozenset("?")
_HEX = frozenset("0123456789abcdefABCDEF")
_STRIPPED_INSIDE = re.compile(r"[\t\r\n]")
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*):")
_SLASHES = re.compile(r"/{2,}")
_FILE_SEGMENT = re.compile(r"\.[A-Za-z0-9]{1,5}$")


_ALREADY_CANONICAL = {
    safe: re.compile("[" + re.escape("".join(sorted(safe))) + "]*")
    for safe in (_PATH_SAFE, _QUERY_SAFE)
}


def normalise_escapes(text: str, safe: frozenset[str] = _PATH_SAFE) -> str:
    """Canonical percent-encoding: decode unreserved escapes, upper-case the rest, encode raw bytes.

    Most URLs of a crawl have no escape and no character to encode; one regular-expression match
    returns those unchanged instead of walking them a character at a time (a million sitemap URLs
    took 25 s that way on the XL tier)."""
    canonical = _ALREADY_CANONICAL.get(safe)
    if canonical is not None and canonical.fullmatch(text):
        return text
    return _escape_each_character(text, safe)


def _escape_each_character(text: str, safe: frozenset[str]) -> str:
    out: list[str] = []
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if ch == "%":
            if i + 2 < n and text[i + 1] in _HEX and text[i + 2] in _HEX:
                decoded = chr(int(text[i + 1 : i + 3], 16))
                out.append(decoded if decoded in _UNRESERVED else "%" + text[i + 1 : i + 3].upper())
                i += 3
                continue
            out.append("%25")
        elif ch in safe:
            out.append(ch)
        else:
            out.extend(f"%{b:02X}" for b in ch.encode("utf-8", "surrogatepass"))
        i += 1
    return "".join(out)


def remove_dot_segments(path: str) -> str:
    """RFC 3986 section 5.2.4, for absolute paths: `/a/./b/../c` -> `/a/c`."""
    if "." not in path:
        return path
    segments = path.split("/")
    output: list[str] = []
    for index, segment in enumerate(segments[1:], start=1):
        last = index == len(segments) - 1
        if segment == ".":
            if last:
                output.append("")
        elif segment == "..":
            if output:
                output.pop()
            if last:
                output.append("")
        else:
            output.append(segment)
    return "/" + "/".join(output)


def _host_key(host: str, port: int | None, scheme: str) -> str:
    if port is None or DEFAULT_PORTS.get(scheme) == port:
        return host
    return f"{host}:{port}"


def _twin(host: str) -> str:
    return host[4:] if host.startswith("www.") else "www." + host


_MISSING = object()
CACHE_LIMIT = 500_000


class UrlNormaliser:
    """Normalises URLs onto one site: `normalise()` for crawl URLs, `to_url()` for site-model paths."""

    def __init__(self, base_url: str, aliases: Sequence[str] = (), trailing_slash: str = "keep") -> None:
        if trailing_slash not in TRAILING_SLASH_POLICIES:
            raise ConfigError(
                f"unknown trailing_slash policy {trailing_slash!r}",
                "site.trailing_slash",
                "use one of keep, add, strip",
            )
        scheme, host_key = self._parse_site_url(base_url, "site.base_url")
        self.scheme = scheme
        self.host_key = host_key
        self.host = host_key.split(":")[0]
        self.base_url = f"{scheme}://{host_key}"
        self.trailing_slash = trailing_slash
        hosts = {host_key, _twin(host_key)}
        for alias in aliases:
            alias_text = alias if "//" in alias else f"//{alias}"
            _, alias_key = self._parse_site_url(alias_text, "site.aliases", require_scheme=False)
            hosts.update({alias_key, _twin(alias_key)})
        self.hosts = frozenset(hosts)
        self._path_prefix = self.base_url + "/"
        self._cache: dict[tuple[str, str | None], str | None] = {}

    @staticmethod
    def _parse_site_url(url: str, where: str, require_scheme: bool = True) -> tuple[str, str]:
        try:
            parts = urlsplit(url.strip())
            port = parts.port
        except ValueError as exc:
            raise ConfigError(f"{url!r} is not a URL ({exc})", where, "write it as https://host") from exc
        scheme = parts.scheme.lower() or "https"
        if (require_scheme and parts.scheme.lower() not in DEFAULT_PORTS) or not parts.hostname:
            raise ConfigError(
                f"{url!r} is not an http(s) URL with a host", where, "write it as https://www.example.org"
            )
        if parts.path not in ("", "/") or parts.query:
            raise ConfigError(
                f"{url!r} has a path; the site is identified by scheme and host only",
                where,
                f"write it as {scheme}://{parts.hostname}",
            )
        return scheme, _host_key(parts.hostname.lower().rstrip("."), port, scheme)

    def normalise(self, url: str, base: str | None = None) -> str | None:
        """The absolute normalised URL of `url` on this site, or None when it is not a page of it.

        Crawl exports repeat the same URLs millions of times (every navigation link), so results
        are memoised; the memo holds one entry per distinct URL, and is dropped when it grows past
        `CACHE_LIMIT` so memory stays bounded on any export.
        """
        if not isinstance(url, str):
            return None
        key = (url, None if "://" in url else base)
        cached = self._cache.get(key, _MISSING)
        if cached is not _MISSING:
            return cached  # type: ignore[return-value]
        result = url if self._already_normal(url) else self._normalise(url, base)
        if len(self._cache) >= CACHE_LIMIT:
            self._cache.clear()
        self._cache[key] = result
        return result

    def forget(self) -> None:
        """Drop the memo, once the URLs that repeat (the crawl's) are all read."""
        self._cache.clear()

    def _already_normal(self, url: str) -> bool:
        """True for a URL that normalising would return unchanged, known without parsing it: on the
        base URL's own scheme and host, a path of characters that need no escaping, no query or
        fragment, no `//`, no dot segment, and its trailing slash as the policy wants. Most URLs of
        a crawl are so; a million of them took 10 s less this way than through `urlsplit` (XL tier)."""
        if not url.startswith(self._path_prefix):
            return False
        path = url[len(self.base_url):]
        return (
            _ALREADY_CANONICAL[_PATH_SAFE].fullmatch(path) is not None  # no %, ?, # or space
            and "//" not in path
            and "/." not in path
            and self._apply_slash_policy(path) == path
        )

    def _normalise(self, url: str, base: str | None) -> str | None:
        text = _STRIPPED_INSIDE.sub("", url.strip())
        if not text or text.startswith("#"):
            return None
        scheme_match = _SCHEME.match(text)
        if scheme_match and scheme_match.group(1).lower() not in DEFAULT_PORTS:
            return None  # mailto:, tel:, javascript:, data:, ftp:, ...
        try:
            if not scheme_match and text.startswith("/") and not text.startswith("//"):
                text = self.base_url + text  # root-relative: urljoin would drop a ';params' part
            elif not scheme_match:
                root = self.base_url + "/"
                text = urljoin(urljoin(root, base) if base else root, text)
            parts = urlsplit(text)
            port = parts.port
        except ValueError:
            return None
        scheme = parts.scheme.lower()
        if scheme not in DEFAULT_PORTS or not parts.hostname:
            return None
        if _host_key(parts.hostname.lower().rstrip("."), port, scheme) not in self.hosts:
            return None
        path = remove_dot_segments(_SLASHES.sub("/", "/" + normalise_escapes(parts.path)))
        path = self._apply_slash_policy(path)
        query = normalise_escapes(parts.query, _QUERY_SAFE) if parts.query else ""
        return f"{self.base_url}{path}?{query}" if query else f"{self.base_url}{path}"

    def _apply_slash_policy(self, path: str) -> str:
        if self.trailing_slash == "strip":
            stripped = path.rstrip("/")
            return stripped or "/"
        if self.trailing_slash == "add" and not path.endswith("/"):
            last = path.rsplit("/", 1)[-1]
            if not _FILE_SEGMENT.search(last):
                return path + "/"
        return path

    def path_of(self, url: str) -> str:
        """The path plus `?query` of a normalised URL (the form site-model paths take)."""
        parts = urlsplit(url)
        path = parts.path or "/"
        return f"{path}?{parts.query}" if parts.query else path

    def to_url(self, path_or_url: str) -> str:
        """A site-model path (`/conditions/diabetes/`) or URL on this site as a normalised URL."""
        text = path_or_url.strip() if isinstance(path_or_url, str) else ""
        if text.startswith("/") and not text.startswith("//"):
            url = self.normalise(self.base_url + text)  # what normalising a root-relative path starts with
        elif text.lower().startswith(("http://", "https://", "//")):
            url = self.normalise(text)
        else:
            url = None
        if url is None:
            raise ConfigError(
                f"{path_or_url!r} is not a path on {self.host}",
                "",
                "write a path starting with / (or a URL on the site's own host)",
            )
        return url

    def to_path(self, path_or_url: str) -> str:
        """`to_url` as a path: the normal form site-model paths are stored in."""
        return self.path_of(self.to_url(path_or_url))
