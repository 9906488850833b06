#ifndef POLEX_CNCURSESW_SHIM_H
#define POLEX_CNCURSESW_SHIM_H
// The wide-character API of ncurses is only declared with NCURSES_WIDECHAR.
// After editing this file run `swift package clean`: incremental builds keep the old module.
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <wchar.h>
#include <ncursesw/curses.h>

// Macros and globals that Swift cannot import directly (Swift 6 also refuses to read
// mutable C globals such as stdscr, LINES and COLS, so they are wrapped in functions).
static inline WINDOW *polex_stdscr(void) { return stdscr; }
static inline WINDOW *polex_curscr(void) { return curscr; }
static inline int polex_lines(void) { return LINES; }
static inline int polex_cols(void) { return COLS; }
static inline int polex_colors(void) { return COLORS; }
static inline int polex_color_pairs(void) { return COLOR_PAIRS; }
static inline int polex_color_pair(int n) { return (int)COLOR_PAIR(n); }
static inline int polex_key_f(int n) { return KEY_F(n); }
static inline FILE *polex_stdout(void) { return stdout; }
static inline FILE *polex_stdin(void) { return stdin; }
// The character encoding of the current locale ("UTF-8" when the terminal speaks it).
static inline const char *polex_codeset(void) { return nl_langinfo(CODESET); }
// The C library's width of one character, which ncurses uses to place cells.
static inline int polex_wcwidth(unsigned int c) { return wcwidth((wchar_t)c); }

static const unsigned int polex_A_BOLD = A_BOLD;
static const unsigned int polex_A_DIM = A_DIM;
static const unsigned int polex_A_UNDERLINE = A_UNDERLINE;
static const unsigned int polex_A_REVERSE = A_REVERSE;
static const unsigned int polex_A_ITALIC = A_ITALIC;
static const unsigned int polex_A_NORMAL = A_NORMAL;
static const mmask_t polex_ALL_MOUSE_EVENTS = ALL_MOUSE_EVENTS;
static const mmask_t polex_REPORT_MOUSE_POSITION = REPORT_MOUSE_POSITION;
static const mmask_t polex_BUTTON1_PRESSED = BUTTON1_PRESSED;
static const mmask_t polex_BUTTON1_RELEASED = BUTTON1_RELEASED;
static const mmask_t polex_BUTTON1_CLICKED = BUTTON1_CLICKED;
static const mmask_t polex_BUTTON1_DOUBLE_CLICKED = BUTTON1_DOUBLE_CLICKED;
static const mmask_t polex_BUTTON3_PRESSED = BUTTON3_PRESSED;
static const mmask_t polex_BUTTON4_PRESSED = BUTTON4_PRESSED;
static const mmask_t polex_BUTTON5_PRESSED = BUTTON5_PRESSED;

#endif
