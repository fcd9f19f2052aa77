// SPDX-License-Identifier: Apache-2.0
#include "ignis/token_stylesheet.h"

#include "core/sha256.h"
#include "ignis/input_snapshot.h"
#include "slate/token_build.h"

#include <QDir>
#include <QFile>

namespace helios::ignis {

namespace {

BuildMessage fromDiagnostic(const QDir &project, const slate::Diagnostic &diagnostic)
{
    BuildMessage message;
    message.severity = diagnostic.isError() ? BuildMessage::Severity::Error : BuildMessage::Severity::Warning;
    message.file = diagnostic.file.isEmpty() ? QString() : project.relativeFilePath(diagnostic.file);
    message.line = diagnostic.position.line;
    message.column = diagnostic.position.column;
    message.text = diagnostic.message;
    if (!diagnostic.tokenPath.isEmpty())
        message.text += QStringLiteral(" [%1]").arg(diagnostic.tokenPath);
    if (!diagnostic.expected.isEmpty())
        message.notes << QStringLiteral("expected %1, found %2").arg(diagnostic.expected, diagnostic.found);
    return message;
}

slate::TokenBuild::Inputs inputsOf(const slate::BuildConfig &config)
{
    slate::TokenBuild::Inputs inputs;
    inputs.sources = config.sources;
    inputs.themes = config.themes;
    inputs.resolverPath = config.resolverPath;
    inputs.input = config.input;
    inputs.inputGiven = config.inputGiven;
    return inputs;
}

} // namespace

TokenStylesheet TokenStylesheet::prepare(const QString &projectDir, const QString &configPath, const InputSnapshot *snapshot)
{
    TokenStylesheet sheet;
    sheet.m_projectDir = projectDir;
    sheet.m_config = slate::BuildConfig::read(configPath);
    const slate::BuildConfig &config = sheet.m_config;
    const QDir project(projectDir);
    for (const slate::Diagnostic &diagnostic : config.diagnostics)
        sheet.m_messages.append(fromDiagnostic(project, diagnostic));
    if (config.hasErrors() || !snapshot)
        return sheet;

    QStringList files{configPath};
    files << config.sources;
    if (!config.resolverPath.isEmpty())
        files << config.resolverPath;
    for (const slate::ThemeLayer &theme : config.themes)
        files << theme.files;
    // A resolver's sets name more files; they are read relative to it. Digesting the
    // whole directory of the resolver keeps the key honest without parsing it twice.
    if (!config.resolverPath.isEmpty()) {
        const QDir resolverDir = QFileInfo(config.resolverPath).absoluteDir();
        for (const QString &name : resolverDir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name))
            files << resolverDir.absoluteFilePath(name);
    }
    Sha256 hash;
    hash.add(QByteArrayView("slate-css-1\n" HELIOS_VERSION "\n"));
    for (const QString &file : std::as_const(files)) {
        const QString relative = project.relativeFilePath(file);
        QString digest = snapshot->digestOf(relative);
        if (digest.isEmpty()) {
            QFile in(file);
            if (in.open(QIODevice::ReadOnly))
                digest = QString::fromLatin1(Sha256::hexHash(in.readAll()));
        }
        hash.add(relative.toUtf8());
        hash.add(QByteArrayView("\0", 1));
        hash.add(digest.toLatin1());
        hash.add(QByteArrayView("\n", 1));
    }
    sheet.m_inputDigest = hash.result().toHex();
    return sheet;
}

bool TokenStylesheet::render(QByteArray *css)
{
    const QDir project(m_projectDir);
    const slate::TokenBuild build = slate::TokenBuild::load(inputsOf(m_config));
    for (const slate::Diagnostic &diagnostic : build.diagnostics())
        m_messages.append(fromDiagnostic(project, diagnostic));
    if (build.hasErrors())
        return false;
    slate::BuildPlatform platform;
    platform.name = QStringLiteral("css");
    platform.format = QStringLiteral("css");
    for (const slate::BuildPlatform &candidate : m_config.platforms)
        if (candidate.format == QLatin1String("css")) {
            platform = candidate;
            break;
        }
    *css = build.render(platform);
    return true;
}

} // namespace helios::ignis
