// SPDX-License-Identifier: Apache-2.0
#include "font_value_editor.h"

#include "slate/json_reader.h"

#include <QComboBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLineEdit>

namespace helios::panels {

FontValueEditor::FontValueEditor(Mode mode, QWidget *parent) : TokenValueEditor(parent), m_mode(mode), m_combo(new QComboBox(this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_combo->setObjectName(mode == Mode::Family ? QStringLiteral("fontFamilyCombo") : QStringLiteral("fontWeightCombo"));
    m_combo->setEditable(true);
    m_combo->setInsertPolicy(QComboBox::NoInsert);
    if (mode == Mode::Family) {
        m_combo->addItems({QStringLiteral("system-ui"), QStringLiteral("sans-serif"), QStringLiteral("serif"),
                           QStringLiteral("monospace")});
        m_combo->addItems(QFontDatabase::families());
    } else {
        for (int w = 100; w <= 900; w += 100)
            m_combo->addItem(QString::number(w));
        m_combo->addItems({QStringLiteral("thin"), QStringLiteral("light"), QStringLiteral("normal"),
                           QStringLiteral("medium"), QStringLiteral("semi-bold"), QStringLiteral("bold"),
                           QStringLiteral("black")});
    }
    layout->addWidget(m_combo);
    setFocusProxy(m_combo);
    connect(m_combo->lineEdit(), &QLineEdit::returnPressed, this, &TokenValueEditor::editingFinished);
}

QString FontValueEditor::valueText() const
{
    const QString text = m_combo->currentText().trimmed();
    if (m_mode == Mode::Weight || !text.contains(QLatin1Char(',')) || text.startsWith(QLatin1Char('[')))
        return text;
    QString json = QStringLiteral("[");
    const QStringList names = text.split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (qsizetype i = 0; i < names.size(); ++i) {
        if (i)
            json += QStringLiteral(", ");
        slate::appendJsonString(json, names[i].trimmed());
    }
    return json + QLatin1Char(']');
}

void FontValueEditor::setValueText(const QString &text)
{
    QString shown = text;
    // An array stack is shown as the comma list people write in CSS.
    if (m_mode == Mode::Family && text.startsWith(QLatin1Char('['))) {
        const auto parsed = slate::JsonReader::parse(text.toUtf8(), {});
        QStringList names;
        for (const slate::JsonValue &v : parsed.root.children())
            names.append(v.toString());
        shown = names.join(QStringLiteral(", "));
    }
    m_combo->setEditText(shown);
}

} // namespace helios::panels
