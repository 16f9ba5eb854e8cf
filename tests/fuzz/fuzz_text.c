/*
 * fuzz_text.c: libFuzzer target for the tokenizer, the sentence splitter
 * and token normalisation, on any bytes.
 *
 * Invariants checked (abort on violation):
 *  - tokens are in order, non-empty, within the input, never overlap, and
 *    their code-point offsets equal the count of characters before them;
 *  - sentences are in order, start at a token's start, end at a token's
 *    end, never overlap, and together hold every token exactly once;
 *  - every token's norm succeeds (or reports out of memory).
 */
#include "check.h"
#include "text/norm.h"
#include "text/sentences.h"
#include "text/tokens.h"
#include "text/utf8.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size > 1 << 16)
        return 0; /* longer inputs add time, not coverage */
    const char *s = (const char *)data;
    lede_tok_iter it;
    lede_token t;
    lede_norm_buf nb;
    memset(&nb, 0, sizeof nb);
    size_t last = 0, last_cp = 0, ntok = 0;
    lede_tok_init(&it, s, size);
    while (lede_tok_next(&it, &t)) {
        FUZZ_CHECK(t.span.byte_start >= last);
        FUZZ_CHECK(t.span.byte_end > t.span.byte_start && t.span.byte_end <= size);
        FUZZ_CHECK(t.span.cp_start >= last_cp && t.span.cp_end > t.span.cp_start);
        FUZZ_CHECK(t.span.cp_start == last_cp + lede_utf8_count(s + last, t.span.byte_start - last));
        FUZZ_CHECK(t.span.cp_end - t.span.cp_start ==
                   lede_utf8_count(s + t.span.byte_start, t.span.byte_end - t.span.byte_start));
        const char *norm;
        size_t norm_len;
        lede_rc rc = lede_text_norm(&nb, s + t.span.byte_start,
                                    t.span.byte_end - t.span.byte_start, &norm, &norm_len);
        FUZZ_CHECK(rc == LEDE_OK || rc == LEDE_NOMEM);
        FUZZ_CHECK(rc != LEDE_OK || lede_utf8_valid(norm, norm_len));
        last = t.span.byte_end;
        last_cp = t.span.cp_end;
        ntok++;
    }
    lede_norm_buf_free(&nb);

    lede_sent_iter sit;
    lede_span sp;
    lede_tok_iter tit;
    int have = 0;
    size_t covered = 0, prev_end = 0;
    lede_sent_init(&sit, s, size);
    lede_tok_init(&tit, s, size);
    have = lede_tok_next(&tit, &t);
    while (lede_sent_next(&sit, &sp)) {
        FUZZ_CHECK(have);
        FUZZ_CHECK(sp.byte_start >= prev_end);
        FUZZ_CHECK(sp.byte_start == t.span.byte_start && sp.cp_start == t.span.cp_start);
        FUZZ_CHECK(sp.byte_end > sp.byte_start && sp.byte_end <= size);
        size_t end_seen = 0;
        while (have && t.span.byte_start < sp.byte_end) {
            FUZZ_CHECK(t.span.byte_end <= sp.byte_end);
            end_seen = t.span.byte_end;
            covered++;
            have = lede_tok_next(&tit, &t);
        }
        FUZZ_CHECK(end_seen == sp.byte_end);
        FUZZ_CHECK(sp.cp_end - sp.cp_start ==
                   lede_utf8_count(s + sp.byte_start, sp.byte_end - sp.byte_start));
        prev_end = sp.byte_end;
    }
    FUZZ_CHECK(!have && covered == ntok);
    return 0;
}
