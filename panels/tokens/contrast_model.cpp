// SPDX-License-Identifier: Apache-2.0
#include "contrast_model.h"

#include "slate/css_value_writer.h"
#include "slate/token_set.h"

#include <QBrush>
#include <QSet>

#include <cmath>

namespace helios::panels {

namespace {

double channel(double c)
{
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

double luminance(const QColor &c)
{
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}

// Names that mark the two sides of a pair among siblings.
const QStringList foregroundNames{QStringLiteral("fg"), QStringLiteral("foreground"), QStringLiteral("text")};
const QStringList backgroundNames{QStringLiteral("bg"), QStringLiteral("background"), QStringLiteral("surface")};

QString stripBraces(QString path)
{
    if (path.startsWith(QLatin1Char('{')) && path.endsWith(QLatin1Char('}')))
        path = path.mid(1, path.size() - 2);
    return path;
}

} // namespace

double ContrastModel::contrastRatio(const QColor &foreground, const QColor &background)
{
    const double a = luminance(foreground);
    const double b = luminance(background);
    return (std::max(a, b) + 0.05) / (std::min(a, b) + 0.05);
}

void ContrastModel::compute(Row &row) const
{
    row.ratio = 0;
    auto colorOf = [this](const QString &path) {
        const slate::Token *t = m_set ? m_set->find(path) : nullptr;
        if (!t || !t->resolved || t->type != slate::TokenType::Color)
            return QColor();
        return QColor::fromString(slate::CssValueWriter::write(t->type, t->resolvedValue));
    };
    row.fg = colorOf(row.foreground);
    row.bg = colorOf(row.background);
    if (row.fg.isValid() && row.bg.isValid())
        row.ratio = contrastRatio(row.fg, row.bg);
}

void ContrastModel::refresh(const slate::TokenSet &set)
{
    beginResetModel();
    m_set = &set;
    m_rows.clear();
    QSet<QString> seen;
    auto add = [this, &seen](const QString &fg, const QString &bg) {
        if (fg == bg || seen.contains(fg + QLatin1Char('\n') + bg))
            return;
        seen.insert(fg + QLatin1Char('\n') + bg);
        Row row{fg, bg, {}, {}, 0};
        compute(row);
        m_rows.push_back(std::move(row));
    };
    for (const slate::Token &t : set.tokens()) {
        if (t.type != slate::TokenType::Color)
            continue;
        const slate::JsonValue *declared = t.extensions ? t.extensions->member(QStringLiteral("io.helios.contrast")) : nullptr;
        if (declared) {
            const std::vector<slate::JsonValue> single{*declared};
            for (const slate::JsonValue &entry : declared->isArray() ? declared->children() : single) {
                const slate::JsonValue *against = entry.member(QStringLiteral("against"));
                if (against && against->isString())
                    add(t.path, stripBraces(against->toString()));
            }
        }
        const qsizetype dot = t.path.lastIndexOf(QLatin1Char('.'));
        const QString name = t.path.mid(dot + 1);
        const qsizetype side = foregroundNames.indexOf(name);
        if (side >= 0) {
            const QString prefix = t.path.left(dot + 1);
            for (const QString &bgName : backgroundNames) {
                if (set.indexOf(prefix + bgName) >= 0) {
                    add(t.path, prefix + bgName);
                    break;
                }
            }
        }
    }
    for (const auto &[fg, bg] : m_userPairs)
        add(fg, bg);
    endResetModel();
}

void ContrastModel::addPair(const QString &foreground, const QString &background)
{
    m_userPairs.emplace_back(foreground, background);
    if (m_set)
        refresh(*m_set);
}

int ContrastModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(m_rows.size()); }
int ContrastModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant ContrastModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows[size_t(index.row())];
    const bool known = row.ratio > 0;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Foreground: return row.foreground;
        case Background: return row.background;
        case Ratio: return known ? tr("%1:1").arg(row.ratio, 0, 'f', 2) : tr("n/a");
        case AA: return known ? (row.ratio >= 4.5 ? tr("pass") : tr("fail")) : QString();
        case AAA: return known ? (row.ratio >= 7.0 ? tr("pass") : tr("fail")) : QString();
        }
        break;
    case Qt::DecorationRole:
        if (index.column() == Foreground && row.fg.isValid())
            return row.fg;
        if (index.column() == Background && row.bg.isValid())
            return row.bg;
        break;
    case Qt::BackgroundRole:
        // A sample of the pair itself in the ratio cell.
        if (index.column() == Ratio && known)
            return QBrush(row.bg);
        break;
    case Qt::ForegroundRole:
        if (index.column() == Ratio && known)
            return QBrush(row.fg);
        if ((index.column() == AA || index.column() == AAA) && known) {
            const bool pass = row.ratio >= (index.column() == AA ? 4.5 : 7.0);
            return QBrush(pass ? QColor(0x2e, 0x7d, 0x32) : QColor(0xc6, 0x28, 0x28));
        }
        break;
    case Qt::UserRole: return row.ratio;
    default: break;
    }
    return {};
}

QVariant ContrastModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Foreground: return tr("Foreground");
    case Background: return tr("Background");
    case Ratio: return tr("Contrast");
    case AA: return tr("AA (4.5)");
    case AAA: return tr("AAA (7)");
    }
    return {};
}

} // namespace helios::panels
