// SPDX-License-Identifier: Apache-2.0
#include "ignition/template_source.h"

#include "core/logging.h"
#include "ignition/git_client.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

namespace helios::ignition {

namespace {

const QString builtInPrefix = QStringLiteral(":/helios/templates");

bool isGitUrl(const QString &reference)
{
    return reference.contains(QStringLiteral("://")) || reference.endsWith(QStringLiteral(".git"));
}

} // namespace

struct TemplateSource::Private {
    TemplateManifest manifest;
    QString rootDir;
    QString origin;
    std::unique_ptr<QTemporaryDir> clone;
};

TemplateSource::TemplateSource()
    : d(std::make_unique<Private>())
{
}

TemplateSource::TemplateSource(TemplateSource &&other) noexcept = default;
TemplateSource &TemplateSource::operator=(TemplateSource &&other) noexcept = default;
TemplateSource::~TemplateSource() = default;

const TemplateManifest &TemplateSource::manifest() const
{
    return d->manifest;
}

QString TemplateSource::rootDir() const
{
    return d->rootDir;
}

QString TemplateSource::origin() const
{
    return d->origin;
}

QStringList TemplateSource::builtInNames()
{
    QStringList names = QDir(builtInPrefix).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    names.removeIf([](const QString &n) { return !QFile::exists(builtInPrefix + u'/' + n + QStringLiteral("/template.json")); });
    return names;
}

Result<TemplateSource> TemplateSource::open(const QString &reference)
{
    TemplateSource source;
    if (reference.trimmed().isEmpty())
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("no template given"));

    if (isGitUrl(reference)) {
        source.d->clone = std::make_unique<QTemporaryDir>();
        if (!source.d->clone->isValid())
            return makeError(ErrorCode::Io,
                             QStringLiteral("cannot create a temporary directory: %1").arg(source.d->clone->errorString()),
                             reference);
        const QString checkout = source.d->clone->filePath(QStringLiteral("template"));
        qCInfo(lcIgnition) << "cloning template" << reference;
        HELIOS_TRY(GitClient::clone(reference, checkout));
        source.d->rootDir = checkout;
        source.d->origin = reference;
    } else if (QFileInfo(reference).isDir()) {
        source.d->rootDir = QFileInfo(reference).absoluteFilePath();
        source.d->origin = source.d->rootDir;
    } else {
        const QStringList names = builtInNames();
        if (!names.contains(reference))
            return makeError(ErrorCode::NotFound,
                             QStringLiteral("no template \"%1\": not a directory, not a git URL, and not a built-in "
                                            "template (built-in: %2)")
                                 .arg(reference, names.join(QStringLiteral(", "))),
                             reference);
        source.d->rootDir = builtInPrefix + u'/' + reference;
        source.d->origin = QStringLiteral("builtin:") + reference;
    }

    const QString manifestPath = source.d->rootDir + QStringLiteral("/template.json");
    QFile file(manifestPath);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::NotFound,
                         QStringLiteral("the template has no readable template.json at its root: %1").arg(file.errorString()),
                         source.d->origin);
    auto manifest = TemplateManifest::parse(file.readAll(), source.d->origin + QStringLiteral(" template.json"));
    HELIOS_TRY(manifest);
    source.d->manifest = std::move(manifest).value();
    return source;
}

} // namespace helios::ignition
