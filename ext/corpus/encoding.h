/*
 * encoding.h: which text encoding an article's bytes are in, and their
 * conversion to UTF-8 (with iconv, never with tables of our own).
 *
 * lede_corpus_decode decides, in this order:
 *  1. a UTF-16 byte order mark (FF FE, FE FF): UTF-16 (utf16.h), "UTF-16LE"
 *     or "UTF-16BE"; a NUL code unit makes it binary, over a quarter of
 *     ill-formed characters too;
 *  2. a NUL byte anywhere: binary (this includes UTF-16 and UTF-32 without
 *     a mark);
 *  3. a UTF-8 byte order mark: "UTF-8", the mark dropped;
 *  4. bytes that are all well-formed UTF-8: "UTF-8" (whatever a page
 *     declares: text in another encoding is well-formed UTF-8 by chance
 *     almost never, and pages that declare a legacy charset while sending
 *     UTF-8 are common);
 *  5. a charset the content declares (the caller's, from an HTTP
 *     Content-Type; else, for HTML and XML, the first 1024 bytes: <meta
 *     charset=...>, <meta http-equiv="Content-Type" content="...;
 *     charset=...">, <?xml ... encoding="..."?>): converted with iconv
 *     when iconv knows the name and the bytes convert; the labels of
 *     ISO-8859-1 and US-ASCII mean windows-1252, as browsers read them
 *     (WHATWG Encoding Standard);
 *  6. over a quarter of the characters ill-formed UTF-8: binary
 *     (BINARY_UTF8; random bytes, most binary formats);
 *  7. mostly UTF-8 (more well-formed multi-byte characters than ill-formed
 *     sequences): "UTF-8", each ill-formed sequence read as U+FFFD
 *     (utf8.h), unless a Latin-1 or windows-1252 label was declared;
 *  8. otherwise Windows-1252, when the bytes read as text in it: at most
 *     1 in 100 characters is a control character other than tab, line
 *     feed, vertical tab, form feed and carriage return (else binary), and
 *     iconv converts them all (else UNDECODABLE, naming the first byte that
 *     does not: 0x81, 0x8D, 0x8F, 0x90 and 0x9D are not Windows-1252).
 * Latin-1 text reads correctly under 8 (Windows-1252 differs only in
 * 0x80-0x9F, control characters in Latin-1). Nothing is ever turned into
 * U+FFFD wholesale: a file is either read in an encoding that fits it or
 * reported.
 *
 * Who owns what: the caller owns the lede_corpus_decoder (zeroed before
 * first use; it caches one iconv descriptor) and releases it with
 * lede_corpus_decoder_free. The text returned points into s or into the
 * decoder's buffer, and lives until the next call or the free.
 */
#ifndef LEDE_CORPUS_ENCODING_H
#define LEDE_CORPUS_ENCODING_H

#include "walk.h"

#define LEDE_CORPUS_CHARSET_MAX 40 /* longest charset name kept, with its NUL */

typedef struct {
    void *cd;                           /* iconv_t, or NULL */
    char cd_name[LEDE_CORPUS_CHARSET_MAX]; /* what cd converts from */
    lede_corpus_buf out;                /* converted text */
    char name[LEDE_CORPUS_CHARSET_MAX];  /* the last result's encoding name */
} lede_corpus_decoder;

/*
 * Decodes s[0..n). declared[0..dn) is a charset the caller knows (an HTTP
 * header's), or NULL; sniff set looks for one in the content itself (HTML,
 * XML). On success f->kind is NONE, *text and *text_n the UTF-8 text (possibly
 * with ill-formed sequences, rule 6) and *encoding its name (into d, until
 * the next call). Otherwise f says why it is not text. Returns LEDE_OK or
 * LEDE_NOMEM.
 */
lede_rc lede_corpus_decode(lede_corpus_decoder *d, const char *s, size_t n, const char *declared,
                           size_t dn, int sniff, const char **text, size_t *text_n,
                           const char **encoding, lede_corpus_fault *f);

/*
 * The charset an HTML or XML document declares in its first 1024 bytes
 * (see above), copied NUL-terminated and lowercased into out[cap]; returns
 * its length, 0 when none.
 */
size_t lede_corpus_charset_sniff(const char *s, size_t n, char *out, size_t cap);

/*
 * The charset parameter of a Content-Type value ("text/html;
 * charset=ISO-8859-1"), lowercased into out[cap] without quotes; returns
 * its length, 0 when none.
 */
size_t lede_corpus_charset_param(const char *s, size_t n, char *out, size_t cap);

void lede_corpus_decoder_free(lede_corpus_decoder *d);

#endif
