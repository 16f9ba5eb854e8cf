#!/bin/sh
# Used by ingest.sql: changes the corpus in $1/corpus between two ingests.
set -eu
cd "$1/corpus"
printf '\nA late paragraph names Maria Okafor of Lagos.\n' >> 001_f03b14ade0a012dc.txt
touch -d '2030-01-01 00:00:00' 000_b3f56256a4e539d2.txt
rm 003_3b584eadf7b65c4a.txt
printf 'Rains Return to Nairobi\n\nNAIROBI, May 4 (Reuters) - Heavy rain hit Nairobi on Monday, the Kenya Meteorological Department said.\n' > 005_new.txt
