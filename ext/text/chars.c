/*
 * chars.c: character classes over utf8proc's general categories.
 *
 * ASCII is answered inline in chars.h; these answer everything else.
 */
#include "chars.h"

#include <utf8proc.h>

static utf8proc_category_t chars_category(uint32_t cp) {
    return utf8proc_category((utf8proc_int32_t)cp);
}

int lede_char_is_space_u(uint32_t cp) {
    switch (chars_category(cp)) {
    case UTF8PROC_CATEGORY_ZS:
    case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP:
    case UTF8PROC_CATEGORY_CC:
        return 1;
    default:
        /* zero width space, word joiner and byte order mark separate nothing
           visible; read them as space so they never glue or start tokens */
        return cp == 0x200Bu || cp == 0x2060u || cp == 0xFEFFu;
    }
}

int lede_char_is_alpha_u(uint32_t cp) {
    utf8proc_category_t c = chars_category(cp);
    return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_ME;
}

int lede_char_is_alnum_u(uint32_t cp) {
    utf8proc_category_t c = chars_category(cp);
    return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_NO;
}

int lede_char_is_digit_u(uint32_t cp) {
    return chars_category(cp) == UTF8PROC_CATEGORY_ND;
}

int lede_char_is_upper_u(uint32_t cp) {
    utf8proc_category_t c = chars_category(cp);
    return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

int lede_char_is_lower_u(uint32_t cp) {
    return chars_category(cp) == UTF8PROC_CATEGORY_LL;
}

int lede_char_is_caseless_letter(uint32_t cp) {
    return cp >= 0x80u && chars_category(cp) == UTF8PROC_CATEGORY_LO;
}

/* Punctuation of category Po that news text uses as a symbol. */
static int chars_po_symbol(uint32_t cp) {
    switch (cp) {
    case '%':
    case '#':
    case '&':
    case '@':
    case '*':
    case 0x2030u: /* per mille */
    case 0x2031u: /* per ten thousand */
    case 0x2020u: /* dagger */
    case 0x2021u: /* double dagger */
    case 0x00A7u: /* section sign */
    case 0x00B6u: /* pilcrow */
        return 1;
    default:
        return 0;
    }
}

int lede_char_is_punct(uint32_t cp) {
    if (chars_po_symbol(cp))
        return 0;
    utf8proc_category_t c = chars_category(cp);
    return c >= UTF8PROC_CATEGORY_PC && c <= UTF8PROC_CATEGORY_PO;
}

int lede_char_is_symbol(uint32_t cp) {
    if (chars_po_symbol(cp))
        return 1;
    utf8proc_category_t c = chars_category(cp);
    return c >= UTF8PROC_CATEGORY_SM && c <= UTF8PROC_CATEGORY_SO;
}

int lede_char_is_opening(uint32_t cp) {
    if (cp == '"' || cp == '\'')
        return 1;
    utf8proc_category_t c = chars_category(cp);
    return c == UTF8PROC_CATEGORY_PS || c == UTF8PROC_CATEGORY_PI;
}

int lede_char_is_closing(uint32_t cp) {
    if (cp == '"' || cp == '\'' || cp == 0x2019u)
        return 1;
    utf8proc_category_t c = chars_category(cp);
    return c == UTF8PROC_CATEGORY_PE || c == UTF8PROC_CATEGORY_PF;
}
