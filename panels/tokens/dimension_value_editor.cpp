// SPDX-License-Identifier: Apache-2.0
#include "dimension_value_editor.h"

#include "slate/json_reader.h"
#include "slate/value_validator.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QHBoxLayout>

namespace helios::panels {

DimensionValueEditor::DimensionValueEditor(QWidget *parent)
    : TokenValueEditor(parent), m_number(new QDoubleSpinBox(this)), m_unit(new QComboBox(this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    m_number->setObjectName(QStringLiteral("dimensionNumber"));
    m_number->setRange(-100000, 100000);
    m_number->setDecimals(3);
    m_unit->setObjectName(QStringLiteral("dimensionUnit"));
    m_unit->addItems({QStringLiteral("px"), QStringLiteral("rem")});
    layout->addWidget(m_number, 1);
    layout->addWidget(m_unit);
    setFocusProxy(m_number);
}

QString DimensionValueEditor::valueText() const
{
    const QString number = slate::formatJsonNumber(m_number->value());
    if (m_objectForm)
        return QStringLiteral("{\"value\": %1, \"unit\": \"%2\"}").arg(number, m_unit->currentText());
    return number + m_unit->currentText();
}

void DimensionValueEditor::setValueText(const QString &text)
{
    double number = 0;
    QString unit = QStringLiteral("px");
    m_objectForm = text.trimmed().startsWith(QLatin1Char('{'));
    if (m_objectForm) {
        const auto parsed = slate::JsonReader::parse(text.toUtf8(), {});
        const slate::JsonValue *v = parsed.root.member(QStringLiteral("value"));
        const slate::JsonValue *u = parsed.root.member(QStringLiteral("unit"));
        if (v && v->isNumber())
            number = v->toNumber();
        if (u && u->isString())
            unit = u->toString();
    } else {
        QStringView unitView;
        if (slate::ValueValidator::splitNumberAndUnit(text.trimmed(), number, unitView))
            unit = unitView.toString();
    }
    m_number->setValue(number);
    if (m_unit->findText(unit) < 0)
        m_unit->addItem(unit);
    m_unit->setCurrentText(unit);
}

} // namespace helios::panels
