# The docs show sessions of the sqlite3 shell as a user types them: its
# errors as the interactive shell of the documented release (3.40) prints
# them, "Runtime error: ..." or "Parse error: ..." (with the statement and a
# caret under the error). tests/docs/run.sh feeds the examples in batch,
# where the same shell says "Runtime error near line N: ..."; this reads
# that as the interactive form. Older shells' "Error: near line N: " reads
# as the runtime form.
s/^(Parse|Runtime) error near line [0-9]+: /\1 error: /
s/^Error: near line [0-9]+: /Runtime error: /
s/^Error: (stepping|preparing), /Runtime error: /
s/ \([0-9]+\)$//
