// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "spark/expert_family.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace helios::spark {

// One file an expert wrote. `path` is relative to the project's components directory
// ("src/components") and always starts with the component's folder: "Card/Card.tsx",
// "Card/Card.module.css", "Card/Card.stories.tsx", "Card/index.ts", and for a composed
// part "Card/Button.tsx" with "Card/Button.module.css".
struct GeneratedFile {
    QString path;
    QByteArray content;
    bool operator==(const GeneratedFile &other) const = default;
};

// What one generation produced: a component folder's files, ready to validate and write.
struct GeneratedComponent {
    QString name;                  // PascalCase, also the folder's name
    ExpertFamily family = ExpertFamily::Button;
    QString expert;                // the expert that wrote it: a family id, or "llm"
    QList<GeneratedFile> files;
    QStringList composedParts;     // names of parts another expert wrote ("Button")
    QStringList notes;             // what the expert assumed, for the user ("no columns named: 3 defaults")
};

} // namespace helios::spark
