# incline — build, test, demo. `make demo` and `make check` install missing
# Debian packages themselves (see `deps`).

PREFIX ?= /usr/local
DESTDIR ?=
CC ?= cc
SAN ?=
DEBUGGER ?=
SHARED ?= ../shared

# Debian packages and what shows each is there (checked by `deps`): a
# header under /usr/include, an absolute path, or (nothing after the colon)
# a command of the package's name. jq, chromium, cmark-gfm and
# python3-jsonschema are for the tests: each output format is read back by
# its consumer.
DEB_PACKAGES = libjansson-dev:jansson.h libcsv-dev:csv.h libcmocka-dev:cmocka.h \
	libicu-dev:unicode/uspoof.h libstemmer-dev:libstemmer.h zlib1g-dev:zlib.h pkg-config: \
	jq: chromium: cmark-gfm: python3-jsonschema:/usr/lib/python3/dist-packages/jsonschema

ifeq ($(SAN),1)
BUILD ?= build/san
SANFLAGS = -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
else ifeq ($(SAN),fuzz)
# The library as libFuzzer targets link it (`make fuzz` sets this, with clang).
BUILD ?= build/fuzz
SANFLAGS = -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
else
BUILD ?= build/obj
SANFLAGS =
endif

PKGS = jansson icu-uc icu-i18n
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS = $(shell pkg-config --libs $(PKGS) 2>/dev/null || echo -ljansson -licui18n -licuuc -licudata)
CMOCKA_LIBS = $(shell pkg-config --libs cmocka 2>/dev/null || echo -lcmocka)

CFLAGS ?= -O2 -g
CFLAGS += -std=c11 -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
	-Wno-unused-parameter -D_POSIX_C_SOURCE=200809L $(SANFLAGS)
CPPFLAGS += -Iinclude -Isrc $(PKG_CFLAGS) -MMD -MP
LDFLAGS += $(SANFLAGS)
LDLIBS += $(PKG_LIBS) -lcsv -lstemmer -lz -lm -pthread

LIB_SRC = $(filter-out src/main.c,$(wildcard src/*.c))
LIB_OBJ = $(LIB_SRC:src/%.c=$(BUILD)/%.o)
LIB = $(BUILD)/libincline.a
TEST_SRC = $(wildcard test/test_*.c)
TEST_BIN = $(TEST_SRC:test/%.c=$(BUILD)/%)
# Fuzz targets: every test/fuzz/fuzz_<stage>.c, seeds in test/fuzz/corpus/<stage>/.
# `check` links each with test/fuzz/driver.c (replay_<stage>) to replay its seeds.
FUZZ_SRC = $(wildcard test/fuzz/fuzz_*.c)
FUZZ_NAMES = $(FUZZ_SRC:test/fuzz/fuzz_%.c=%)
FUZZ_REPLAY = $(FUZZ_NAMES:%=$(BUILD)/replay_%)
FUZZ_CC ?= clang
FUZZ_SECONDS ?= 60
FUZZ_FLAGS ?= -timeout=20 -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1
# The chaos test fails the Nth allocation: its calls (and the library's) to
# these go through its __wrap_* functions.
CHAOS_WRAP = -Wl,--wrap=malloc,--wrap=calloc,--wrap=realloc,--wrap=strdup,--wrap=strndup,--wrap=free
BIN = incline
ifeq ($(SAN),1)
BIN = $(BUILD)/incline
endif

EXAMPLES = $(sort $(wildcard examples/*/))
TIMELINES = $(patsubst examples/%/,timelines/%.json,$(EXAMPLES)) \
	$(patsubst examples/%/,timelines/%.csv,$(EXAMPLES))

.PHONY: all deps demo check unit cli golden timelines eval eval-merge bench install uninstall clean fuzz fuzz-bins

all: $(BIN) $(LIB)

# Installs what is missing, and only that (apt-get, as root or via sudo).
deps:
	@missing=""; for p in $(DEB_PACKAGES); do pkg=$${p%%:*}; h=$${p#*:}; \
	  case "$$h" in /*) [ -e "$$h" ] || missing="$$missing $$pkg"; continue;; esac; \
	  if [ -n "$$h" ]; then [ -e /usr/include/$$h ] || [ -e /usr/include/x86_64-linux-gnu/$$h ] || missing="$$missing $$pkg"; \
	  else command -v $$pkg >/dev/null || missing="$$missing $$pkg"; fi; done; \
	if [ -n "$$missing" ]; then \
	  echo "deps: installing$$missing"; \
	  SUDO=; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null || \
	    { echo "deps: could not install$$missing" >&2; exit 1; }; \
	fi

$(BUILD)/%.o: src/%.c
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

$(LIB): $(LIB_OBJ)
	@rm -f $@
	$(AR) rcs $@ $^

$(BIN): $(BUILD)/main.o $(LIB)
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/test_%.o: test/test_%.c
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) -Wno-missing-prototypes -c -o $@ $<

$(BUILD)/test_%: $(BUILD)/test_%.o $(LIB)
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS) $(CMOCKA_LIBS)

$(BUILD)/test_chaos: $(BUILD)/test_chaos.o $(LIB)
	$(CC) $(LDFLAGS) $(CHAOS_WRAP) -o $@ $^ $(LDLIBS) $(CMOCKA_LIBS)

$(BUILD)/test_article_chaos: $(BUILD)/test_article_chaos.o $(LIB)
	$(CC) $(LDFLAGS) $(CHAOS_WRAP) -o $@ $^ $(LDLIBS) $(CMOCKA_LIBS)

# The command with the failing allocator of test/chaos_alloc.c (chaos_cli.sh).
$(BUILD)/chaos_alloc.o: test/chaos_alloc.c
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

$(BUILD)/incline-chaos: $(BUILD)/main.o $(BUILD)/chaos_alloc.o $(LIB)
	$(CC) $(LDFLAGS) $(CHAOS_WRAP) -o $@ $^ $(LDLIBS)

$(BUILD)/fuzz/%.o: test/fuzz/%.c
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

$(BUILD)/fuzz/driver_%.o: test/fuzz/driver.c
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) -DFUZZ_CORPUS='"test/fuzz/corpus/$*"' -c -o $@ $<

$(BUILD)/replay_%: $(BUILD)/fuzz/fuzz_%.o $(BUILD)/fuzz/driver_%.o $(LIB)
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

# libFuzzer binaries (only meaningful with SAN=fuzz, which `make fuzz` sets).
$(BUILD)/fuzz_%: $(BUILD)/fuzz/fuzz_%.o $(LIB)
	$(CC) $(LDFLAGS) -fsanitize=fuzzer -o $@ $^ $(LDLIBS)

demo: deps
	@$(MAKE) --no-print-directory all
	./$(BIN) build examples/icc-2023/

check: deps
	@$(MAKE) --no-print-directory all $(TEST_BIN) $(FUZZ_REPLAY) $(BUILD)/incline-chaos
	@INCLINE_CHAOS_BIN=$(BUILD)/incline-chaos sh test/run.sh "$(DEBUGGER)" "./$(BIN)" $(TEST_BIN) $(FUZZ_REPLAY)

# Runs every fuzz target for FUZZ_SECONDS each (clang with libFuzzer). New
# inputs go to build/fuzz/corpus/<stage>/, crashes to build/fuzz/crash-*:
# copy a crash into test/fuzz/corpus/<stage>/ and fix it.
fuzz:
	@sh test/fuzz/have-libfuzzer.sh $(FUZZ_CC) || { echo "fuzz: $(FUZZ_CC) cannot build libFuzzer targets" >&2; exit 1; }
	@$(MAKE) --no-print-directory SAN=fuzz CC=$(FUZZ_CC) fuzz-bins
	@for n in $(FUZZ_NAMES); do mkdir -p build/fuzz/corpus/$$n; \
	  echo "== fuzz $$n: $(FUZZ_SECONDS) s"; \
	  build/fuzz/fuzz_$$n $(FUZZ_FLAGS) -max_total_time=$(FUZZ_SECONDS) \
	    -artifact_prefix=build/fuzz/crash-$$n- build/fuzz/corpus/$$n test/fuzz/corpus/$$n 2>build/fuzz/$$n.log; \
	  rc=$$?; grep -E '^stat::number_of_executed_units|^SUMMARY|^==.*ERROR' build/fuzz/$$n.log; \
	  [ $$rc -eq 0 ] || { tail -40 build/fuzz/$$n.log >&2; echo "fuzz: $$n failed, see build/fuzz/$$n.log" >&2; exit 1; }; done

fuzz-bins: $(FUZZ_NAMES:%=$(BUILD)/fuzz_%)

.PRECIOUS: $(BUILD)/fuzz/%.o

# Regenerates the committed timelines from examples/ (CI checks they match).
timelines: all
	@for d in $(EXAMPLES); do n=$$(basename $$d); \
	  ./$(BIN) build -f json -o timelines/$$n.json $$d && \
	  ./$(BIN) build -f csv -o timelines/$$n.csv $$d || exit 1; done

# Scores against the gold in $(SHARED)/corpus (not part of check).
eval: deps
	@$(MAKE) --no-print-directory all
	@test -d $(SHARED)/corpus || { echo "eval: $(SHARED)/corpus not found" >&2; exit 1; }
	@echo "== dates: TimeBank"; python3 $(SHARED)/eval/score_dates.py --incline ./$(BIN) $(SHARED)/corpus/timebank
	@echo "== dates: AnnoCTR (read the recalls)"; python3 $(SHARED)/eval/score_dates.py --incline ./$(BIN) $(SHARED)/corpus/annoctr
	@echo "== events: CASIE"; python3 $(SHARED)/eval/score_events.py --incline ./$(BIN) $(SHARED)/corpus/casie
	@echo "== merge: CASIE hoppers"; python3 $(SHARED)/eval/score_merge.py --incline ./$(BIN) $(SHARED)/corpus/casie
	@echo "== claims: actor, claimant, stance of real attribution shapes (test/eval/claims.tsv)"; python3 test/eval/claims.py --quiet --incline ./$(BIN) $(SHARED)

# Merge quality: the CASIE hoppers, then known duplicates built from real
# articles (test/eval/dup_harness.py: reworded dates, reordered sentences,
# boilerplate, look-alike letters) of examples/ and $(SHARED)/corpus.
eval-merge: deps
	@$(MAKE) --no-print-directory all
	@test -d $(SHARED)/corpus || { echo "eval-merge: $(SHARED)/corpus not found" >&2; exit 1; }
	@echo "== merge: CASIE hoppers"; python3 $(SHARED)/eval/score_merge.py --incline ./$(BIN) $(SHARED)/corpus/casie
	@echo "== merge: known duplicates, examples/"; python3 test/eval/dup_harness.py --incline ./$(BIN) --story-by-dir examples/
	@echo "== merge: known duplicates, CASIE articles (piles of 10)"; python3 test/eval/dup_harness.py --incline ./$(BIN) $(SHARED)/corpus/casie
	@echo "== merge: known duplicates, CASIE articles (piles of 10 far apart in the corpus, fewer real retellings)"; python3 test/eval/dup_harness.py --spread --incline ./$(BIN) $(SHARED)/corpus/casie
	@echo "== incidents: victims of 42 hand-labelled CASIE articles"; python3 test/eval/victims.py --incline ./$(BIN) $(SHARED)/corpus/casie

# Throughput and memory beside chrono-node (not part of check; see
# test/bench/bench.py). BENCH_SIZES in MB: "10 100" by default, add 1000
# for 1 GB.
BENCH_SIZES ?= 10 100
BENCH_JOBS ?= 2
BENCH_REPEAT ?= 3
BENCH_TIMEOUT ?= 900
MERGE_BENCH = $(wildcard test/bench/merge_bench.c)
bench: all $(MERGE_BENCH:test/bench/%.c=$(BUILD)/%)
	@python3 test/bench/bench.py --incline ./$(BIN) --sizes "$(BENCH_SIZES)" \
	  --jobs $(BENCH_JOBS) --repeat $(BENCH_REPEAT) --timeout $(BENCH_TIMEOUT) --shared $(SHARED) \
	  $(if $(MERGE_BENCH),--merge-bench $(BUILD)/merge_bench) --out build/bench/results.json

$(BUILD)/merge_bench: test/bench/merge_bench.c $(LIB)
	$(CC) $(CPPFLAGS) $(CFLAGS) -o $@ $< $(LIB) $(LDLIBS)

VERSION = $(shell sed -n 's/^\#define INCLINE_VERSION "\(.*\)"/\1/p' include/incline/incline.h)

# The command, the library, its headers, incline.pc (written for PREFIX),
# the man page and the timeline's JSON Schema.
install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib/pkgconfig \
	  $(DESTDIR)$(PREFIX)/include/incline $(DESTDIR)$(PREFIX)/share/man/man1 \
	  $(DESTDIR)$(PREFIX)/share/incline
	install -m 755 $(BIN) $(DESTDIR)$(PREFIX)/bin/incline
	install -m 644 $(LIB) $(DESTDIR)$(PREFIX)/lib/libincline.a
	install -m 644 include/incline/*.h $(DESTDIR)$(PREFIX)/include/incline/
	sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@VERSION@|$(VERSION)|' incline.pc.in \
	  >$(DESTDIR)$(PREFIX)/lib/pkgconfig/incline.pc
	chmod 644 $(DESTDIR)$(PREFIX)/lib/pkgconfig/incline.pc
	install -m 644 man/incline.1 $(DESTDIR)$(PREFIX)/share/man/man1/incline.1
	install -m 644 schema/timeline.schema.json $(DESTDIR)$(PREFIX)/share/incline/

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/incline $(DESTDIR)$(PREFIX)/lib/libincline.a \
	  $(DESTDIR)$(PREFIX)/lib/pkgconfig/incline.pc \
	  $(DESTDIR)$(PREFIX)/share/man/man1/incline.1
	rm -rf $(DESTDIR)$(PREFIX)/include/incline $(DESTDIR)$(PREFIX)/share/incline

clean:
	rm -rf build incline

-include $(wildcard $(BUILD)/*.d $(BUILD)/fuzz/*.d)
