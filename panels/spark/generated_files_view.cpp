// SPDX-License-Identifier: Apache-2.0
#include "generated_files_view.h"

#include "editor/editor_palette.h"

// QScintilla's headers use the `slots`/`signals` keywords, which QT_NO_KEYWORDS removes
// project-wide; map them to the macros for these includes only.
#define slots Q_SLOTS
#define signals Q_SIGNALS
#include <Qsci/qscilexercss.h>
#include <Qsci/qscilexerjavascript.h>
#include <Qsci/qsciscintilla.h>
#undef slots
#undef signals

#include <QFileInfo>
#include <QFontDatabase>

namespace helios::panels {

namespace {

QsciLexer *lexerFor(const QString &path, QObject *parent) {
    if (path.endsWith(QLatin1StringView(".tsx")) || path.endsWith(QLatin1StringView(".ts")))
        return new QsciLexerJavaScript(parent);
    if (path.endsWith(QLatin1StringView(".css")))
        return new QsciLexerCSS(parent);
    return nullptr;
}

} // namespace

GeneratedFilesView::GeneratedFilesView(QWidget *parent)
    : QTabWidget(parent) {
    setDocumentMode(true);
    setUsesScrollButtons(true);
}

void GeneratedFilesView::clearFiles() {
    while (count() > 0) {
        QWidget *page = widget(0);
        removeTab(0);
        delete page;
    }
    m_paths.clear();
}

void GeneratedFilesView::setFiles(const QList<spark::GeneratedFile> &files) {
    clearFiles();
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    for (const spark::GeneratedFile &file : files) {
        auto *editor = new QsciScintilla(this);
        editor->setObjectName(QStringLiteral("generatedFile:") + file.path);
        editor->setUtf8(true);
        if (QsciLexer *lexer = lexerFor(file.path, editor)) {
            lexer->setDefaultFont(mono);
            lexer->setFont(mono);
            editor->setLexer(lexer);
        } else {
            editor->setFont(mono);
        }
        followPalette(editor);
        editor->setMarginLineNumbers(0, true);
        editor->setMarginWidth(0, QStringLiteral("0000"));
        editor->setText(QString::fromUtf8(file.content));
        // After setText: a read-only editor refuses text set afterwards.
        editor->setReadOnly(true);
        const int tab = addTab(editor, QFileInfo(file.path).fileName());
        setTabToolTip(tab, file.path);
        m_paths.append(file.path);
    }
}

int GeneratedFilesView::tabOf(const QString &path) const {
    return int(m_paths.indexOf(path));
}

QsciScintilla *GeneratedFilesView::editor(const QString &path) const {
    const int tab = tabOf(path);
    return tab < 0 ? nullptr : static_cast<QsciScintilla *>(widget(tab));
}

bool GeneratedFilesView::showLocation(const QString &path, int line, int column) {
    QsciScintilla *target = editor(path);
    if (!target)
        return false;
    setCurrentIndex(tabOf(path));
    const int row = std::max(line - 1, 0);
    target->setCursorPosition(row, std::max(column - 1, 0));
    target->ensureLineVisible(row);
    target->setFocus();
    return true;
}

} // namespace helios::panels
