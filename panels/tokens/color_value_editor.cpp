// SPDX-License-Identifier: Apache-2.0
#include "color_value_editor.h"

#include <QColorDialog>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPixmap>
#include <QToolButton>

namespace helios::panels {

ColorValueEditor::ColorValueEditor(QWidget *parent)
    : TokenValueEditor(parent), m_swatch(new QToolButton(this)), m_text(new QLineEdit(this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    m_swatch->setObjectName(QStringLiteral("colorSwatch"));
    m_swatch->setToolTip(tr("Choose a colour"));
    m_swatch->setAutoRaise(true);
    m_text->setObjectName(QStringLiteral("colorText"));
    m_text->setPlaceholderText(tr("#rrggbb"));
    layout->addWidget(m_swatch);
    layout->addWidget(m_text, 1);
    setFocusProxy(m_text);
    connect(m_swatch, &QToolButton::clicked, this, &ColorValueEditor::pick);
    connect(m_text, &QLineEdit::textChanged, this, &ColorValueEditor::updateSwatch);
    connect(m_text, &QLineEdit::returnPressed, this, &TokenValueEditor::editingFinished);
}

QString ColorValueEditor::valueText() const { return m_text->text().trimmed(); }

void ColorValueEditor::setValueText(const QString &text) { m_text->setText(text); }

QColor ColorValueEditor::color() const { return QColor::fromString(m_text->text().trimmed()); }

void ColorValueEditor::setColor(const QColor &color)
{
    if (color.isValid())
        m_text->setText(hexName(color));
}

QString ColorValueEditor::hexName(const QColor &color)
{
    QString name = color.name(QColor::HexRgb);
    if (color.alpha() != 255)
        name += QStringLiteral("%1").arg(color.alpha(), 2, 16, QLatin1Char('0'));
    return name;
}

void ColorValueEditor::pick()
{
    // The dialog is modal to the editor only; the UI thread keeps running its event loop.
    const QColor picked = QColorDialog::getColor(color().isValid() ? color() : QColor(Qt::white), this,
                                                 tr("Choose a colour"), QColorDialog::ShowAlphaChannel);
    if (!picked.isValid())
        return;
    setColor(picked);
    Q_EMIT editingFinished();
}

void ColorValueEditor::updateSwatch()
{
    QPixmap pixmap(16, 16);
    const QColor c = color();
    pixmap.fill(c.isValid() ? c : QColor(Qt::transparent));
    m_swatch->setIcon(QIcon(pixmap));
}

} // namespace helios::panels
