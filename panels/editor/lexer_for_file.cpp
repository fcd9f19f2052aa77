// SPDX-License-Identifier: Apache-2.0
#include "lexer_for_file.h"

#include "qscintilla.h"

#include <QFileInfo>
#include <QFontDatabase>
#include <QString>

namespace helios::panels {

namespace {

// Scintilla has no TypeScript lexer; its C-family lexer with JavaScript's and TypeScript's
// keywords colours .ts and .tsx well enough (JSX tags stay plain).
class TypeScriptLexer : public QsciLexerJavaScript {
public:
    using QsciLexerJavaScript::QsciLexerJavaScript;

    const char *language() const override { return "TypeScript"; }

    const char *keywords(int set) const override
    {
        if (set != 1)
            return QsciLexerJavaScript::keywords(set);
        return "abstract any as asserts async await bigint boolean break case catch class const "
               "constructor continue debugger declare default delete do else enum export extends "
               "false finally for from function get global if implements import in infer "
               "instanceof interface is keyof let module namespace never new null number object "
               "of override private protected public readonly require return satisfies set "
               "static string super switch symbol this throw true try type typeof undefined "
               "unique unknown var void while with yield";
    }
};

} // namespace

QsciLexer *createLexerForFile(const QString &fileName, QObject *parent)
{
    const QString suffix = QFileInfo(fileName).suffix().toLower();
    QsciLexer *lexer = nullptr;
    if (suffix == QLatin1String("ts") || suffix == QLatin1String("tsx") || suffix == QLatin1String("mts")
        || suffix == QLatin1String("cts"))
        lexer = new TypeScriptLexer(parent);
    else if (suffix == QLatin1String("js") || suffix == QLatin1String("jsx") || suffix == QLatin1String("mjs")
             || suffix == QLatin1String("cjs"))
        lexer = new QsciLexerJavaScript(parent);
    else if (suffix == QLatin1String("css"))
        lexer = new QsciLexerCSS(parent);
    else if (suffix == QLatin1String("json"))
        lexer = new QsciLexerJSON(parent);
    else if (suffix == QLatin1String("md") || suffix == QLatin1String("markdown"))
        lexer = new QsciLexerMarkdown(parent);
    else if (suffix == QLatin1String("html") || suffix == QLatin1String("htm"))
        lexer = new QsciLexerHTML(parent);
    if (lexer) {
        // Every style in the one fixed-pitch font, so columns line up.
        const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
        lexer->setDefaultFont(fixed);
        lexer->setFont(fixed);
    }
    return lexer;
}

} // namespace helios::panels
