"""Using lede from Python's standard sqlite3 module.

    python3 examples/python_query.py [folder]

Loads the extension, reads a folder of articles (default: seeds) and prints
each article's title with the people it mentions most. Needs a Python whose
sqlite3 module can load extensions (Debian's /usr/bin/python3 can; see the
README for how to tell).
"""
import os
import sqlite3
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
# the extension, without its .so/.dylib suffix (LEDE_LIB overrides it)
LIB = os.environ.get("LEDE_LIB", os.path.join(HERE, "..", "build", "lede"))


def main() -> int:
    folder = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "seeds")
    conn = sqlite3.connect(":memory:")
    if not hasattr(conn, "enable_load_extension"):
        print("this Python's sqlite3 cannot load extensions", file=sys.stderr)
        return 1
    conn.enable_load_extension(True)
    conn.load_extension(LIB)
    conn.enable_load_extension(False)
    rows = conn.execute(
        """
        SELECT a.path, coalesce(a.title, '(no title)'),
               (SELECT group_concat(name, ', ') FROM (
                  SELECT e.canonical AS name, count(*) AS n
                  FROM lede_entities(a.body, a.published) AS e
                  WHERE e.label = 'PERSON'
                  GROUP BY e.canonical ORDER BY n DESC, e.canonical LIMIT 3))
        FROM lede_articles(?) AS a
        ORDER BY a.path
        """,
        (folder,),
    )
    for path, title, people in rows:
        print(f"{path}: {title}")
        print(f"    people: {people or '-'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
