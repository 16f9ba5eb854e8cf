#!/bin/sh
# Fault cases for articles.sql, made at test time in $LEDE_TEST_TMP (see run.sh):
# a binary file, a file of mostly ill-formed UTF-8, a file over a small max_size,
# a fifo, a broken symlink, a symlink to a file and one to a folder, a plain file
# to use as a root. Files get a fixed mtime so the output does not depend on when
# the test runs.
set -eu
cd "${LEDE_TEST_TMP:?}"
mkdir faults faults/sub
printf 'Plain Story Title\n\nIt reads as text.\n' > faults/good.txt
printf 'ab\000cd' > faults/binary.dat
printf '\361\200\303\377\232\276\342\050\241\300\257\370' > faults/noise.txt
head -c 3000 /dev/zero | tr '\000' 'x' > faults/big.txt
printf 'Nested Story\n\nInside a sub-folder.\n' > faults/sub/in.txt
mkfifo faults/pipe.txt
ln -s missing.txt faults/dead.txt
ln -s good.txt faults/alias.txt
ln -s sub faults/linked
printf 'not a folder\n' > root-file.txt
for f in faults/good.txt faults/binary.dat faults/noise.txt faults/big.txt faults/sub/in.txt; do
    touch -d '2025-01-07 09:30:00 UTC' "$f"
done
