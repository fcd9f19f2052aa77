// SPDX-License-Identifier: Apache-2.0
#pragma once

class QObject;
class QString;
class QsciLexer;

namespace helios::panels {

// The syntax colouring for a file, chosen by its suffix: TypeScript/TSX (JavaScript with
// TypeScript's keywords), JavaScript, CSS, JSON, Markdown and HTML. Returns nullptr for
// anything else, which the editor shows as plain text. The lexer is owned by `parent`.
QsciLexer *createLexerForFile(const QString &fileName, QObject *parent);

} // namespace helios::panels
