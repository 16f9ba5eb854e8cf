#!/usr/bin/env python3
"""Writes the small corpus of tests/data/formats (python3 tests/data/make_formats.py): the
same kinds of files a user brings (a saved page, a JSON Lines export, a CSV
export, a zip of text files, a gzip'd WARC crawl, a Latin-1 text), used by the
examples in docs/reference/lede_articles.md and docs/tutorial.md. The articles
are made up for lede. Archives get fixed times, so the files are the same at
every run."""
import gzip, io, json, os, zipfile

os.chdir(os.path.join(os.path.dirname(os.path.abspath(__file__)), "formats"))

DT = (2025, 1, 7, 9, 30, 0)

def story(title, body):
    return (title + "\n\n" + body + "\n").encode("utf-8")

with open("harbour.html", "w", encoding="utf-8") as f:
    f.write("""<!doctype html>
<html><head><meta charset="utf-8"><title>Harbour Festival Draws Record Crowds | Coast Herald</title>
<meta property="og:site_name" content="Coast Herald">
<meta property="article:published_time" content="2025-03-02T08:00:00Z">
<link rel="canonical" href="https://coastherald.example/harbour-festival"></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Harbour Festival Draws Record Crowds</h1>
<p class="byline">By Mara Lind</p>
<p>More than 40,000 people visited the harbour festival in Portsmouth on Saturday, the organisers said, the most since it began in 1998.</p>
<p>Mayor Tom Evans opened the event, which raised money for the lifeboat station.</p></article>
<aside class="related"><a href="/x">Related: Tides and Times</a></aside>
<footer>Copyright Coast Herald</footer></body></html>
""")

records = [
    {"title": "Rail Strike Ends After Talks", "maintext": "LONDON (Reuters) - Train drivers ended a three-day strike on Tuesday after talks with the operator.",
     "date_publish": "2025-01-07 09:30:00", "url": "https://news.example/rail", "authors": ["Ann Lee"], "source_domain": "news.example"},
    {"title": "Flood Warnings Lifted", "maintext": "Flood warnings were lifted across the valley on Wednesday.",
     "date_publish": "2025-01-08", "url": "https://news.example/flood", "authors": [], "source_domain": "news.example"},
]
with open("export.jsonl", "w", encoding="utf-8") as f:
    for r in records:
        f.write(json.dumps(r, ensure_ascii=False) + "\n")
    f.write('{"title": "Cut off in the middle\n')

with open("export.csv", "w", encoding="utf-8", newline="") as f:
    f.write('headline,text,pubDate,link\r\n')
    f.write('"Port Reopens","The port reopened on Monday, officials said.\nShips queued.","Mon, 06 Jan 2025 10:00:00 GMT",https://port.example/1\r\n')

with zipfile.ZipFile("bundle.zip", "w", zipfile.ZIP_DEFLATED) as z:
    for name, data in [("business/001.txt", story("Markets Rally as Rates Fall", "Shares rose in Tokyo on Thursday.")),
                       ("business/002.txt", story("Carmaker Recalls Vans", "The recall covers 12,000 vans."))]:
        info = zipfile.ZipInfo(name, DT)
        info.compress_type = zipfile.ZIP_DEFLATED
        z.writestr(info, data)

def record(typ, uri, block):
    head = "WARC/1.0\r\nWARC-Type: %s\r\nWARC-Date: 2025-02-01T12:00:00Z\r\nWARC-Target-URI: %s\r\n" \
           "Content-Type: application/http; msgtype=%s\r\nContent-Length: %d\r\n\r\n" % (typ, uri, typ, len(block))
    return gzip.compress(head.encode() + block + b"\r\n\r\n", mtime=0)
page = "<html><head><title>Caf\xe9 Opens in M\xfcnchen</title></head><body><article><p>A caf\xe9 opened in M\xfcnchen on Friday, selling coffee at \xa32 a cup.</p></article></body></html>".encode("latin-1")
with open("crawl.warc.gz", "wb") as f:
    f.write(record("request", "https://cafe.example/", b"GET / HTTP/1.1\r\nHost: cafe.example\r\n\r\n"))
    f.write(record("response", "https://cafe.example/", b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=iso-8859-1\r\n\r\n" + page))

with open("latin1.txt", "wb") as f:
    f.write("Caf\xe9 Prices Rise in M\xfcnchen\n\nA coffee costs \xa33 now, said Jos\xe9 Garc\xeda.\n".encode("latin-1"))
