// SPDX-License-Identifier: Apache-2.0
#include "ignis/esbuild_toolchain.h"

#include "core/config.h"
#include "core/ids.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QSysInfo>

namespace helios::ignis {

namespace {

QString binaryIn(const QString &nodeModules)
{
    return nodeModules + QStringLiteral("/@esbuild/") + EsbuildToolchain::platformPackage() + QStringLiteral("/bin/esbuild");
}

bool isExecutable(const QString &path)
{
    const QFileInfo info(path);
    return info.isFile() && info.isExecutable();
}

// The version of a binary inside its npm package: from the package.json beside bin/,
// which costs a file read instead of a process start.
QString packageVersion(const QString &binary)
{
    QFile file(QFileInfo(binary).absolutePath() + QStringLiteral("/../package.json"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object().value(QStringLiteral("version")).toString();
}

Result<QString> askVersion(const QString &binary)
{
    QProcess process;
    process.start(binary, {QStringLiteral("--version")});
    if (!process.waitForStarted(5000) || !process.waitForFinished(10000) || process.exitCode() != 0)
        return makeError(ErrorCode::Unavailable, QStringLiteral("%1 --version did not answer").arg(binary), binary);
    return QString::fromUtf8(process.readAllStandardOutput()).trimmed();
}

QStringList toolchainCandidates(const Config &config)
{
    QStringList dirs;
    if (const QString configured = config.value(QString::fromLatin1(Config::ToolchainDir)); !configured.isEmpty())
        dirs << configured;
    if (QCoreApplication::instance()) {
        const QString bin = QCoreApplication::applicationDirPath();
        dirs << bin + QStringLiteral("/../share/helios/toolchain")      // bin/helios-workbench
             << bin + QStringLiteral("/../../share/helios/toolchain");  // libexec/helios/helios-engine
    }
#ifdef HELIOS_SOURCE_TOOLCHAIN_DIR
    dirs << QStringLiteral(HELIOS_SOURCE_TOOLCHAIN_DIR);
#endif
    return dirs;
}

} // namespace

QProcessEnvironment EsbuildToolchain::processEnvironment() const
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    if (!nodeModules.isEmpty()) {
        const QString existing = environment.value(QStringLiteral("NODE_PATH"));
        environment.insert(QStringLiteral("NODE_PATH"), existing.isEmpty() ? nodeModules : existing + QLatin1Char(':') + nodeModules);
    }
    return environment;
}

QProcessEnvironment EsbuildToolchain::oneShotEnvironment() const
{
    QProcessEnvironment environment = processEnvironment();
    if (!environment.contains(QStringLiteral("GOGC")) && !environment.contains(QStringLiteral("GOMEMLIMIT"))) {
        environment.insert(QStringLiteral("GOGC"), QStringLiteral("off"));
        environment.insert(QStringLiteral("GOMEMLIMIT"), QStringLiteral("1GiB"));
    }
    return environment;
}

QString EsbuildToolchain::platformPackage()
{
    const QString cpu = QSysInfo::currentCpuArchitecture();
    const QString arch = cpu == QLatin1String("x86_64") ? QStringLiteral("x64")
                         : cpu == QLatin1String("i386") ? QStringLiteral("ia32")
                                                        : cpu;  // arm64, riscv64, ... as npm spells them
    return QSysInfo::kernelType() + QLatin1Char('-') + arch;
}

Result<EsbuildToolchain> EsbuildToolchain::locate(const Config &config, const QString &projectDir)
{
    EsbuildToolchain toolchain;
    for (const QString &dir : toolchainCandidates(config)) {
        if (QFileInfo(dir + QStringLiteral("/node_modules")).isDir()) {
            toolchain.nodeModules = QDir(dir + QStringLiteral("/node_modules")).canonicalPath();
            QFile lock(dir + QStringLiteral("/package-lock.json"));
            if (lock.open(QIODevice::ReadOnly))
                toolchain.toolchainLockDigest = sha256Digest(lock.readAll());
            break;
        }
    }

    const QString configured = config.value(QString::fromLatin1(Config::Esbuild));
    const QString projectBinary = binaryIn(projectDir + QStringLiteral("/node_modules"));
    if (!configured.isEmpty()) {
        if (!isExecutable(configured))
            return makeError(ErrorCode::NotFound, QStringLiteral("HELIOS_ESBUILD names no executable file"), configured);
        toolchain.binary = configured;
        toolchain.foundBy = QStringLiteral("HELIOS_ESBUILD");
    } else if (isExecutable(projectBinary)) {
        toolchain.binary = projectBinary;
        toolchain.foundBy = QStringLiteral("project");
    } else if (!toolchain.nodeModules.isEmpty() && isExecutable(binaryIn(toolchain.nodeModules))) {
        toolchain.binary = binaryIn(toolchain.nodeModules);
        toolchain.foundBy = QStringLiteral("toolchain");
    } else if (const QString onPath = QStandardPaths::findExecutable(QStringLiteral("esbuild")); !onPath.isEmpty()) {
        toolchain.binary = onPath;
        toolchain.foundBy = QStringLiteral("PATH");
    } else {
        return makeError(ErrorCode::NotFound,
                         QStringLiteral("esbuild not found: set HELIOS_ESBUILD, add esbuild to the project's "
                                        "devDependencies and npm install, or run scripts/setup to install Helios's toolchain"),
                         projectDir);
    }

    toolchain.version = packageVersion(toolchain.binary);
    if (toolchain.version.isEmpty()) {
        auto asked = askVersion(toolchain.binary);
        HELIOS_TRY(asked);
        toolchain.version = *asked;
    }
    return toolchain;
}

} // namespace helios::ignis
