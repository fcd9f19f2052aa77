// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <functional>

namespace helios::ignis {

// Rewrites the module specifiers of esbuild's ES module output -- `import ... from "x"`,
// `import "x"`, `export ... from "x"` and `import("x")` -- so a browser can load them:
// `resolve` maps each specifier to a URL ("./Button" to "/src/Button.tsx", "react" to
// "/@deps/react.js") or returns it unchanged. It works on esbuild's output only, whose
// statements are normalised (double quotes, one statement per line start), never on
// hand-written source.
class ImportRewriter {
public:
    using Resolve = std::function<QString(const QString &specifier)>;
    // The rewritten code; `specifiers` gets every specifier found, in order.
    static QByteArray rewrite(const QByteArray &code, const Resolve &resolve, QStringList *specifiers = nullptr);
};

} // namespace helios::ignis
