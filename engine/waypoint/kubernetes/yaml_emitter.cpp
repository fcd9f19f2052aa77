// SPDX-License-Identifier: Apache-2.0
// toYamlStream: JSON values as block-style YAML, the way kubectl users read manifests.
// Our own emitter rather than a YAML library: we only ever write JSON values, and the
// output must be byte-stable for the same input (the dry run's files are diffed and
// committed), which a tiny emitter with fixed rules guarantees.
#include "waypoint/kubernetes/kubernetes_manifests.h"

#include <QJsonArray>
#include <QJsonValue>
#include <QStringList>

#include <algorithm>
#include <cmath>

namespace helios::waypoint {

namespace {

// Keys a reader looks for first come first, in this order; every other key follows in
// QJsonObject's (sorted) order. QJsonObject keeps no insertion order, so the order is a
// rule of the emitter and does not depend on how the builder inserted the keys.
int keyRank(const QString &key)
{
    static const QStringList leading = {QStringLiteral("apiVersion"), QStringLiteral("kind"),
                                        QStringLiteral("metadata"),   QStringLiteral("name"),
                                        QStringLiteral("namespace"),  QStringLiteral("spec")};
    const auto rank = leading.indexOf(key);
    return rank < 0 ? int(leading.size()) : int(rank);
}

QStringList orderedKeys(const QJsonObject &object)
{
    QStringList keys = object.keys(); // sorted
    std::stable_sort(keys.begin(), keys.end(),
                     [](const QString &a, const QString &b) { return keyRank(a) < keyRank(b); });
    return keys;
}

bool isReservedWord(const QString &lower)
{
    // YAML 1.1 booleans and null (what older parsers, and Kubernetes' own, still accept)
    // and the 1.2 core schema's special floats.
    static const QStringList words = {
        QStringLiteral("true"), QStringLiteral("false"), QStringLiteral("yes"),  QStringLiteral("no"),
        QStringLiteral("on"),   QStringLiteral("off"),   QStringLiteral("y"),    QStringLiteral("n"),
        QStringLiteral("null"), QStringLiteral("~"),     QStringLiteral(".inf"), QStringLiteral("-.inf"),
        QStringLiteral("+.inf"), QStringLiteral(".nan")};
    return words.contains(lower);
}

// Whether a plain (unquoted) scalar would be read back as something other than this
// string. Errs on the side of quoting: a quoted string that did not need it is still
// the same string.
bool needsQuotes(const QString &text)
{
    if (text.isEmpty() || isReservedWord(text.toLower()))
        return true;
    const QChar first = text.front();
    // Numbers in any notation (1, -1, 1.5, .5, 1e3, 0x1f, 0o7, 1_000, 1:20 sexagesimal),
    // dates and versions like 1.4 all start like this.
    if (first.isDigit())
        return true;
    if ((first == u'-' || first == u'+' || first == u'.') && text.size() > 1
        && (text.at(1).isDigit() || text.at(1) == u'.'))
        return true;
    // Indicators that start something else than a plain scalar.
    if (QStringLiteral("-?:,[]{}#&*!|>'\"%@`").contains(first))
        return true;
    if (first.isSpace() || text.back().isSpace() || text.endsWith(u':'))
        return true;
    if (text.contains(QStringLiteral(": ")) || text.contains(QStringLiteral(" #")))
        return true;
    return std::any_of(text.cbegin(), text.cend(), [](QChar c) { return c.unicode() < 0x20 || c.unicode() == 0x7f; });
}

QString doubleQuoted(const QString &text)
{
    QString out = QStringLiteral("\"");
    for (const QChar c : text) {
        switch (c.unicode()) {
        case u'"': out += QStringLiteral("\\\""); break;
        case u'\\': out += QStringLiteral("\\\\"); break;
        case u'\n': out += QStringLiteral("\\n"); break;
        case u'\t': out += QStringLiteral("\\t"); break;
        case u'\r': out += QStringLiteral("\\r"); break;
        default:
            if (c.unicode() < 0x20 || c.unicode() == 0x7f)
                out += QStringLiteral("\\x%1").arg(c.unicode(), 2, 16, QLatin1Char('0'));
            else
                out += c;
        }
    }
    return out + QLatin1Char('"');
}

QString stringScalar(const QString &text)
{
    return needsQuotes(text) ? doubleQuoted(text) : text;
}

QString numberScalar(double value)
{
    if (std::isfinite(value) && value == std::floor(value) && std::fabs(value) < 9007199254740992.0)
        return QString::number(qint64(value));
    if (std::isnan(value))
        return QStringLiteral(".nan");
    if (std::isinf(value))
        return value > 0 ? QStringLiteral(".inf") : QStringLiteral("-.inf");
    return QString::number(value, 'g', 17);
}

// A scalar or an empty collection: what fits on the line of its key.
bool isInline(const QJsonValue &value)
{
    if (value.isObject())
        return value.toObject().isEmpty();
    if (value.isArray())
        return value.toArray().isEmpty();
    return true;
}

QString inlineValue(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Object: return QStringLiteral("{}");
    case QJsonValue::Array: return QStringLiteral("[]");
    case QJsonValue::Bool: return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double: return numberScalar(value.toDouble());
    case QJsonValue::String: return stringScalar(value.toString());
    case QJsonValue::Null:
    case QJsonValue::Undefined: break;
    }
    return QStringLiteral("null");
}

class Writer {
public:
    QString out;

    // A mapping whose first line continues `firstPrefix` (a "- " of a sequence item) and
    // whose other lines start with `indent` spaces.
    void mapping(const QJsonObject &object, int indent, const QString &firstPrefix = {})
    {
        bool first = true;
        for (const QString &key : orderedKeys(object)) {
            out += first && !firstPrefix.isNull() ? firstPrefix : QString(indent, u' ');
            first = false;
            out += stringScalar(key) + QLatin1Char(':');
            value(object.value(key), indent);
        }
    }

    // Sequences sit two spaces deeper than their key: "ports:\n  - name: http".
    void sequence(const QJsonArray &array, int indent)
    {
        const QString dash = QString(indent, u' ') + QStringLiteral("- ");
        for (const QJsonValue &item : array) {
            if (item.isObject() && !item.toObject().isEmpty()) {
                mapping(item.toObject(), indent + 2, dash);
            } else if (item.isArray() && !item.toArray().isEmpty()) {
                out += dash.chopped(1) + QLatin1Char('\n');
                sequence(item.toArray(), indent + 2);
            } else {
                out += dash + inlineValue(item) + QLatin1Char('\n');
            }
        }
    }

    // The value of a key at `indent`, written after its "key:".
    void value(const QJsonValue &v, int indent)
    {
        if (isInline(v)) {
            out += QLatin1Char(' ') + inlineValue(v) + QLatin1Char('\n');
        } else if (v.isObject()) {
            out += QLatin1Char('\n');
            mapping(v.toObject(), indent + 2);
        } else {
            out += QLatin1Char('\n');
            sequence(v.toArray(), indent + 2);
        }
    }
};

} // namespace

QByteArray toYamlStream(const QList<QJsonObject> &objects)
{
    Writer writer;
    for (qsizetype i = 0; i < objects.size(); ++i) {
        if (i > 0)
            writer.out += QStringLiteral("---\n");
        if (objects.at(i).isEmpty())
            writer.out += QStringLiteral("{}\n");
        else
            writer.mapping(objects.at(i), 0);
    }
    return writer.out.toUtf8();
}

} // namespace helios::waypoint
