// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/result.h"
#include "spark/generated_component.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace helios::mcp {

// The rules for the files an MCP client reads and writes, and reading them back.
// Paths here are relative to the component's folder ("Card.tsx", "parts/Icon.tsx"); SPARK
// keeps them relative to src/components ("Card/Card.tsx").

// Suffixes a component file may have: what SPARK validates and writes.
const QStringList &allowedComponentSuffixes();

// Why `path` may not be a component file: absolute, "..", "." or hidden segments, empty
// segments, a backslash, a colon, a NUL, a control character, longer than 200
// characters, or another suffix. Empty when it is fine.
QString componentPathProblem(const QString &path);

// The component folders under <project>/src/components, by name, sorted. Folders whose
// name is not a component name, and symbolic links, are left out.
QStringList componentNamesOnDisk(const QString &projectDir);

// Every regular file under <project>/src/components/<name>/, paths relative to that folder,
// sorted. Symbolic links are not followed. NotFound when the folder does not exist.
Result<QList<spark::GeneratedFile>> readComponentFolder(const QString &projectDir, const QString &name);

// The project's key in the component history, as SPARK's pipeline names it: helios.json's
// name (or the folder's), with characters a cache key cannot hold replaced by "-".
QString componentProjectKey(const QString &projectDir);

} // namespace helios::mcp
