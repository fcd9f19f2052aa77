// SPDX-License-Identifier: Apache-2.0
#include "ignition/template_manifest.h"

#include "ignition/template_renderer.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

namespace helios::ignition {

namespace {

const QRegularExpression &identifier()
{
    static const QRegularExpression re(QStringLiteral("\\A[A-Za-z_][A-Za-z0-9_]*\\z"));
    return re;
}

QRegularExpression wholeMatch(const QString &pattern)
{
    return QRegularExpression(QStringLiteral("\\A(?:") + pattern + QStringLiteral(")\\z"));
}

// Keys outside `allowed` are typos more often than extensions: each is a problem.
void checkKeys(const QJsonObject &object, const QStringList &allowed, const QString &where, QStringList &problems)
{
    for (auto it = object.begin(); it != object.end(); ++it)
        if (!allowed.contains(it.key()))
            problems << QStringLiteral("%1: unknown key \"%2\" (expected one of %3)")
                            .arg(where, it.key(), allowed.join(QStringLiteral(", ")));
}

QString stringField(const QJsonObject &object, const QString &key, const QString &where, QStringList &problems)
{
    const QJsonValue v = object.value(key);
    if (v.isUndefined())
        return {};
    if (!v.isString()) {
        problems << QStringLiteral("%1: \"%2\" must be a string").arg(where, key);
        return {};
    }
    return v.toString();
}

std::optional<QString> normalisedBool(const QString &text)
{
    const QString t = text.trimmed().toLower();
    if (t == u"true" || t == u"yes" || t == u"1" || t == u"on")
        return QStringLiteral("true");
    if (t == u"false" || t == u"no" || t == u"0" || t == u"off")
        return QStringLiteral("false");
    return std::nullopt;
}

// A problem with `value` for `p`, or an empty string.
QString valueProblem(const TemplateParameter &p, const QString &value)
{
    switch (p.type) {
    case TemplateParameter::Type::Bool:
        if (!normalisedBool(value))
            return QStringLiteral("parameter \"%1\": \"%2\" is not a bool (true/false, yes/no, 1/0)").arg(p.name, value);
        break;
    case TemplateParameter::Type::Enum:
        if (!p.choices.contains(value))
            return QStringLiteral("parameter \"%1\": \"%2\" is not one of %3")
                .arg(p.name, value, p.choices.join(QStringLiteral(", ")));
        break;
    case TemplateParameter::Type::String:
        break;
    }
    if (!p.pattern.isEmpty() && !wholeMatch(p.pattern).match(value).hasMatch())
        return QStringLiteral("parameter \"%1\": \"%2\" does not match the pattern %3%4")
            .arg(p.name, value, p.pattern,
                 p.description.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(p.description));
    return {};
}

void parseParameter(const QJsonValue &value, int index, TemplateManifest &m, QSet<QString> &names, QStringList &problems)
{
    const QString where = QStringLiteral("parameters[%1]").arg(index);
    if (!value.isObject()) {
        problems << where + QStringLiteral(": must be an object");
        return;
    }
    const QJsonObject o = value.toObject();
    checkKeys(o, {QStringLiteral("name"), QStringLiteral("type"), QStringLiteral("required"), QStringLiteral("default"),
                  QStringLiteral("pattern"), QStringLiteral("choices"), QStringLiteral("description")},
              where, problems);
    TemplateParameter p;
    p.name = stringField(o, QStringLiteral("name"), where, problems);
    if (!identifier().match(p.name).hasMatch())
        problems << QStringLiteral("%1: name \"%2\" must be an identifier ([A-Za-z_][A-Za-z0-9_]*)").arg(where, p.name);
    else if (names.contains(p.name))
        problems << QStringLiteral("%1: \"%2\" is declared twice").arg(where, p.name);
    names.insert(p.name);

    const QString type = o.contains(QStringLiteral("type")) ? stringField(o, QStringLiteral("type"), where, problems)
                                                             : QStringLiteral("string");
    if (type == u"string")
        p.type = TemplateParameter::Type::String;
    else if (type == u"enum")
        p.type = TemplateParameter::Type::Enum;
    else if (type == u"bool")
        p.type = TemplateParameter::Type::Bool;
    else
        problems << QStringLiteral("%1: type \"%2\" is not string, enum or bool").arg(where, type);

    const QJsonValue required = o.value(QStringLiteral("required"));
    if (!required.isUndefined() && !required.isBool())
        problems << where + QStringLiteral(": \"required\" must be true or false");
    p.required = required.toBool(false);

    const QJsonValue def = o.value(QStringLiteral("default"));
    if (def.isString())
        p.defaultValue = def.toString();
    else if (def.isBool())
        p.defaultValue = def.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    else if (!def.isUndefined())
        problems << where + QStringLiteral(": \"default\" must be a string or a bool");
    if (p.required && !def.isUndefined())
        problems << where + QStringLiteral(": a required parameter has no default");

    p.pattern = stringField(o, QStringLiteral("pattern"), where, problems);
    if (!p.pattern.isEmpty() && !wholeMatch(p.pattern).isValid())
        problems << QStringLiteral("%1: pattern %2 does not compile: %3")
                        .arg(where, p.pattern, wholeMatch(p.pattern).errorString());
    p.description = stringField(o, QStringLiteral("description"), where, problems);

    const QJsonValue choices = o.value(QStringLiteral("choices"));
    if (!choices.isUndefined()) {
        if (!choices.isArray())
            problems << where + QStringLiteral(": \"choices\" must be an array of strings");
        for (const QJsonValue &c : choices.toArray())
            p.choices << c.toString();
    }
    if (p.type == TemplateParameter::Type::Enum && p.choices.isEmpty())
        problems << where + QStringLiteral(": an enum needs \"choices\"");
    if (p.type != TemplateParameter::Type::Enum && !p.choices.isEmpty())
        problems << where + QStringLiteral(": only an enum has \"choices\"");
    if (p.type == TemplateParameter::Type::Bool && !p.pattern.isEmpty())
        problems << where + QStringLiteral(": a bool has no \"pattern\"");
    if (p.type == TemplateParameter::Type::Bool && def.isUndefined() && !p.required)
        p.defaultValue = QStringLiteral("false");
    if (!p.required && !p.name.isEmpty() && (p.type != TemplateParameter::Type::Enum || !p.choices.isEmpty())
        && (p.pattern.isEmpty() || wholeMatch(p.pattern).isValid())) {
        const QString problem = valueProblem(p, p.defaultValue);
        if (!problem.isEmpty())
            problems << QStringLiteral("%1: the default is invalid: %2").arg(where, problem);
    }
    m.parameters << p;
}

void parseStep(const QJsonValue &value, int index, TemplateManifest &m, QStringList &problems)
{
    const QString where = QStringLiteral("steps[%1]").arg(index);
    if (!value.isObject()) {
        problems << where + QStringLiteral(": must be an object");
        return;
    }
    const QJsonObject o = value.toObject();
    TemplateStep s;
    const QString type = stringField(o, QStringLiteral("type"), where, problems);
    s.description = stringField(o, QStringLiteral("description"), where, problems);
    QStringList allowed{QStringLiteral("type"), QStringLiteral("description")};
    if (type == u"render") {
        s.type = TemplateStep::Type::Render;
    } else if (type == u"git-init-commit") {
        s.type = TemplateStep::Type::GitInitCommit;
        allowed << QStringLiteral("message") << QStringLiteral("authorName") << QStringLiteral("authorEmail");
        s.message = stringField(o, QStringLiteral("message"), where, problems);
        s.authorName = stringField(o, QStringLiteral("authorName"), where, problems);
        s.authorEmail = stringField(o, QStringLiteral("authorEmail"), where, problems);
    } else if (type == u"npm-install") {
        s.type = TemplateStep::Type::NpmInstall;
    } else if (type == u"command") {
        s.type = TemplateStep::Type::Command;
        allowed << QStringLiteral("argv");
        const QJsonValue argv = o.value(QStringLiteral("argv"));
        for (const QJsonValue &a : argv.toArray())
            s.argv << a.toString();
        if (!argv.isArray() || s.argv.isEmpty() || s.argv.first().isEmpty())
            problems << where + QStringLiteral(": a command needs \"argv\", a non-empty array of strings");
    } else {
        problems << QStringLiteral("%1: type \"%2\" is not render, git-init-commit, npm-install or command")
                        .arg(where, type);
        return;
    }
    checkKeys(o, allowed, where, problems);
    if (s.type == TemplateStep::Type::Render && index != 0)
        problems << where + QStringLiteral(": render must be the first step, and only one");
    m.steps << s;
}

} // namespace

QString stepTypeName(TemplateStep::Type type)
{
    switch (type) {
    case TemplateStep::Type::Render:
        return QStringLiteral("render");
    case TemplateStep::Type::GitInitCommit:
        return QStringLiteral("git-init-commit");
    case TemplateStep::Type::NpmInstall:
        return QStringLiteral("npm-install");
    case TemplateStep::Type::Command:
        return QStringLiteral("command");
    }
    return {};
}

Result<TemplateManifest> TemplateManifest::parse(const QByteArray &json, const QString &fileName)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("template manifest is not JSON: %1 at offset %2")
                             .arg(parseError.errorString())
                             .arg(parseError.offset),
                         fileName);
    if (!doc.isObject())
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("template manifest must be a JSON object"), fileName);

    const QJsonObject o = doc.object();
    TemplateManifest m;
    QStringList problems;
    checkKeys(o, {QStringLiteral("name"), QStringLiteral("description"), QStringLiteral("parameters"),
                  QStringLiteral("derived"), QStringLiteral("projectName"), QStringLiteral("verbatim"),
                  QStringLiteral("steps")},
              QStringLiteral("manifest"), problems);
    m.name = stringField(o, QStringLiteral("name"), QStringLiteral("manifest"), problems);
    if (m.name.isEmpty())
        problems << QStringLiteral("manifest: \"name\" is required");
    m.description = stringField(o, QStringLiteral("description"), QStringLiteral("manifest"), problems);

    QSet<QString> names;
    const QJsonArray parameters = o.value(QStringLiteral("parameters")).toArray();
    if (!o.value(QStringLiteral("parameters")).isUndefined() && !o.value(QStringLiteral("parameters")).isArray())
        problems << QStringLiteral("manifest: \"parameters\" must be an array");
    for (int i = 0; i < parameters.size(); ++i)
        parseParameter(parameters.at(i), i, m, names, problems);

    const QMap<QString, QString> builtIns = builtInValues();
    for (auto it = builtIns.begin(); it != builtIns.end(); ++it)
        if (names.contains(it.key()))
            problems << QStringLiteral("manifest: parameter \"%1\" has the name of a built-in value").arg(it.key());
    QSet<QString> known = names;
    for (auto it = builtIns.begin(); it != builtIns.end(); ++it)
        known.insert(it.key());

    const QJsonArray derived = o.value(QStringLiteral("derived")).toArray();
    for (int i = 0; i < derived.size(); ++i) {
        const QString where = QStringLiteral("derived[%1]").arg(i);
        const QJsonObject d = derived.at(i).toObject();
        checkKeys(d, {QStringLiteral("name"), QStringLiteral("when"), QStringLiteral("value"), QStringLiteral("otherwise")},
                  where, problems);
        DerivedValue v{stringField(d, QStringLiteral("name"), where, problems),
                       stringField(d, QStringLiteral("when"), where, problems),
                       stringField(d, QStringLiteral("value"), where, problems),
                       stringField(d, QStringLiteral("otherwise"), where, problems)};
        if (!identifier().match(v.name).hasMatch() || known.contains(v.name))
            problems << QStringLiteral("%1: name \"%2\" must be a new identifier").arg(where, v.name);
        if (!v.when.isEmpty() && !known.contains(v.when))
            problems << QStringLiteral("%1: \"when\" names the unknown value \"%2\"").arg(where, v.when);
        for (const QString &used : TemplateRenderer::placeholderNames(v.value + v.otherwise))
            if (!known.contains(used))
                problems << QStringLiteral("%1: {{%2}} is not a parameter or an earlier value").arg(where, used);
        known.insert(v.name);
        m.derived << v;
    }

    m.projectName = o.contains(QStringLiteral("projectName"))
                        ? stringField(o, QStringLiteral("projectName"), QStringLiteral("manifest"), problems)
                        : (names.contains(QStringLiteral("name")) ? QStringLiteral("{{name}}") : QString());
    for (const QString &used : TemplateRenderer::placeholderNames(m.projectName))
        if (!known.contains(used))
            problems << QStringLiteral("manifest: \"projectName\" uses the unknown value {{%1}}").arg(used);

    for (const QJsonValue &g : o.value(QStringLiteral("verbatim")).toArray())
        m.verbatim << g.toString();

    const QJsonValue steps = o.value(QStringLiteral("steps"));
    if (!steps.isArray() || steps.toArray().isEmpty())
        problems << QStringLiteral("manifest: \"steps\" must be a non-empty array, starting with {\"type\": \"render\"}");
    const QJsonArray stepArray = steps.toArray();
    for (int i = 0; i < stepArray.size(); ++i)
        parseStep(stepArray.at(i), i, m, problems);
    if (!m.steps.isEmpty() && m.steps.first().type != TemplateStep::Type::Render)
        problems << QStringLiteral("steps[0]: the first step must be render");
    int gitSteps = 0;
    for (const TemplateStep &s : m.steps)
        gitSteps += s.type == TemplateStep::Type::GitInitCommit ? 1 : 0;
    if (gitSteps > 1)
        problems << QStringLiteral("manifest: git-init-commit may appear once");

    if (!problems.isEmpty())
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("invalid template manifest:\n  ") + problems.join(QStringLiteral("\n  ")), fileName);
    return m;
}

QMap<QString, QString> TemplateManifest::builtInValues()
{
    return {{QStringLiteral("year"), QString::number(QDateTime::currentDateTimeUtc().date().year())}};
}

const TemplateParameter *TemplateManifest::parameter(const QString &parameterName) const
{
    for (const TemplateParameter &p : parameters)
        if (p.name == parameterName)
            return &p;
    return nullptr;
}

QStringList TemplateManifest::parameterProblems(const QMap<QString, QString> &given) const
{
    QStringList problems;
    for (auto it = given.begin(); it != given.end(); ++it) {
        const TemplateParameter *p = parameter(it.key());
        if (!p) {
            QStringList declared;
            for (const TemplateParameter &d : parameters)
                declared << d.name;
            problems << QStringLiteral("unknown parameter \"%1\" (template %2 takes: %3)")
                            .arg(it.key(), name, declared.isEmpty() ? QStringLiteral("none") : declared.join(QStringLiteral(", ")));
            continue;
        }
        const QString problem = valueProblem(*p, it.value());
        if (!problem.isEmpty())
            problems << problem;
    }
    for (const TemplateParameter &p : parameters)
        if (p.required && !given.contains(p.name))
            problems << QStringLiteral("missing required parameter \"%1\"%2")
                            .arg(p.name, p.description.isEmpty() ? QString() : QStringLiteral(": ") + p.description);
    return problems;
}

Result<QMap<QString, QString>> TemplateManifest::resolveParameters(const QMap<QString, QString> &given) const
{
    const QStringList problems = parameterProblems(given);
    if (!problems.isEmpty())
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("invalid parameters for template %1:\n  ").arg(name)
                             + problems.join(QStringLiteral("\n  ")),
                         name);
    QMap<QString, QString> resolved;
    for (const TemplateParameter &p : parameters) {
        QString value = given.value(p.name, p.defaultValue);
        if (p.type == TemplateParameter::Type::Bool)
            value = normalisedBool(value).value_or(QStringLiteral("false"));
        resolved.insert(p.name, value);
    }
    return resolved;
}

Result<QMap<QString, QString>> TemplateManifest::values(const QMap<QString, QString> &resolvedParameters) const
{
    QMap<QString, QString> all = builtInValues();
    all.insert(resolvedParameters);
    for (const DerivedValue &d : derived) {
        const QString condition = all.value(d.when);
        const bool on = d.when.isEmpty() || (!condition.isEmpty() && condition != u"false");
        const auto rendered = TemplateRenderer(all).renderText(on ? d.value : d.otherwise,
                                                               QStringLiteral("template.json derived %1").arg(d.name));
        HELIOS_TRY(rendered);
        all.insert(d.name, rendered.value());
    }
    return all;
}

} // namespace helios::ignition
