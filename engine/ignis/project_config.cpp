// SPDX-License-Identifier: Apache-2.0
#include "ignis/project_config.h"

#include "slate/json_reader.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QRegularExpression>

namespace helios::ignis {

using slate::JsonValue;

namespace {

class ConfigReader {
public:
    ConfigReader(ProjectConfig &config) : m_config(config) {}

    void fail(const JsonValue *at, const QString &text) { fail(at ? at->position() : slate::SourcePosition{}, text); }

    void fail(slate::SourcePosition position, const QString &text)
    {
        BuildMessage message;
        message.file = ProjectConfig::fileName();
        message.line = position.line;
        message.column = position.column;
        message.text = text;
        m_config.messages.append(message);
    }

    // Unknown keys are errors: a misspelt "entires" silently ignored costs an afternoon.
    void checkKeys(const JsonValue &object, const QStringList &known, const QString &where)
    {
        for (const JsonValue &child : object.children())
            if (!known.contains(child.key()))
                fail(child.keyPosition(), QStringLiteral("unknown key \"%1\" in %2 (known: %3)").arg(child.key(), where, known.join(QStringLiteral(", "))));
    }

    QString string(const JsonValue &object, QStringView key, const QString &fallback = {})
    {
        const JsonValue *value = object.member(key);
        if (!value)
            return fallback;
        if (!value->isString() || value->toString().isEmpty()) {
            fail(value, QStringLiteral("\"%1\" must be a non-empty string, found %2").arg(key, value->kindName()));
            return fallback;
        }
        return value->toString();
    }

    // A path inside the project: relative, no "..", and (when `mustExist`) present.
    QString projectPath(const JsonValue &object, QStringView key, bool mustExist, const QString &fallback = {})
    {
        const QString path = string(object, key, fallback);
        if (path.isEmpty())
            return {};
        const JsonValue *at = object.member(key);
        const QString clean = QDir::cleanPath(path);
        if (QDir::isAbsolutePath(path) || clean == QLatin1String("..") || clean.startsWith(QLatin1String("../"))) {
            fail(at, QStringLiteral("\"%1\" must be a path inside the project, found \"%2\"").arg(key, path));
            return {};
        }
        if (mustExist && !QFileInfo::exists(m_config.projectDir + QLatin1Char('/') + clean)) {
            fail(at, QStringLiteral("\"%1\": %2 does not exist").arg(key, clean));
            return {};
        }
        return clean;
    }

    void readEntry(const JsonValue &value, QStringList &names)
    {
        if (!value.isObject()) {
            fail(&value, QStringLiteral("an entry must be an object, found %1").arg(value.kindName()));
            return;
        }
        checkKeys(value, {QStringLiteral("name"), QStringLiteral("entry"), QStringLiteral("html"), QStringLiteral("external"),
                          QStringLiteral("hashNames"), QStringLiteral("outDir")},
                  QStringLiteral("a build entry"));
        BuildEntry entry;
        entry.name = string(value, u"name");
        static const QRegularExpression namePattern(QStringLiteral("^[a-z0-9][a-z0-9-]*$"));
        if (entry.name.isEmpty())
            fail(&value, QStringLiteral("a build entry needs a \"name\""));
        else if (!namePattern.match(entry.name).hasMatch())
            fail(value.member(u"name"), QStringLiteral("entry name \"%1\" must match [a-z0-9][a-z0-9-]*").arg(entry.name));
        else if (names.contains(entry.name))
            fail(value.member(u"name"), QStringLiteral("two entries are named \"%1\"").arg(entry.name));
        names << entry.name;
        entry.entry = projectPath(value, u"entry", true);
        if (!value.member(u"entry"))
            fail(&value, QStringLiteral("entry \"%1\" needs an \"entry\" module").arg(entry.name));
        entry.html = projectPath(value, u"html", true);
        entry.hashNames = !entry.html.isEmpty();
        if (const JsonValue *hash = value.member(u"hashNames")) {
            if (hash->isBool())
                entry.hashNames = hash->toBool();
            else
                fail(hash, QStringLiteral("\"hashNames\" must be true or false, found %1").arg(hash->kindName()));
        }
        if (const JsonValue *external = value.member(u"external")) {
            if (!external->isArray())
                fail(external, QStringLiteral("\"external\" must be an array of module names"));
            else
                for (const JsonValue &name : external->children()) {
                    if (name.isString() && !name.toString().isEmpty())
                        entry.external << name.toString();
                    else
                        fail(&name, QStringLiteral("\"external\" holds module names (strings), found %1").arg(name.kindName()));
                }
        }
        entry.outSubdir = projectPath(value, u"outDir", false, entry.html.isEmpty() ? entry.name : QStringLiteral("assets"));
        m_config.entries.append(entry);
    }

    void read(const JsonValue &root)
    {
        if (!root.isObject()) {
            fail(&root, QStringLiteral("helios.json must hold an object, found %1").arg(root.kindName()));
            return;
        }
        // "deploy" belongs to WAYPOINT, which reads and checks it (waypoint/deploy_policy.h).
        checkKeys(root, {QStringLiteral("name"), QStringLiteral("tokens"), QStringLiteral("build"), QStringLiteral("image"),
                         QStringLiteral("deploy")},
                  QStringLiteral("helios.json"));
        m_config.name = string(root, u"name", QFileInfo(m_config.projectDir).fileName());
        if (const QString tokens = projectPath(root, u"tokens", true); !tokens.isEmpty())
            m_config.tokensConfig = m_config.projectDir + QLatin1Char('/') + tokens;

        const JsonValue *build = root.member(u"build");
        if (!build || !build->isObject()) {
            fail(build ? build : &root, QStringLiteral("helios.json needs a \"build\" object with \"entries\""));
        } else {
            checkKeys(*build, {QStringLiteral("outDir"), QStringLiteral("target"), QStringLiteral("entries")},
                      QStringLiteral("\"build\""));
            m_config.outDirRelative = projectPath(*build, u"outDir", false, QStringLiteral("dist"));
            if (m_config.outDirRelative == QLatin1String("."))
                fail(build->member(u"outDir"), QStringLiteral("\"outDir\" cannot be the project directory itself"));
            m_config.outDir = m_config.projectDir + QLatin1Char('/') + m_config.outDirRelative;
            m_config.target = string(*build, u"target", m_config.target);
            const JsonValue *entries = build->member(u"entries");
            if (!entries || !entries->isArray() || entries->children().empty()) {
                fail(entries ? entries : build, QStringLiteral("\"build\" needs a non-empty \"entries\" array"));
            } else {
                QStringList names;
                for (const JsonValue &entry : entries->children())
                    readEntry(entry, names);
            }
        }

        m_config.imageRepository = QStringLiteral("helios/") + m_config.name.toLower();
        if (const JsonValue *image = root.member(u"image")) {
            if (!image->isObject()) {
                fail(image, QStringLiteral("\"image\" must be an object"));
                return;
            }
            checkKeys(*image, {QStringLiteral("repository"), QStringLiteral("root"), QStringLiteral("base")},
                      QStringLiteral("\"image\""));
            m_config.imageRepository = string(*image, u"repository", m_config.imageRepository);
            m_config.imageRoot = string(*image, u"root", m_config.imageRoot);
            if (!m_config.imageRoot.startsWith(QLatin1Char('/')))
                fail(image->member(u"root"), QStringLiteral("\"root\" must be an absolute path inside the image"));
            m_config.imageBase = string(*image, u"base");
        }
    }

private:
    ProjectConfig &m_config;
};

} // namespace

ProjectConfig ProjectConfig::parse(QByteArrayView utf8, const QString &projectDir)
{
    ProjectConfig config;
    config.projectDir = projectDir;
    config.file = projectDir + QLatin1Char('/') + fileName();
    const auto parsed = slate::JsonReader::parse(utf8, fileName());
    for (const slate::Diagnostic &diagnostic : parsed.diagnostics) {
        BuildMessage message;
        message.file = fileName();
        message.line = diagnostic.position.line;
        message.column = diagnostic.position.column;
        message.text = diagnostic.message;
        config.messages.append(message);
    }
    if (parsed.complete)
        ConfigReader(config).read(parsed.root);
    return config;
}

ProjectConfig ProjectConfig::read(const QString &projectDir)
{
    const QString dir = QFileInfo(projectDir).canonicalFilePath();
    QFile file(dir + QLatin1Char('/') + fileName());
    if (dir.isEmpty() || !file.open(QIODevice::ReadOnly)) {
        ProjectConfig config;
        config.projectDir = dir.isEmpty() ? projectDir : dir;
        BuildMessage message;
        message.file = fileName();
        message.text = dir.isEmpty() ? QStringLiteral("no project directory %1").arg(projectDir)
                                     : QStringLiteral("%1 has no helios.json (make one with `helios new`)").arg(dir);
        config.messages.append(message);
        return config;
    }
    return parse(file.readAll(), dir);
}

QJsonObject BuildEntry::toJson() const
{
    return {{QStringLiteral("name"), name},
            {QStringLiteral("entry"), entry},
            {QStringLiteral("html"), html},
            {QStringLiteral("external"), QJsonArray::fromStringList(external)},
            {QStringLiteral("hashNames"), hashNames},
            {QStringLiteral("outDir"), outSubdir}};
}

} // namespace helios::ignis
