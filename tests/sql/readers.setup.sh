#!/bin/sh
# Files for readers.sql, made at test time in $LEDE_TEST_TMP (see run.sh): text in
# legacy encodings and UTF-16, compressed files, zip and tar archives (nested, corrupt,
# truncated, a small zip bomb, member names with ".." and a leading "/"), JSON Lines,
# CSV and TSV exports, and WARC crawls. Archives are written with Python's standard
# library; every file and member gets a fixed mtime.
set -eu
cd "${LEDE_TEST_TMP:?}"
command -v python3 >/dev/null 2>&1 || { echo "python3 is needed to write the archives"; exit 77; }
python3 - <<'PY'
import bz2, gzip, io, lzma, os, tarfile, zipfile

T = 1736242200  # 2025-01-07T09:30:00Z
DT = (2025, 1, 7, 9, 30, 0)

def write(path, data):
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)

def story(title, body):
    return (title + "\n\n" + body + "\n").encode("utf-8")

def zip_bytes(members, compress=zipfile.ZIP_DEFLATED):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compress) as z:
        for name, data in members:
            info = zipfile.ZipInfo(name, DT)
            info.compress_type = compress
            z.writestr(info, data)
    return out.getvalue()

def tar_bytes(members, mode="w"):
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode=mode) as t:
        for name, data in members:
            info = tarfile.TarInfo(name)
            info.size = len(data)
            info.mtime = T
            t.addfile(info, io.BytesIO(data))
    return out.getvalue()

def gz(data):
    return gzip.compress(data, mtime=0)

# ---- encodings
write("enc/latin1.txt", "Café in München Opens\n\nThe café said £600m went to García.\n".encode("latin-1"))
write("enc/cp1252.txt", "Prices Rise Again\n\n\u201cIt costs \u20ac5\u201d \u2013 she said.\n".encode("cp1252"))
write("enc/bom.txt", b"\xef\xbb\xbf" + story("A Story With a Mark", "It starts with a BOM."))
write("enc/utf16le.txt", "\ufeffZürich Talks End\n\nThey ended.\n".encode("utf-16-le"))
write("enc/utf16be.txt", "\ufeffZürich Talks End\n\nThey ended.\n".encode("utf-16-be"))
write("enc/undecodable.txt", b"Caf\xe9 and \x81 cannot be read\n")
write("enc/noise.bin.txt", bytes([0xF1, 0x80, 0xC3, 0xFF, 0x9A, 0xBE, 0xE2, 0x28, 0xA1, 0xC0, 0xAF, 0xF8]))
write("enc/declared.htm", '<html><head><meta charset="iso-8859-2"><title>Łódź</title></head><body><p>Łódź news.</p></body></html>'.encode("iso-8859-2"))
write("enc/misdeclared.html", '<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"></head><body><p>Zürich</p></body></html>'.encode("utf-8"))

# ---- compressed files and archives
write("arc/one.txt.gz", gz(story("Gzipped Story Title", "Inside a gzip file.")))
write("arc/two.txt.bz2", bz2.compress(story("Bzipped Story Title", "Inside a bzip2 file.")))
write("arc/three.txt.xz", lzma.compress(story("Xz Story Title Here", "Inside an xz file.")))
members = [("business/001.txt", story("Markets Rally Again Today", "Stocks rose on Tuesday.")),
           ("business/002.txt", story("Second Business Story", "More business text.")),
           ("tech/001.txt", story("Chips Are Scarce Again", "Factories wait.")),
           ("tech/", b"")]
write("arc/bbc.zip", zip_bytes([m for m in members if not m[0].endswith("/")]))
write("arc/news.tgz", gz(tar_bytes(members[:2])))
inner = zip_bytes([("a.txt", story("Deep Inside a Zip", "Two levels down.")),
                   ("c.zip", zip_bytes([("d.txt", story("Too Deep", "Three levels down."))]))])
write("arc/nested.tar", tar_bytes([("inner.zip", inner), ("b.txt.gz", gz(story("Gzip in a Tar", "Read too.")))]))
write("arc/names.zip", zip_bytes([("../evil.txt", story("Dot Dot Name", "Shown as stored.")),
                                  ("/abs.txt", story("Absolute Name", "Shown as stored.")),
                                  ("café/Zürich.txt", story("A UTF-8 Member Name", "Named in UTF-8."))]))
good = zip_bytes([("x.txt", story("Cut Short Story", "Never read." * 200))])
write("arc/truncated.zip", good[: len(good) // 2])
write("arc/corrupt.zip", b"PK\x03\x04 this is not really a zip file at all")
write("arc/truncated.txt.gz", gz(story("Cut Short", " ".join(str(i) for i in range(3000))))[:400])
# a zip whose first member's deflate data is garbage, its central directory intact: a
# listing of path and size never notices, reading it does
lz = bytearray(zip_bytes([("a.txt", story("Garbled Member Title", "word " * 300)),
                          ("b.txt", story("Intact Member Title", "Fine."))]))
for i in range(40, 70):
    lz[i] = 0xFF
write("lazy/lazy.zip", bytes(lz))
write("bomb/bomb.zip", zip_bytes([("zeros%02d.txt" % i, b"a" * 100000) for i in range(60)]))

# ---- records
jl = [b'{"title":"JSON Story One","maintext":"WASHINGTON (Reuters) - The text of one.","date_publish":"2025-01-07 09:30:00","url":"https://example.com/1","authors":["Jane Doe","John Roe"],"source_domain":"example.com"}',
      b'',
      b'{"headline":"NewsAPI Style","content":"Some text.","publishedAt":"2025-01-08T10:00:00Z","source":{"id":null,"name":"Example News"},"author":"Ann Lee and Bo Chen","link":"https://example.com/2"}',
      b'{"title": "Broken", "text": ',
      b'[1, 2, 3]',
      b'{"title":"Page In A Record","text":"<html><body><p>Hello.</p></body></html>"}']
write("rec/feed.jsonl", b"\n".join(jl) + b"\n")
write("rec/feed.ndjson.gz", gz(b"\r\n".join(jl[:1] * 2) + b"\r\n"))
csv = ('title,text,date,url,author\r\n'
       '"CSV Story One","Body, with a comma\nand a second line",2025-01-08,https://example.com/c1,Ann Lee\r\n'
       'CSV Story Two,"She said ""no"".","Tue, 07 Jan 2025 09:30:00 GMT",https://example.com/c2,\r\n'
       '"bad"x,y,z,w,v\r\n'
       'one,two,three,four,five,six\r\n'
       'Fewer Fields,short\r\n')
write("rec/export.csv", csv.encode("utf-8"))
write("rec/latin1.csv", "headline,body\nCafé Story,Ein Café in München.\n".encode("latin-1"))
write("rec/export.tsv", b"title\ttext\tpubDate\nTSV Story\tTabbed text.\t2025-01-09\n")
write("rec/open.csv", b'title,text\n"Unclosed,quote\n')

# ---- WARC
def rec(typ, uri, ctype, block):
    h = "WARC/1.0\r\nWARC-Type: %s\r\nWARC-Date: 2025-01-07T09:30:00Z\r\n" % typ
    if uri:
        h += "WARC-Target-URI: %s\r\n" % uri
    h += "Content-Type: %s\r\nContent-Length: %d\r\n\r\n" % (ctype, len(block))
    return h.encode() + block + b"\r\n\r\n"
def http(ct, body, extra=b""):
    return b"HTTP/1.1 200 OK\r\nContent-Type: " + ct + b"\r\n" + extra + b"\r\n" + body
page = "<html><head><title>Caf\xe9 News</title></head><body><p>Caf\xe9 in M\xfcnchen.</p></body></html>"
rs = [rec("warcinfo", None, "application/warc-fields", b"software: lede-test\r\n"),
      rec("request", "https://example.com/a", "application/http; msgtype=request", b"GET /a HTTP/1.1\r\n\r\n"),
      rec("response", "https://example.com/a", "application/http; msgtype=response",
          http(b"text/html; charset=ISO-8859-1", page.encode("latin-1"))),
      rec("response", "https://example.com/i.png", "application/http; msgtype=response", http(b"image/png", b"\x89PNG\0")),
      rec("response", "https://example.com/t.txt", "application/http; msgtype=response",
          http(b"text/plain", b"17\r\nPlain Text Title Here\n\n\r\na\r\nBody text.\r\n0\r\n\r\n", b"Transfer-Encoding: chunked\r\n")),
      rec("response", "https://example.com/z", "application/http; msgtype=response",
          http(b"text/html", b"\x1f\x8b...", b"Content-Encoding: gzip\r\n")),
      rec("response", "https://example.com/g", "application/http; msgtype=response",
          http(b"text/html; charset=utf-8", gz(b"<html><head><title>Gzipped Page</title></head><body><p>Sent gzipped by the server.</p></body></html>"),
               b"Content-Encoding: gzip\r\n")),
      rec("response", "https://example.com/br", "application/http; msgtype=response",
          http(b"text/html", b"\x0b\x02\x80", b"Content-Encoding: br\r\n"))]
write("warc/crawl.warc", b"".join(rs))
write("warc/crawl.warc.gz", b"".join(gz(r) for r in rs))
write("warc/truncated.warc", b"".join(rs)[:-40])
write("warc/not.warc", b"this is not a WARC file\n")

for d, _, fs in os.walk("."):
    for f in fs:
        os.utime(os.path.join(d, f), (T, T))
PY
