// SPDX-License-Identifier: Apache-2.0
#pragma once

class QsciScintilla;

namespace helios::panels {

// Colours a QScintilla editor from its palette, so it follows the workbench's theme:
// paper, plain text, margins, caret line and selection from the palette's roles. The
// lexers' own colours are made for white paper; on a dark palette (a dark Base) each
// style's colour gets its lightness mirrored, so keywords, strings and comments keep
// their hue and stay readable. Call it again after setting another lexer.
void applyPalette(QsciScintilla *editor);

// applyPalette() now, and again whenever the editor's palette changes (the theme
// setting applies a new application palette).
void followPalette(QsciScintilla *editor);

} // namespace helios::panels
