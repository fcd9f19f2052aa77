// SPDX-License-Identifier: Apache-2.0
#include "slate/lint/lint_config.h"

#include "slate/json_reader.h"

#include <QFile>

#include <cmath>

namespace helios::slate {

namespace {

class ConfigParser {
public:
    ConfigParser(const QString &file, Diagnostics &diagnostics)
        : m_file(file)
        , m_diagnostics(diagnostics)
    {
    }

    void error(const JsonValue &at, const QString &message, const QString &expected = {}, bool useKey = false)
    {
        Diagnostic d;
        d.kind = Diagnostic::Kind::Lint;
        d.rule = QStringLiteral("lint-config");
        d.file = m_file;
        d.position = useKey ? at.keyPosition() : at.position();
        d.message = message;
        d.expected = expected;
        if (!expected.isEmpty())
            d.found = at.toJsonText().left(80);
        m_diagnostics.push_back(std::move(d));
        m_ok = false;
    }

    bool ok() const { return m_ok; }

    void severity(const JsonValue &v, LintConfig::Severity &out)
    {
        if (v.isString()) {
            const QString &s = v.toString();
            if (s == QLatin1StringView("error")) {
                out = LintConfig::Severity::Error;
                return;
            }
            if (s == QLatin1StringView("warning")) {
                out = LintConfig::Severity::Warning;
                return;
            }
            if (s == QLatin1StringView("off")) {
                out = LintConfig::Severity::Off;
                return;
            }
        }
        error(v, QStringLiteral("bad severity"), QStringLiteral("\"error\", \"warning\" or \"off\""));
    }

    void number(const JsonValue &v, double &out, double lowest, double highest)
    {
        if (!v.isNumber() || !(v.toNumber() >= lowest && v.toNumber() <= highest)) {
            error(v, QStringLiteral("bad number"), QStringLiteral("a number from %1 to %2").arg(lowest).arg(highest));
            return;
        }
        out = v.toNumber();
    }

    void strings(const JsonValue &v, QStringList &out)
    {
        if (!v.isArray()) {
            error(v, QStringLiteral("bad list"), QStringLiteral("an array of strings"));
            return;
        }
        for (const JsonValue &item : v.children()) {
            if (!item.isString() || item.toString().isEmpty())
                error(item, QStringLiteral("bad list item"), QStringLiteral("a non-empty string"));
            else
                out.append(item.toString());
        }
    }

    void pattern(const JsonValue &v, QRegularExpression &out)
    {
        if (!v.isString()) {
            error(v, QStringLiteral("bad pattern"), QStringLiteral("a regular expression string"));
            return;
        }
        QRegularExpression re(v.toString());
        if (!re.isValid()) {
            error(v, QStringLiteral("bad pattern: %1 at offset %2").arg(re.errorString()).arg(re.patternErrorOffset()));
            return;
        }
        re.optimize();
        out = std::move(re);
    }

    // `options` handles a rule's own members; returns false for a member it does not know.
    template<typename Options>
    void rule(const JsonValue &v, LintConfig::Severity &severityOut, Options options)
    {
        if (v.isString()) {
            severity(v, severityOut);
            return;
        }
        if (!v.isObject()) {
            error(v, QStringLiteral("bad rule setting"), QStringLiteral("a severity string or an object"));
            return;
        }
        bool disabled = false;
        for (const JsonValue &member : v.children()) {
            const QString &key = member.key();
            if (key == QLatin1StringView("severity")) {
                severity(member, severityOut);
            } else if (key == QLatin1StringView("enabled")) {
                if (!member.isBool())
                    error(member, QStringLiteral("bad \"enabled\""), QStringLiteral("true or false"));
                else
                    disabled = !member.toBool();
            } else if (!options(member)) {
                error(member, QStringLiteral("unknown option \"%1\"").arg(key), {}, true);
            }
        }
        if (disabled)
            severityOut = LintConfig::Severity::Off;
    }

private:
    QString m_file;
    Diagnostics &m_diagnostics;
    bool m_ok = true;
};

} // namespace

LintConfig::Severity LintConfig::severity(Rule rule) const
{
    switch (rule) {
    case Rule::Contrast: return contrast.severity;
    case Rule::DuplicateValues: return duplicateValues.severity;
    case Rule::Naming: return naming.severity;
    case Rule::RequiredModes: return requiredModes.severity;
    case Rule::Gamut: return gamut.severity;
    }
    return Severity::Off;
}

QString LintConfig::ruleName(Rule rule)
{
    switch (rule) {
    case Rule::Contrast: return QStringLiteral("contrast");
    case Rule::DuplicateValues: return QStringLiteral("duplicate-values");
    case Rule::Naming: return QStringLiteral("naming");
    case Rule::RequiredModes: return QStringLiteral("required-modes");
    case Rule::Gamut: return QStringLiteral("gamut");
    }
    return {};
}

std::optional<LintConfig> LintConfig::parse(QByteArrayView utf8, const QString &fileName, Diagnostics &diagnostics)
{
    JsonReader::Result json = JsonReader::parse(utf8, fileName);
    const bool readOk = json.complete && !hasErrors(json.diagnostics);
    for (Diagnostic &d : json.diagnostics)
        diagnostics.push_back(std::move(d));
    if (!readOk)
        return std::nullopt;

    LintConfig config;
    config.file = fileName;
    ConfigParser p(fileName, diagnostics);
    const JsonValue &root = json.root;
    if (!root.isObject()) {
        p.error(root, QStringLiteral("bad lint config"), QStringLiteral("an object with \"rules\""));
        return std::nullopt;
    }
    for (const JsonValue &top : root.children()) {
        if (top.key() == QLatin1StringView("$schema"))
            continue;
        if (top.key() != QLatin1StringView("rules")) {
            p.error(top, QStringLiteral("unknown member \"%1\"").arg(top.key()), {}, true);
            continue;
        }
        if (!top.isObject()) {
            p.error(top, QStringLiteral("bad \"rules\""), QStringLiteral("an object of rule names"));
            continue;
        }
        for (const JsonValue &r : top.children()) {
            const QString &name = r.key();
            if (name == QLatin1StringView("contrast")) {
                p.rule(r, config.contrast.severity, [&](const JsonValue &o) {
                    if (o.key() == QLatin1StringView("min"))
                        p.number(o, config.contrast.min, 1, 21);
                    else if (o.key() == QLatin1StringView("largeMin"))
                        p.number(o, config.contrast.largeMin, 1, 21);
                    else
                        return false;
                    return true;
                });
            } else if (name == QLatin1StringView("duplicate-values")) {
                p.rule(r, config.duplicateValues.severity, [](const JsonValue &) { return false; });
            } else if (name == QLatin1StringView("naming")) {
                p.rule(r, config.naming.severity, [&](const JsonValue &o) {
                    if (o.key() != QLatin1StringView("pattern"))
                        return false;
                    p.pattern(o, config.naming.pattern);
                    return true;
                });
            } else if (name == QLatin1StringView("required-modes")) {
                p.rule(r, config.requiredModes.severity, [&](const JsonValue &o) {
                    if (o.key() == QLatin1StringView("groups"))
                        p.strings(o, config.requiredModes.groups);
                    else if (o.key() == QLatin1StringView("themes"))
                        p.strings(o, config.requiredModes.themes);
                    else
                        return false;
                    return true;
                });
            } else if (name == QLatin1StringView("gamut")) {
                p.rule(r, config.gamut.severity, [](const JsonValue &) { return false; });
            } else {
                p.error(r, QStringLiteral("unknown rule \"%1\"").arg(name),
                        QStringLiteral("contrast, duplicate-values, naming, required-modes or gamut"), true);
            }
        }
    }
    if (!p.ok())
        return std::nullopt;
    return config;
}

std::optional<LintConfig> LintConfig::load(const QString &path, Diagnostics &diagnostics)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        Diagnostic d;
        d.kind = Diagnostic::Kind::Io;
        d.file = path;
        d.message = QStringLiteral("cannot read the lint config: %1").arg(f.errorString());
        diagnostics.push_back(std::move(d));
        return std::nullopt;
    }
    return parse(f.readAll(), path, diagnostics);
}

} // namespace helios::slate
