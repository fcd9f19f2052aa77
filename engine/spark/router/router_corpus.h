// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/result.h"
#include "spark/expert_family.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace helios::spark {

// One line of the corpus: a prompt as a user would type it, and the expert that should take it.
struct LabelledPrompt {
    ExpertFamily family = ExpertFamily::Button;
    QString prompt;
    int line = 0;  // 1-based line in the file it came from, 0 when made in code
};

// The router's labelled corpus: resources/spark/train.tsv and resources/spark/heldout.tsv,
// compiled into the library at build time (see router/CMakeLists.txt) so nothing is looked
// up on disk at run time. Lines are `<family id>\t<prompt>`; blank lines and lines starting
// with '#' are skipped.
class RouterCorpus {
public:
    // The shipped training and held-out sets. They are checked by the router tests; a line
    // that does not parse is logged and left out rather than taking the router down.
    static QList<LabelledPrompt> training();
    static QList<LabelledPrompt> heldOut();

    // SHA-256 (hex) over both shipped files: identifies the corpus a trained model came from.
    static QByteArray digest();

    // Strict parse: the first bad line (unknown family id, no tab, empty prompt) is an
    // InvalidArgument error whose context is `source:line`.
    [[nodiscard]] static Result<QList<LabelledPrompt>> parse(QByteArrayView tsv, const QString &source);
};

} // namespace helios::spark
