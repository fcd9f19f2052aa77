// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "spark/generated_component.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace helios::spark {
class TokenPalette;
}

// What the expert tests check of every component, beyond their own expectations.
namespace helios::spark::test {

// The pinned esbuild of resources/toolchain; empty when scripts/setup has not run.
QString pinnedEsbuild();

// The content of the file at `path` ("Card/Card.tsx"); empty when there is none.
QByteArray contentOf(const GeneratedComponent &component, const QString &path);

// The token lint and the accessibility lint over every file, as the validator runs them
// (without esbuild): each finding as "file:line:col: message".
QStringList lintFindings(const GeneratedComponent &component, const TokenPalette &palette);

// Writes the files into a temporary src/components/, bundles index.ts and the stories
// with the pinned esbuild (react external), then renders every story with React's server
// renderer under Node.js. Empty when all went well, else what failed.
// SPARK_EXPERTS_KEEP=1 keeps the temporary project to look at.
QString bundleAndRender(const GeneratedComponent &component);

} // namespace helios::spark::test
