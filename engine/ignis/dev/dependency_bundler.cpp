// SPDX-License-Identifier: Apache-2.0
#include "ignis/dev/dependency_bundler.h"

#include "core/sha256.h"
#include "ignis/esbuild_messages.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>

namespace helios::ignis {

namespace {

bool isIdentifier(const QString &name)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z_$][A-Za-z0-9_$]*$"));
    return pattern.match(name).hasMatch() && name != QLatin1String("default");
}

} // namespace

DependencyBundler::DependencyBundler(const EsbuildToolchain &toolchain, const QString &projectDir, const QString &outDir)
    : m_toolchain(toolchain), m_projectDir(projectDir), m_outDir(outDir)
{
}

QString DependencyBundler::fileNameFor(const QString &specifier)
{
    QString name = specifier;
    name.replace(QLatin1Char('/'), QLatin1Char('_')).replace(QLatin1Char('@'), QString());
    return name + QStringLiteral(".js");
}

Result<QHash<QString, QStringList>> DependencyBundler::commonJsExports(const QStringList &specifiers) const
{
    const QString node = QStandardPaths::findExecutable(QStringLiteral("node"));
    if (node.isEmpty())
        return makeError(ErrorCode::NotFound, QStringLiteral("Node.js (node) is needed to pre-bundle CommonJS packages"));
    QProcess process;
    process.setWorkingDirectory(m_projectDir);
    QProcessEnvironment environment = m_toolchain.processEnvironment();
    environment.insert(QStringLiteral("NODE_ENV"), QStringLiteral("development"));
    process.setProcessEnvironment(environment);
    // Per package: its keys, null for an ES module package (ERR_REQUIRE_ESM, or a module
    // namespace where Node.js requires ES modules: `export *` covers it), or the error
    // text when it cannot be loaded at all.
    process.start(node, QStringList{QStringLiteral("-e"),
                                    QStringLiteral("const out = {}; for (const name of process.argv.slice(1)) {"
                                                   " try { const m = require(name);"
                                                   " out[name] = m?.[Symbol.toStringTag] === 'Module' ? null : Object.keys(m) }"
                                                   " catch (e) { out[name] = e.code === 'ERR_REQUIRE_ESM' ? null : String(e.message) } }"
                                                   " process.stdout.write(JSON.stringify(out))")} +
                             specifiers);
    if (!process.waitForFinished(60000))
        return makeError(ErrorCode::Timeout, QStringLiteral("node did not list the packages' exports"));
    const QJsonObject listed = QJsonDocument::fromJson(process.readAllStandardOutput()).object();
    QHash<QString, QStringList> exports;
    for (const QString &specifier : specifiers) {
        const QJsonValue value = listed.value(specifier);
        if (value.isString())
            return makeError(ErrorCode::NotFound, QStringLiteral("cannot load %1: %2").arg(specifier, value.toString().left(300)));
        QStringList names;
        for (const QJsonValue &name : value.toArray())
            if (isIdentifier(name.toString()))
                names << name.toString();
        exports.insert(specifier, names);
    }
    return exports;
}

Result<bool> DependencyBundler::bundle(const QStringList &specifiers)
{
    Sha256 stampHash;
    stampHash.add(QByteArray(m_toolchain.version.toUtf8() + '\n' + m_toolchain.toolchainLockDigest.toUtf8() + '\n' +
                             specifiers.join(QLatin1Char('\n')).toUtf8() + '\n'));
    for (const char *lockfile : {"package-lock.json", "npm-shrinkwrap.json", "yarn.lock", "pnpm-lock.yaml"}) {
        QFile file(m_projectDir + QLatin1Char('/') + QLatin1StringView(lockfile));
        if (file.open(QIODevice::ReadOnly))
            stampHash.add(file.readAll());
    }
    const QByteArray stamp = stampHash.result().toHex();
    const QString stampPath = m_outDir + QStringLiteral("/.stamp");
    QFile previous(stampPath);
    if (previous.open(QIODevice::ReadOnly) && previous.readAll() == stamp)
        return false;

    const QString stubs = m_outDir + QStringLiteral(".stubs");
    QDir(stubs).removeRecursively();
    QDir(m_outDir).removeRecursively();
    if (!QDir().mkpath(stubs))
        return makeError(ErrorCode::Io, QStringLiteral("cannot create"), stubs);
    auto exports = commonJsExports(specifiers);
    HELIOS_TRY(exports);
    QStringList entries;
    for (const QString &specifier : specifiers) {
        const QStringList *names = &exports->find(specifier).value();
        const QByteArray quoted = QJsonDocument(QJsonArray{specifier}).toJson(QJsonDocument::Compact).mid(1).chopped(1);
        QByteArray stub;
        if (names->isEmpty()) {
            // An ES module package, with or without a default export (`export { default }`
            // from one without would not build).
            stub = "export * from " + quoted + ";\nimport * as m from " + quoted + ";\nexport default m.default;\n";
        } else {
            // CommonJS: module.exports as the default export, its keys as named ones.
            stub = "import m from " + quoted + ";\nexport default m;\nexport const { " + names->join(QStringLiteral(", ")).toUtf8() +
                   " } = m;\n";
        }
        const QString path = stubs + QLatin1Char('/') + fileNameFor(specifier);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(stub) != stub.size())
            return makeError(ErrorCode::Io, QStringLiteral("cannot write a stub"), path);
        entries << path;
    }
    if (entries.isEmpty())
        return true;
    QProcess esbuild;
    esbuild.setWorkingDirectory(m_projectDir);
    esbuild.setProcessEnvironment(m_toolchain.oneShotEnvironment());
    esbuild.start(m_toolchain.binary, entries + QStringList{QStringLiteral("--bundle"), QStringLiteral("--format=esm"),
                                                             QStringLiteral("--splitting"), QStringLiteral("--sourcemap"),
                                                             QStringLiteral("--outdir=") + m_outDir,
                                                             QStringLiteral("--chunk-names=chunk-[hash]"),
                                                             QStringLiteral("--define:process.env.NODE_ENV=\"development\""),
                                                             QStringLiteral("--log-level=error"), QStringLiteral("--color=false")});
    if (!esbuild.waitForFinished(120000) || esbuild.exitCode() != 0) {
        const BuildMessages messages = parseEsbuildMessages(esbuild.readAllStandardError());
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("pre-bundling %1 failed: %2")
                             .arg(specifiers.join(QStringLiteral(", ")),
                                  messages.isEmpty() ? esbuild.errorString() : messages.first().toString()));
    }
    QFile stampFile(stampPath);
    if (stampFile.open(QIODevice::WriteOnly))
        stampFile.write(stamp);
    return true;
}

} // namespace helios::ignis
