// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "ignis/esbuild_toolchain.h"
#include "spark/generated_component.h"
#include "spark/validation_report.h"

#include <QList>

namespace helios::spark {

// Compiles a component with the pinned esbuild, the way a project build would see it:
// its files go to a private QTemporaryDir (removed afterwards; nothing else is written),
// and esbuild bundles <Name>/index.ts plus the stories (or every .tsx when there is no
// index) with react and react-dom external, automatic JSX and CSS modules. esbuild's
// errors become "compile" issues at file:line:col. Blocking.
// `files` must already have safe relative paths (the validator checks them first).
class CompileCheck {
public:
    explicit CompileCheck(const ignis::EsbuildToolchain &toolchain) : m_toolchain(toolchain) {}
    void check(const QString &name, const QList<GeneratedFile> &files, QList<ValidationIssue> &issues) const;

    static constexpr int timeoutMs = 60000;

private:
    ignis::EsbuildToolchain m_toolchain;
};

} // namespace helios::spark
