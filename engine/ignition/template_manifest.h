// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace helios::ignition {

// One parameter a template declares. Values are strings; a bool is "true" or "false".
struct TemplateParameter {
    enum class Type { String, Enum, Bool };

    QString name;
    Type type = Type::String;
    bool required = false;
    QString defaultValue;      // used when not given and not required
    QString pattern;           // string: a regular expression the whole value must match
    QStringList choices;       // enum: the accepted values
    QString description;
};

// A value computed from others after validation:
//   {"name": "packageName", "when": "scope", "value": "{{scope}}/{{name}}", "otherwise": "{{name}}"}
// `value` is used when the value named by `when` is non-empty and not "false" (or when
// there is no `when`), `otherwise` else. Both are templated with the parameters, the
// built-in values and the derived values declared before this one.
struct DerivedValue {
    QString name;
    QString when;
    QString value;
    QString otherwise;
};

// One step of a scaffold, run in order; the first that fails aborts the whole run.
struct TemplateStep {
    enum class Type {
        Render,         // write the rendered files into the target (always first)
        GitInitCommit,  // git init (branch main), add everything, first commit
        NpmInstall,     // npm install --no-audit --no-fund; skipped when installing is off
        Command,        // run `argv` (templated) in the project; non-zero exit fails
    };

    Type type = Type::Render;
    QString description;
    QString message;           // git-init-commit: commit message (templated)
    QString authorName;        // git-init-commit: templated; empty means "Helios"
    QString authorEmail;       // git-init-commit: templated; empty means "helios@localhost"
    QStringList argv;          // command
};

QString stepTypeName(TemplateStep::Type type);

// The template.json at a template's root: what the template is, the parameters it takes,
// values derived from them, files copied untouched and the steps of a scaffold.
class TemplateManifest {
public:
    // Reads and checks a manifest. Every problem found (unknown keys, a bad type, a
    // pattern that does not compile, a default outside the choices, steps out of order…)
    // is listed in one InvalidArgument error, one line each; context is `fileName`.
    static Result<TemplateManifest> parse(const QByteArray &json, const QString &fileName);

    // Built-in values every template may use: "year" (the current UTC year).
    static QMap<QString, QString> builtInValues();

    // Each problem with `given` as one English line: unknown parameter, bad enum value,
    // pattern mismatch, bad bool, missing required parameter. Empty when all is well.
    QStringList parameterProblems(const QMap<QString, QString> &given) const;

    // The parameters with defaults filled in and bools normalised ("yes" -> "true").
    // Fails with InvalidArgument listing every parameterProblems() line.
    Result<QMap<QString, QString>> resolveParameters(const QMap<QString, QString> &given) const;

    // Parameters, built-in values and derived values: what {{placeholders}} may name.
    // Fails only if a derived value names something unknown (parse() rules that out).
    Result<QMap<QString, QString>> values(const QMap<QString, QString> &resolvedParameters) const;

    QString name;
    QString description;
    QList<TemplateParameter> parameters;
    QList<DerivedValue> derived;
    QString projectName;       // templated; the project's name in the Store
    QStringList verbatim;      // globs of files copied without templating
    QList<TemplateStep> steps;

    const TemplateParameter *parameter(const QString &name) const;
};

} // namespace helios::ignition
