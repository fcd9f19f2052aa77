// SPDX-License-Identifier: Apache-2.0
#include "export_preview.h"

#include "editor/editor_palette.h"

// QScintilla's headers use the `slots`/`signals` keywords, which QT_NO_KEYWORDS removes
// project-wide; map them to the macros for these includes only.
#define slots Q_SLOTS
#define signals Q_SIGNALS
#include <Qsci/qscilexercss.h>
#include <Qsci/qscilexerjavascript.h>
#include <Qsci/qscilexerjson.h>
#include <Qsci/qsciscintilla.h>
#undef slots
#undef signals

#include <QFontDatabase>
#include <QPointer>
#include <QTabWidget>
#include <QVBoxLayout>

namespace helios::panels {

ExportPreview::ExportPreview(QWidget *parent) : QWidget(parent), m_tabs(new QTabWidget(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tabs);
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    const QString names[] = {tr("CSS"), tr("SCSS"), tr("TypeScript"), tr("JSON")};
    const char *ids[] = {"cssPreview", "scssPreview", "typeScriptPreview", "jsonPreview"};
    for (int f = 0; f < ExportRenderer::FormatCount; ++f) {
        auto *editor = new QsciScintilla(m_tabs);
        editor->setObjectName(QLatin1StringView(ids[f]));
        QsciLexer *lexer = nullptr;
        switch (f) {
        case ExportRenderer::Css: lexer = new QsciLexerCSS(editor); break;
        case ExportRenderer::Scss: {
            auto *css = new QsciLexerCSS(editor);
            css->setSCSSLanguage(true);
            lexer = css;
            break;
        }
        case ExportRenderer::TypeScript: lexer = new QsciLexerJavaScript(editor); break;
        default: lexer = new QsciLexerJSON(editor); break;
        }
        lexer->setDefaultFont(mono);
        lexer->setFont(mono);
        editor->setLexer(lexer);
        editor->setReadOnly(true);
        editor->setMarginLineNumbers(0, true);
        editor->setMarginWidth(0, QStringLiteral("00000"));
        editor->setUtf8(true);
        followPalette(editor);
        m_editors[f] = editor;
        m_tabs->addTab(editor, names[f]);
    }
    m_worker.setMaxThreadCount(1);
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(150);
    connect(&m_debounce, &QTimer::timeout, this, &ExportPreview::start);
}

ExportPreview::~ExportPreview()
{
    m_worker.clear();
    m_worker.waitForDone();
}

void ExportPreview::schedule(const std::vector<slate::TokenDocument::File> &files, const QString &activeTheme)
{
    // The texts are implicitly shared: this copies pointers, not files.
    m_pending = files;
    m_pendingTheme = activeTheme;
    ++m_generation;
    m_debounce.start();
}

void ExportPreview::start()
{
    const quint64 generation = m_generation;
    m_worker.start([this, generation, files = m_pending, theme = m_pendingTheme] {
        ExportRenderer::Output out = ExportRenderer::render(files, theme);
        QMetaObject::invokeMethod(this, [this, generation, out = std::move(out)] {
            if (generation != m_generation)
                return; // another edit came in; its render follows
            for (int f = 0; f < ExportRenderer::FormatCount; ++f) {
                const int line = m_editors[f]->firstVisibleLine();
                m_editors[f]->setText(QString::fromUtf8(out.text[f]));
                m_editors[f]->setFirstVisibleLine(line);
            }
            Q_EMIT updated();
        }, Qt::QueuedConnection);
    });
}

QString ExportPreview::text(ExportRenderer::Format format) const { return m_editors[format]->text(); }

} // namespace helios::panels
