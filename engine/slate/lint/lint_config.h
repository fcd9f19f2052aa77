// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "slate/diagnostic.h"

#include <QByteArrayView>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

#include <optional>

namespace helios::slate {

// Which lint rules run, how loudly, and with what options. Read from a lint config file:
//
//   { "rules": {
//       "contrast":         { "severity": "error", "min": 4.5, "largeMin": 3 },
//       "duplicate-values": "warning",
//       "naming":           { "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$" },
//       "required-modes":   { "groups": ["color"], "themes": ["dark"] },
//       "gamut":            { "enabled": false } } }
//
// A rule is a severity string ("error", "warning", "off") or an object with "severity",
// "enabled" and the rule's options. Rules left out keep their defaults.
struct LintConfig {
    enum class Severity { Off, Warning, Error };
    enum class Rule { Contrast, DuplicateValues, Naming, RequiredModes, Gamut };
    static constexpr int ruleCount = 5;

    struct Contrast {
        Severity severity = Severity::Error;
        double min = 4.5;      // WCAG AA, normal text
        double largeMin = 3.0; // WCAG AA, large text (a pair marked "large": true)
    };
    struct DuplicateValues {
        Severity severity = Severity::Warning;
    };
    struct Naming {
        Severity severity = Severity::Warning;
        QRegularExpression pattern{QStringLiteral("^[a-z0-9]+(-[a-z0-9]+)*$")}; // each path segment
    };
    struct RequiredModes {
        Severity severity = Severity::Error;
        QStringList groups; // dotted group paths whose every token each theme must override
        QStringList themes; // theme names, as given with --theme-layer
    };
    struct Gamut {
        Severity severity = Severity::Warning;
    };

    Contrast contrast;
    DuplicateValues duplicateValues;
    Naming naming;
    RequiredModes requiredModes;
    Gamut gamut;
    QString file; // the config file, for locating findings about the config itself

    Severity severity(Rule rule) const;
    static QString ruleName(Rule rule); // "duplicate-values"

    // Reads a config. Every problem (bad JSON, unknown rule or option, bad severity, a
    // regular expression that does not compile) is reported, located, in `diagnostics`;
    // nullopt when there was any.
    static std::optional<LintConfig> parse(QByteArrayView utf8, const QString &fileName, Diagnostics &diagnostics);
    static std::optional<LintConfig> load(const QString &path, Diagnostics &diagnostics);
};

} // namespace helios::slate
