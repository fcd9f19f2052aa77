// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "ignis/esbuild_toolchain.h"
#include "spark/generated_component.h"
#include "spark/token_palette.h"
#include "spark/validation_report.h"

namespace helios::spark {

// The validation every generated component passes before it is written, whichever expert
// wrote it: the file layout (safe relative paths inside <Name>/, known extensions), the
// imports (react, react-dom and the component's own files only), an esbuild compile,
// the token lint of stylesheets and inline styles, and the accessibility lint of the JSX.
// See compile_check.h, import_check.h, token_lint.h and a11y_lint.h for what each finds.
class ComponentValidator {
public:
    ComponentValidator(const ignis::EsbuildToolchain &toolchain, const TokenPalette &palette);
    // Every check on every file; never throws, never writes outside a private temp dir.
    // Blocking (runs esbuild). Findings are ordered by check, then file, then position.
    ValidationReport validate(const GeneratedComponent &component) const;

    // Whether `path` is a file a component named `name` may have: relative, inside
    // "<name>/", no "." or ".." segments, no backslashes, a .tsx/.ts/.css extension.
    static bool isAllowedPath(const QString &name, const QString &path);

private:
    ignis::EsbuildToolchain m_toolchain;
    TokenPalette m_palette;
};

} // namespace helios::spark
