#ifndef POLEX_CNCURSESW_SHIM_H
#define POLEX_CNCURSESW_SHIM_H
// The wide-character API of ncurses is only declared with NCURSES_WIDECHAR.
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>

// Macros and globals that Swift cannot import directly.
static inline WINDOW *polex_stdscr(void) { return stdscr; }
static inline int polex_lines(void) { return LINES; }
static inline int polex_cols(void) { return COLS; }
static inline int polex_colors(void) { return COLORS; }
static inline int polex_color_pair(int n) { return (int)COLOR_PAIR(n); }
static inline int polex_key_f(int n) { return KEY_F(n); }
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
static const mmask_t polex_BUTTON4_PRESSED = BUTTON4_PRESSED;
static const mmask_t polex_BUTTON5_PRESSED = BUTTON5_PRESSED;

#endif
