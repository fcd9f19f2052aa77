// SPDX-License-Identifier: Apache-2.0
// The editors follow the workbench's theme: a dark application palette gives dark paper
// and light, hue-keeping lexer colours; the light palette gives the lexer's own back.

#include "editor/editor_palette.h"
#include "editor/qscintilla.h"
#include "editor/source_editor.h"

#include <QApplication>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace helios::panels;

namespace {

QPalette darkPalette()
{
    QPalette palette;
    palette.setColor(QPalette::Window, QColor(0x2d, 0x2d, 0x30));
    palette.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    palette.setColor(QPalette::AlternateBase, QColor(0x26, 0x26, 0x28));
    palette.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
    palette.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
    return palette;
}

} // namespace

class EditorPaletteTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        for (const char *name : {"a.ts", "b.css"}) {
            QFile file(m_dir.filePath(QLatin1String(name)));
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("const a = 1; // note\n");
        }
    }

    void cleanup() { QApplication::setPalette(m_light); }

    void followsTheApplicationPalette()
    {
        SourceEditor editor;
        QString error;
        QVERIFY2(editor.load(m_dir.filePath(QStringLiteral("a.ts")), &error), qPrintable(error));
        QsciLexer *lexer = editor.lexer();
        QVERIFY(lexer);
        const int keyword = QsciLexerJavaScript::Keyword;
        const int comment = QsciLexerJavaScript::CommentLine;
        const QColor lightKeyword = lexer->color(keyword);
        QCOMPARE(lightKeyword, lexer->defaultColor(keyword));
        QVERIFY(lexer->paper(keyword).lightness() >= 128);

        const QPalette dark = darkPalette();
        QApplication::setPalette(dark);
        QCoreApplication::processEvents();
        QCOMPARE(lexer->paper(keyword), dark.color(QPalette::Base));
        QCOMPARE(lexer->paper(comment), dark.color(QPalette::Base));
        QVERIFY2(lexer->color(keyword).lightness() >= 150, qPrintable(lexer->color(keyword).name()));
        QCOMPARE(lexer->color(keyword).hslHue(), lightKeyword.toHsl().hslHue());
        QVERIFY(lexer->color(comment).lightness() >= 150);
        QCOMPARE(lexer->color(QsciLexerJavaScript::Default), dark.color(QPalette::Text));

        // Applying again changes nothing: the colours come from the lexer's defaults.
        const QColor once = lexer->color(keyword);
        applyPalette(&editor);
        QCOMPARE(lexer->color(keyword), once);

        // Another file gets another lexer, coloured for the palette in force.
        QVERIFY2(editor.load(m_dir.filePath(QStringLiteral("b.css")), &error), qPrintable(error));
        QVERIFY(editor.lexer() != nullptr);
        QCOMPARE(editor.lexer()->paper(QsciLexerCSS::Tag), dark.color(QPalette::Base));

        QApplication::setPalette(m_light);
        QCoreApplication::processEvents();
        QsciLexer *css = editor.lexer();
        QCOMPARE(css->color(QsciLexerCSS::Tag), css->defaultColor(QsciLexerCSS::Tag));
        QVERIFY(css->paper(QsciLexerCSS::Tag).lightness() >= 128);
    }

    void plainEditorsFollowToo()
    {
        QsciScintilla editor;
        followPalette(&editor);
        QApplication::setPalette(darkPalette());
        QCoreApplication::processEvents();
        QCOMPARE(editor.paper(), darkPalette().color(QPalette::Base));
        QCOMPARE(editor.color(), darkPalette().color(QPalette::Text));
    }

private:
    QTemporaryDir m_dir;
    const QPalette m_light = QApplication::palette();
};

QTEST_MAIN(EditorPaletteTest)
#include "editor_palette_test.moc"
