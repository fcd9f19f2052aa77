// SPDX-License-Identifier: Apache-2.0
#include "spark/experts/composed_parts.h"

#include "spark/experts/source_text.h"

#include <algorithm>

namespace helios::spark::source {

namespace {

QStringList defaultLabels(ExpertFamily family, int count)
{
    QStringList labels;
    if (family == ExpertFamily::Button) {
        if (count == 1)
            return {QStringLiteral("Learn more")};
        labels = {QStringLiteral("Confirm"), QStringLiteral("Cancel")};
    } else if (family == ExpertFamily::TextField) {
        labels = {QStringLiteral("Name"), QStringLiteral("Email")};
    } else if (family == ExpertFamily::Select) {
        labels = {QStringLiteral("Choose an option")};
    } else if (family == ExpertFamily::Choice) {
        labels = {QStringLiteral("Options")};
    }
    const QString stem = family == ExpertFamily::Button ? QStringLiteral("Action %1") : QStringLiteral("Field %1");
    while (labels.size() < count)
        labels.append(stem.arg(labels.size() + 1));
    return labels.mid(0, count);
}

} // namespace

const PartUse *ComposedParts::find(ExpertFamily family) const
{
    for (const PartUse &use : uses) {
        if (use.family == family)
            return &use;
    }
    return nullptr;
}

ComposedParts composeParts(const QList<ComposedPart> &requested, std::initializer_list<ExpertFamily> accepted,
                           const QString &parent, const ExpertContext &context, QStringList &notes, ExpertFamily ensure,
                           int ensureCount)
{
    constexpr int maxInstances = 6;
    QList<ComposedPart> parts;
    for (const ComposedPart &part : requested) {
        if (std::find(accepted.begin(), accepted.end(), part.family) == accepted.end()) {
            notes.append(QStringLiteral("%1 parts are not composed here: left out").arg(QString(familyInfo(part.family).id)));
            continue;
        }
        parts.append(part);
    }
    if (ensureCount > 0) {
        const bool present = std::any_of(parts.cbegin(), parts.cend(), [&](const ComposedPart &p) { return p.family == ensure; });
        if (!present) {
            ComposedPart part;
            part.family = ensure;
            part.count = ensureCount;
            parts.append(part);
        }
    }

    ComposedParts out;
    for (ComposedPart part : parts) {
        if (part.count > maxInstances) {
            notes.append(QStringLiteral("%1 %2 parts asked for; %3 composed").arg(part.count).arg(QString(familyInfo(part.family).id)).arg(maxInstances));
            part.count = maxInstances;
        }
        part.count = qMax(part.count, 1);
        QStringList labels = part.labels.mid(0, part.count);
        if (labels.size() < part.count) {
            const QStringList defaults = defaultLabels(part.family, part.count);
            for (qsizetype i = labels.size(); i < part.count; ++i)
                labels.append(defaults[i]);
            notes.append(QStringLiteral("%1 labels assumed: %2").arg(QString(familyInfo(part.family).id), labels.join(QLatin1StringView(", "))));
        }
        part.labels = labels;
        QString name = QString(familyInfo(part.family).defaultName);
        if (name == parent)
            name = parent + name;
        const GeneratedComponent generated = context.composePart(part, name, parent);
        out.files += generated.files;
        out.names.append(generated.name);
        out.imports += QStringLiteral("import { %1 } from './%1';\n").arg(generated.name);
        out.uses.append({part.family, generated.name, labels});
    }
    return out;
}

QString partElement(const PartUse &use, int index, const QString &attributes)
{
    const QString label = use.labels.value(index);
    const QString extra = attributes.isEmpty() ? QString() : QLatin1Char(' ') + attributes;
    switch (use.family) {
    case ExpertFamily::Button:
        return QStringLiteral("<%1 variant=\"%2\"%3>%4</%1>")
            .arg(use.name, index == 0 ? QStringLiteral("primary") : QStringLiteral("secondary"), extra, jsxText(label));
    case ExpertFamily::Choice:
        return QStringLiteral("<%1 legend={%2}%3 />").arg(use.name, stringLiteral(label), extra);
    default:
        return QStringLiteral("<%1 label={%2}%3 />").arg(use.name, stringLiteral(label), extra);
    }
}

} // namespace helios::spark::source
