#!/bin/sh
# Permission cases for articles_perm.sql, made at test time in $LEDE_TEST_TMP: a file
# and a folder with mode 000. Root reads them anyway, so as root the test is skipped
# (exit 77, see run.sh); run it as an ordinary user to check them.
set -eu
if [ "$(id -u)" = 0 ]; then
    echo "running as root, which reads mode-000 files: permission cases not checked"
    exit 77
fi
cd "${LEDE_TEST_TMP:?}"
mkdir perm perm/locked-folder
printf 'Open Story\n\nAnyone may read this.\n' > perm/open.txt
printf 'Locked Story\n\nNobody may read this.\n' > perm/locked.txt
printf 'Hidden Away\n\nInside a locked folder.\n' > perm/locked-folder/inside.txt
chmod 000 perm/locked.txt perm/locked-folder
