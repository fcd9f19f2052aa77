// SPDX-License-Identifier: Apache-2.0
#include "spark/experts/source_template.h"

#include "spark/experts/source_text.h"
#include "spark/token_palette.h"

#include <QSet>

#include <array>
#include <utility>

namespace helios::spark::source {

namespace {

bool isKeyChar(QChar c)
{
    return (c >= u'A' && c <= u'Z') || (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'-' || c == u'_';
}

constexpr std::array<std::pair<TokenRole, QLatin1StringView>, 35> roleNames{{
    {TokenRole::Primary, QLatin1StringView("primary")},
    {TokenRole::PrimaryHover, QLatin1StringView("primary-hover")},
    {TokenRole::OnPrimary, QLatin1StringView("on-primary")},
    {TokenRole::Secondary, QLatin1StringView("secondary")},
    {TokenRole::OnSecondary, QLatin1StringView("on-secondary")},
    {TokenRole::Surface, QLatin1StringView("surface")},
    {TokenRole::SurfaceAlt, QLatin1StringView("surface-alt")},
    {TokenRole::Text, QLatin1StringView("text")},
    {TokenRole::TextMuted, QLatin1StringView("text-muted")},
    {TokenRole::Border, QLatin1StringView("border")},
    {TokenRole::Focus, QLatin1StringView("focus")},
    {TokenRole::Danger, QLatin1StringView("danger")},
    {TokenRole::OnDanger, QLatin1StringView("on-danger")},
    {TokenRole::Success, QLatin1StringView("success")},
    {TokenRole::Warning, QLatin1StringView("warning")},
    {TokenRole::Overlay, QLatin1StringView("overlay")},
    {TokenRole::SpaceXs, QLatin1StringView("space-xs")},
    {TokenRole::SpaceSm, QLatin1StringView("space-sm")},
    {TokenRole::SpaceMd, QLatin1StringView("space-md")},
    {TokenRole::SpaceLg, QLatin1StringView("space-lg")},
    {TokenRole::SpaceXl, QLatin1StringView("space-xl")},
    {TokenRole::RadiusSm, QLatin1StringView("radius-sm")},
    {TokenRole::RadiusMd, QLatin1StringView("radius-md")},
    {TokenRole::RadiusFull, QLatin1StringView("radius-full")},
    {TokenRole::FontSizeSm, QLatin1StringView("font-size-sm")},
    {TokenRole::FontSizeMd, QLatin1StringView("font-size-md")},
    {TokenRole::FontSizeLg, QLatin1StringView("font-size-lg")},
    {TokenRole::FontSizeXl, QLatin1StringView("font-size-xl")},
    {TokenRole::FontFamilyBody, QLatin1StringView("font-family-body")},
    {TokenRole::FontFamilyHeading, QLatin1StringView("font-family-heading")},
    {TokenRole::FontWeightRegular, QLatin1StringView("font-weight-regular")},
    {TokenRole::FontWeightBold, QLatin1StringView("font-weight-bold")},
    {TokenRole::Shadow, QLatin1StringView("shadow")},
    {TokenRole::DurationFast, QLatin1StringView("duration-fast")},
    {TokenRole::BorderWidth, QLatin1StringView("border-width")},
}};

} // namespace

QString fill(QStringView text, const QHash<QString, QString> &values)
{
    QString out;
    out.reserve(text.size() + text.size() / 4);
    qsizetype i = 0;
    while (i < text.size()) {
        const QChar c = text[i];
        if (c == u'@') {
            qsizetype end = i + 1;
            while (end < text.size() && isKeyChar(text[end]))
                ++end;
            if (end < text.size() && end > i + 1 && text[end] == u'@') {
                const auto found = values.constFind(text.mid(i + 1, end - i - 1).toString());
                if (found != values.constEnd()) {
                    out += *found;
                    i = end + 1;
                    continue;
                }
            }
        }
        out += c;
        ++i;
    }
    return out;
}

QHash<QString, QString> paletteValues(const TokenPalette &palette)
{
    QHash<QString, QString> values;
    values.reserve(int(roleNames.size()) + 16);
    for (const auto &[role, name] : roleNames)
        values.insert(QString(name), palette.css(role));
    return values;
}

QString words(const QString &pascalName)
{
    QString out;
    for (qsizetype i = 0; i < pascalName.size(); ++i) {
        const QChar c = pascalName[i];
        if (i > 0 && c.isUpper() && !pascalName[i - 1].isUpper()) {
            out += QLatin1Char(' ');
            out += c.toLower();
        } else {
            out += c;
        }
    }
    return out;
}

QString stringArray(const QStringList &values)
{
    QStringList literals;
    literals.reserve(values.size());
    for (const QString &value : values)
        literals.append(stringLiteral(value));
    return QLatin1Char('[') + literals.join(QLatin1StringView(", ")) + QLatin1Char(']');
}

bool mentions(const ComponentRequest &request, std::initializer_list<QLatin1StringView> needles)
{
    const QString prompt = request.prompt.toLower() + QLatin1Char(' ') + request.name.toLower();
    for (const QLatin1StringView needle : needles) {
        qsizetype from = 0;
        while ((from = prompt.indexOf(needle, from)) >= 0) {
            if (from == 0 || !prompt[from - 1].isLetterOrNumber())
                return true;
            from += needle.size();
        }
    }
    return false;
}

QStringList choose(const QStringList &requested, const QStringList &known, const QStringList &fallback,
                   const QString &what, QStringList &notes)
{
    QStringList chosen;
    QStringList ignored;
    for (const QString &value : requested) {
        const QString lower = value.toLower();
        if (known.contains(lower)) {
            if (!chosen.contains(lower))
                chosen.append(lower);
        } else {
            ignored.append(value);
        }
    }
    if (!ignored.isEmpty())
        notes.append(QStringLiteral("%1 not supported, left out: %2").arg(what, ignored.join(QLatin1StringView(", "))));
    if (chosen.isEmpty()) {
        if (!requested.isEmpty() || !fallback.isEmpty())
            notes.append(QStringLiteral("%1: %2 (default)").arg(what, fallback.join(QLatin1StringView(", "))));
        return fallback;
    }
    return chosen;
}

QString subjectLabel(const ComponentRequest &request)
{
    static const QSet<QString> controlNouns = {QStringLiteral("button"), QStringLiteral("icon"), QStringLiteral("link"),
                                               QStringLiteral("field"),  QStringLiteral("input"), QStringLiteral("toggle")};
    QStringList parts = request.subject.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (parts.size() > 1 && controlNouns.contains(parts.constLast().toLower()))
        parts.removeLast();
    QString label = parts.join(QLatin1Char(' '));
    if (!label.isEmpty())
        label[0] = label[0].toUpper();
    return label;
}

QStringList itemsOf(const ComponentRequest &request, const QString &stem, int defaultCount, int max, QStringList &notes)
{
    QStringList items = !request.items.isEmpty() ? request.items : request.labels;
    if (!items.isEmpty()) {
        if (items.size() > max) {
            notes.append(QStringLiteral("%1 entries named; the first %2 kept").arg(items.size()).arg(max));
            items = items.mid(0, max);
        }
        return items;
    }
    const int count = qBound(1, request.count > 0 ? request.count : defaultCount, max);
    if (count == 1 && !subjectLabel(request).isEmpty())
        return {subjectLabel(request)};
    notes.append(QStringLiteral("no entries named: %1 numbered ones (\"%2 1\"...)").arg(count).arg(stem));
    if (request.count > max)
        notes.append(QStringLiteral("%1 entries asked for; %2 generated").arg(request.count).arg(max));
    for (int i = 1; i <= count; ++i)
        items.append(stem + QLatin1Char(' ') + QString::number(i));
    return items;
}

} // namespace helios::spark::source
