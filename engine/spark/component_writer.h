// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/result.h"
#include "spark/generated_component.h"

#include <QString>
#include <QStringList>

namespace helios::spark {

// Writes a component into a project: its files under <project>/src/components/<Name>/,
// each atomically (QSaveFile), and `export * from './components/<Name>';` appended to
// src/index.ts when that file exists and does not export it yet, so that the library
// build compiles it.
//
// Every path is checked before anything is written: relative, inside "<Name>/", no "."
// or ".." segments, no backslashes, a known extension; and once the folders exist, their
// canonical paths must still be inside the project (a symlinked src/ or component folder
// pointing elsewhere is refused). Files of the same component folder are overwritten —
// accepting a generation is the user's choice to replace that component — and files in
// it the generation does not have are left alone.
//
// Returns the project-relative paths written, in order. InvalidArgument for a bad name or
// path, NotFound when the project directory does not exist, Io when a write fails (files
// written before it stay: each is complete).
Result<QStringList> writeComponentIntoProject(const GeneratedComponent &component, const QString &projectDir);

} // namespace helios::spark
