// SPDX-License-Identifier: Apache-2.0
#include "editor_palette.h"

#include "qscintilla.h"

#include <QEvent>
#include <QPalette>

#include <algorithm>

namespace helios::panels {

namespace {

// Scintilla's styles are numbered below 128 (STYLE_DEFAULT and its kin start at 32 and
// are the editor's own; a lexer describes the ones it uses).
constexpr int StyleCount = 128;

bool isDark(const QPalette &palette) { return palette.color(QPalette::Base).lightness() < 128; }

// A colour meant for white paper, for dark paper: the same hue and saturation, the
// lightness mirrored and kept readable. Greys (black text) become the palette's text.
QColor forDarkPaper(const QColor &colour, const QPalette &palette)
{
    const QColor hsl = colour.toHsl();
    if (hsl.hslSaturation() < 40)
        return palette.color(QPalette::Text);
    const int lightness = std::clamp(255 - hsl.lightness(), 150, 220);
    return QColor::fromHsl(hsl.hslHue(), hsl.hslSaturation(), lightness);
}

class PaletteFollower : public QObject {
public:
    explicit PaletteFollower(QsciScintilla *editor) : QObject(editor), m_editor(editor) {}

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (watched == m_editor && event->type() == QEvent::PaletteChange)
            applyPalette(m_editor);
        return false;
    }

private:
    QsciScintilla *m_editor;
};

} // namespace

void applyPalette(QsciScintilla *editor)
{
    const QPalette palette = editor->palette();
    const bool dark = isDark(palette);
    const QColor paper = palette.color(QPalette::Base);
    const QColor text = palette.color(QPalette::Text);
    editor->setPaper(paper);
    editor->setColor(text);
    editor->setMarginsBackgroundColor(palette.color(QPalette::Window));
    editor->setMarginsForegroundColor(palette.color(QPalette::PlaceholderText));
    editor->setFoldMarginColors(palette.color(QPalette::Window), palette.color(QPalette::Window));
    editor->setCaretForegroundColor(text);
    editor->setCaretLineBackgroundColor(palette.color(QPalette::AlternateBase));
    editor->setSelectionBackgroundColor(palette.color(QPalette::Highlight));
    editor->setSelectionForegroundColor(palette.color(QPalette::HighlightedText));
    QsciLexer *lexer = editor->lexer();
    if (!lexer)
        return;
    // From the lexer's defaults each time, so applying twice changes nothing.
    lexer->setDefaultPaper(paper);
    lexer->setDefaultColor(text);
    for (int style = 0; style < StyleCount; ++style) {
        if (lexer->description(style).isEmpty())
            continue;
        lexer->setPaper(dark ? paper : lexer->defaultPaper(style), style);
        lexer->setColor(dark ? forDarkPaper(lexer->defaultColor(style), palette) : lexer->defaultColor(style), style);
    }
}

void followPalette(QsciScintilla *editor)
{
    applyPalette(editor);
    editor->installEventFilter(new PaletteFollower(editor));
}

} // namespace helios::panels
