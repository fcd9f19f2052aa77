// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/result.h"

#include <QProcessEnvironment>
#include <QString>

namespace helios {
class Config;
}

namespace helios::ignis {

// The esbuild binary a build runs, and where it came from. IGNIS runs the npm package's
// native binary directly (no Node.js in between). Lookup order, first hit wins:
//
//   1. HELIOS_ESBUILD (config or environment): a path to the binary.
//   2. The project's own pin: <project>/node_modules/@esbuild/<platform>/bin/esbuild.
//   3. Helios's pinned toolchain (resources/toolchain, installed by scripts/setup):
//      HELIOS_TOOLCHAIN_DIR, then <prefix>/share/helios/toolchain next to the
//      executable, then the source tree this binary was built from.
//   4. `esbuild` on PATH.
//
// The toolchain's node_modules are also where bare imports (react, react-dom) resolve
// when the project has not installed its own: they go on esbuild's NODE_PATH, after any
// NODE_PATH the caller set.
struct EsbuildToolchain {
    QString binary;
    QString version;          // "0.28.2": part of every build cache key
    QString foundBy;          // "HELIOS_ESBUILD", "project", "toolchain" or "PATH"
    QString nodeModules;      // the toolchain's node_modules; empty when none was found
    QString toolchainLockDigest; // of the toolchain's package-lock.json: a cache key input

    static Result<EsbuildToolchain> locate(const Config &config, const QString &projectDir);
    // This process's environment with the toolchain's node_modules appended to NODE_PATH:
    // what esbuild and Node.js run with, so bare imports a project has not installed resolve.
    QProcessEnvironment processEnvironment() const;
    // The same for an esbuild process that runs once and exits (a build, the dev server's
    // first compile): Go's garbage collector off until the heap reaches 1 GiB, since such
    // a run spent about a fifth of its time collecting what exiting frees anyway. A
    // caller's own GOGC or GOMEMLIMIT is kept.
    QProcessEnvironment oneShotEnvironment() const;
    // "linux-x64", "linux-arm64", ...: the @esbuild/<platform> package of this machine.
    static QString platformPackage();
};

} // namespace helios::ignis
