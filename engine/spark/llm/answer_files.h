// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/result.h"
#include "spark/generated_component.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace helios::spark {

// The files of a model's answer. The system prompt asks for each file as a heading with
// its path and a fenced block:
//
//   ### Card/Card.tsx
//   ```tsx
//   ...
//   ```
//
// and this reader also takes the usual variations: the path in the fence's info string
// (```tsx title="Card/Card.tsx", ```tsx Card/Card.tsx, filename=...), on a line before the
// fence ("File: `Card/Card.tsx`", "**Card/Card.tsx**", "// file: Card/Card.tsx"), or as
// the block's first line (// file: Card/Card.tsx, /* file: ... */, which is dropped);
// ``` or ~~~ fences; paths with "./", "src/components/" or without the folder. Blocks
// without a path are skipped with a note.
//
// Refused, as errors: a path that is absolute, has "..", lies outside the component's
// folder or has another extension than .tsx/.ts/.css; a file over maxFileBytes; more
// than maxFiles files; an unterminated block (a cut-off answer); no files at all, or no
// <Name>/<Name>.tsx. A missing index.ts is written (re-exporting the component) with a note.
struct AnswerFiles {
    QList<GeneratedFile> files;
    QStringList notes;

    static constexpr qsizetype maxFileBytes = 200 * 1024;
    static constexpr int maxFiles = 20;

    static Result<AnswerFiles> parse(const QString &answer, const QString &name);
};

} // namespace helios::spark
