# The sqlite3 shell's error prefix has changed between releases; the test
# runners (tests/sql, tests/docs) read every form as "Error: ".
s/^(Parse|Runtime) error near line [0-9]+: /Error: /
s/^Error: near line [0-9]+: /Error: /
s/^Error: (stepping|preparing), /Error: /
s/ \([0-9]+\)$//
